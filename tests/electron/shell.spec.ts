import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { electronSkipReason, findElectronBinary } from './electron-binary';

const electronBinary = findElectronBinary();
const appDir = fileURLToPath(new URL('../..', import.meta.url));

type Launched = { app: ElectronApplication; window: Page; profile: string };

const launch = async (extraArgs: string[] = []): Promise<Launched> => {
  const profile = mkdtempSync(path.join(tmpdir(), 'bottega-electron-shell-'));
  const app = await electron.launch({
    executablePath: electronBinary,
    args: [appDir, ...extraArgs],
    env: { ...process.env, BOTTEGA_USER_DATA_DIR: profile, ELECTRON_RENDERER_URL: '', BOTTEGA_DISABLE_UPDATES: '1' },
  });
  const window = await app.firstWindow();
  await window.waitForLoadState('domcontentloaded');
  return { app, window, profile };
};

const quit = async ({ app, profile }: Launched): Promise<void> => {
  await app.close();
  rmSync(profile, { recursive: true, force: true });
};

const setLanguage = (window: Page, language: string) =>
  window.evaluate(async (value) => {
    const bridge: unknown = Reflect.get(globalThis, 'bottega');
    const settings: unknown = bridge && typeof bridge === 'object' ? Reflect.get(bridge, 'settings') : undefined;
    const call: unknown = settings && typeof settings === 'object' ? Reflect.get(settings, 'setLanguage') : undefined;
    return typeof call === 'function' ? Promise.resolve(call({ language: value })) : undefined;
  }, language);

const readHash = (page: Page) =>
  page.evaluate(() => {
    const location: unknown = Reflect.get(globalThis, 'location');
    return location && typeof location === 'object' ? String(Reflect.get(location, 'hash')) : '';
  });

const menuLabels = (app: ElectronApplication) =>
  app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((item) => item.label) ?? []);

test.describe('Bottega’s native shell in Electron', () => {
  test('the application menu follows the app’s language: Italian', async () => {
    test.skip(!electronBinary, electronSkipReason);
    const launched = await launch();
    try {
      await setLanguage(launched.window, 'it');
      await expect.poll(() => menuLabels(launched.app)).toEqual(
        process.platform === 'darwin' ? ['Bottega', 'File', 'Modifica', 'Vista', 'Finestra', 'Aiuto'] : ['File', 'Modifica', 'Vista', 'Finestra', 'Aiuto'],
      );
      const help = await launched.app.evaluate(({ Menu }) =>
        Menu.getApplicationMenu()?.items.at(-1)?.submenu?.items.map((item) => item.label).filter((label) => label.length > 0),
      );
      expect(help).toContain('Invia una segnalazione di problema…');
    } finally {
      await quit(launched);
    }
  });

  test('a second launch with a deep link focuses the running window and opens the linked thread', async () => {
    test.skip(!electronBinary, electronSkipReason);
    const launched = await launch();
    try {
      await launched.window.waitForFunction(() => Reflect.has(globalThis, 'bottega'));
      // What the OS does for bottega://thread/t-42 while Bottega runs: start it again with the link.
      await launched.app.evaluate(({ app }) => {
        app.emit('second-instance', {}, [process.execPath, 'bottega://thread/t-42'], process.cwd());
      });
      await expect.poll(() => readHash(launched.window)).toBe('#/messages/t-42');

      // A hostile link is refused in main and never reaches the window.
      await launched.app.evaluate(({ app }) => {
        app.emit('second-instance', {}, [process.execPath, 'bottega://thread/../../settings?reset=1'], process.cwd());
      });
      await launched.window.waitForTimeout(300);
      expect(await readHash(launched.window)).toBe('#/messages/t-42');
      expect(launched.app.windows()).toHaveLength(1);
    } finally {
      await quit(launched);
    }
  });
});
