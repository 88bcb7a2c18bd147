import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { contract } from '../../shared/contract';
import { electronSkipReason, findElectronBinary } from './electron-binary';

const electronBinary = findElectronBinary();
const appDir = fileURLToPath(new URL('../..', import.meta.url));

type Launched = { app: ElectronApplication; window: Page; profile: string };

const launch = async (): Promise<Launched> => {
  const profile = mkdtempSync(path.join(tmpdir(), 'bottega-electron-'));
  const app = await electron.launch({
    executablePath: electronBinary,
    args: [appDir],
    env: { ...process.env, BOTTEGA_USER_DATA_DIR: profile, ELECTRON_RENDERER_URL: '' },
  });
  const window = await app.firstWindow();
  await window.waitForLoadState('domcontentloaded');
  return { app, window, profile };
};

const quit = async ({ app, profile }: Launched): Promise<void> => {
  await app.close();
  rmSync(profile, { recursive: true, force: true });
};

test.describe('Bottega in Electron', () => {
  test('the window follows Electron’s security checklist and shows the app over app://', async () => {
    test.skip(!electronBinary, electronSkipReason);
    const launched = await launch();
    try {
      const preferences = await launched.app.evaluate(({ BrowserWindow }) => {
        const [window] = BrowserWindow.getAllWindows();
        // getLastWebPreferences() reports what the renderer actually got; it is missing from Electron's typings.
        const read: unknown = window ? Reflect.get(window.webContents, 'getLastWebPreferences') : undefined;
        const last: unknown = typeof read === 'function' ? Reflect.apply(read, window?.webContents, []) : undefined;
        const names = [
          'contextIsolation',
          'sandbox',
          'nodeIntegration',
          'nodeIntegrationInWorker',
          'nodeIntegrationInSubFrames',
          'webSecurity',
          'allowRunningInsecureContent',
          'experimentalFeatures',
          'webviewTag',
        ];
        return Object.fromEntries(names.map((name) => [name, last && typeof last === 'object' ? Reflect.get(last, name) : undefined]));
      });
      expect(preferences).toEqual({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
      });
      expect(launched.window.url()).toMatch(/^app:\/\/bottega\//);
      const response = await launched.window.evaluate(async () => {
        const answer = await fetch('/index.html');
        return answer.headers.get('content-security-policy');
      });
      expect(response).toContain("script-src 'self'");
      expect(response).not.toContain('unsafe-inline');
    } finally {
      await quit(launched);
    }
  });

  test('window.bottega is exactly the contract: its domains and methods, plus on', async () => {
    test.skip(!electronBinary, electronSkipReason);
    const launched = await launch();
    try {
      const exposed = await launched.window.evaluate(() => {
        const bridge: unknown = Reflect.get(globalThis, 'bottega');
        if (!bridge || typeof bridge !== 'object') return undefined;
        return Object.fromEntries(
          Object.entries(bridge).map(([key, value]) => [
            key,
            typeof value === 'function' ? 'function' : Object.keys(value ?? {}).sort(),
          ]),
        );
      });
      const expected = Object.fromEntries([
        ...Object.entries(contract.methods).map(([domain, methods]) => [domain, Object.keys(methods).sort()]),
        ['on', 'function'],
      ]);
      expect(exposed).toEqual(expected);

      const leaks = await launched.window.evaluate(() =>
        ['require', 'process', 'ipcRenderer', 'electron', 'module', 'Buffer'].filter((name) => Reflect.has(globalThis, name)),
      );
      expect(leaks).toEqual([]);

      const info = await launched.window.evaluate(() => {
        const bridge: unknown = Reflect.get(globalThis, 'bottega');
        const app: unknown = bridge && typeof bridge === 'object' ? Reflect.get(bridge, 'app') : undefined;
        const getInfo: unknown = app && typeof app === 'object' ? Reflect.get(app, 'getInfo') : undefined;
        return typeof getInfo === 'function' ? Promise.resolve(getInfo()) : undefined;
      });
      expect(info).toMatchObject({ ok: true, value: { host: 'electron' } });
    } finally {
      await quit(launched);
    }
  });

  test('navigation away from the app and new windows are refused', async () => {
    test.skip(!electronBinary, electronSkipReason);
    const launched = await launch();
    try {
      const before = launched.window.url();
      await launched.app.evaluate(({ shell }) => {
        // Keep the test from opening the user's browser.
        shell.openExternal = async () => {};
      });
      await launched.window.evaluate(() => {
        const open: unknown = Reflect.get(globalThis, 'open');
        if (typeof open === 'function') open('https://example.com/', '_blank');
        const location: unknown = Reflect.get(globalThis, 'location');
        if (location && typeof location === 'object') Reflect.set(location, 'href', 'file:///etc/passwd');
      });
      await launched.window.waitForTimeout(500);
      expect(launched.window.url()).toBe(before);
      expect(launched.app.windows()).toHaveLength(1);
    } finally {
      await quit(launched);
    }
  });
});
