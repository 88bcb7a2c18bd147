import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { AppPage } from '../e2e/pages/app-page';
import { windowBackgrounds } from '../../electron/main/policy/native-theme';
import { electronSkipReason, findElectronBinary } from './electron-binary';

const electronBinary = findElectronBinary();
const appDir = fileURLToPath(new URL('../..', import.meta.url));

const nativeThemeState = (app: ElectronApplication) =>
  app.evaluate(({ nativeTheme, BrowserWindow }) => ({
    source: nativeTheme.themeSource,
    dark: nativeTheme.shouldUseDarkColors,
    background: BrowserWindow.getAllWindows()[0]?.getBackgroundColor().toLowerCase(),
  }));

test('the theme chosen in Settings drives Electron’s own (menus, dialogs, title bar, window background), and survives a restart', async () => {
  test.skip(!electronBinary, electronSkipReason);
  const profile = mkdtempSync(path.join(tmpdir(), 'bottega-electron-theme-'));
  const launch = () =>
    electron.launch({
      executablePath: electronBinary,
      args: [appDir],
      env: { ...process.env, BOTTEGA_USER_DATA_DIR: profile, ELECTRON_RENDERER_URL: '', BOTTEGA_DISABLE_UPDATES: '1' },
    });
  let app = await launch();
  try {
    const page = new AppPage(await app.firstWindow());
    await expect.poll(async () => (await nativeThemeState(app)).source).toBe('system');
    await page.goTo('settings');
    const theme = page.page.getByTestId('theme');

    await theme.getByText('Dark', { exact: true }).click();
    await expect.poll(() => nativeThemeState(app)).toEqual({ source: 'dark', dark: true, background: windowBackgrounds.dark });
    await theme.getByText('Light', { exact: true }).click();
    await expect.poll(() => nativeThemeState(app)).toEqual({ source: 'light', dark: false, background: windowBackgrounds.light });

    // The core says the stored choice at start: the next launch is light before anyone touches Settings.
    await app.close();
    app = await launch();
    await app.firstWindow();
    await expect.poll(async () => (await nativeThemeState(app)).source).toBe('light');

    await new AppPage(await app.firstWindow()).goTo('settings');
    await (await app.firstWindow()).getByTestId('theme').getByText('Same as the system', { exact: true }).click();
    await expect.poll(async () => (await nativeThemeState(app)).source).toBe('system');
  } finally {
    await app.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
