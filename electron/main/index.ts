import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, session, type IpcMainEvent } from 'electron';
import { portChannel, portRequestChannel } from '../port-handshake';
import { applyDevServerHeaders, registerAppScheme, serveRendererFromAppProtocol } from './app-protocol';
import { startCoreProcess, type CoreProcess } from './core-process';
import { devServerOrigin } from './policy/app-origin';
import { isTrustedSender } from './policy/ipc-sender';
import { hardenSession, installSecurityPolicy } from './security';
import { createMainWindow } from './window';

// electron-vite sets ELECTRON_RENDERER_URL only under `electron-vite dev`; a packaged app never has it.
const devServerUrl = !app.isPackaged && devServerOrigin(process.env['ELECTRON_RENDERER_URL']) ? process.env['ELECTRON_RENDERER_URL'] : undefined;
const builtDir = import.meta.dirname;
const paths = {
  preload: path.join(builtDir, '../preload/index.cjs'),
  coreEntry: path.join(builtDir, 'core.js'),
  renderer: path.join(builtDir, '../renderer'),
};

const windows = new Set<BrowserWindow>();
let core: CoreProcess | undefined;
let quitting = false;

const openWindow = (): BrowserWindow => {
  const window = createMainWindow({ preloadPath: paths.preload, devServerUrl });
  windows.add(window);
  window.on('closed', () => windows.delete(window));
  return window;
};

const focusWindow = (): void => {
  const [window] = windows;
  if (!window) {
    openWindow();
    return;
  }
  if (window.isMinimized()) window.restore();
  window.focus();
};

/** The one IPC message the main process takes: a page of ours asking for its port to the core. */
const handlePortRequest = (event: IpcMainEvent): void => {
  const frame = event.senderFrame;
  const owner = BrowserWindow.fromWebContents(event.sender);
  const trusted = isTrustedSender(
    { url: frame?.url, isMainFrame: frame !== null && frame.parent === null, isOwnWindow: owner !== null && windows.has(owner) },
    devServerUrl,
  );
  if (!frame || !owner || !trusted || !core) {
    console.warn('Refused a port request from an untrusted or unknown frame.');
    return;
  }
  frame.postMessage(portChannel, null, [core.openChannel(owner.id)]);
};

const failHard = (message: string): void => {
  if (quitting) return;
  dialog.showErrorBox('Bottega cannot open your workspace', message);
  app.quit();
};

const start = async (): Promise<void> => {
  await app.whenReady();
  const options = { devServerUrl };
  hardenSession(session.defaultSession, options);
  if (devServerUrl) applyDevServerHeaders(devServerUrl, process.env['BOTTEGA_DEV_CSP_NONCE'], session.defaultSession);
  else serveRendererFromAppProtocol(paths.renderer, session.defaultSession);

  core = startCoreProcess({
    entryPath: paths.coreEntry,
    dataDir: path.join(app.getPath('userData'), 'workspace'),
    version: app.getVersion(),
    // Renderers keep no state that is not in the workspace: reloading reconnects them to the new core.
    onRestarted: () => {
      for (const window of windows) window.webContents.reload();
    },
    onFatal: failHard,
  });
  ipcMain.on(portRequestChannel, handlePortRequest);
  openWindow();
};

// Tests (tests/electron) run against a throwaway profile; must happen before the single-instance lock.
const profileOverride = process.env['BOTTEGA_USER_DATA_DIR'];
if (profileOverride && path.isAbsolute(profileOverride)) app.setPath('userData', profileOverride);

registerAppScheme();
installSecurityPolicy({ devServerUrl });

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusWindow);
  app.on('activate', () => {
    if (app.isReady() && windows.size === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Let the core checkpoint and close the database before the process goes away.
  app.on('before-quit', (event) => {
    if (quitting || !core) return;
    quitting = true;
    event.preventDefault();
    void core.stop().finally(() => app.quit());
  });
  start().catch((error: unknown) => {
    dialog.showErrorBox('Bottega failed to start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}
