import { BrowserWindow } from 'electron';
import { appEntryUrl } from './policy/app-origin';
import type { secureWebPreferences } from './policy/web-preferences';

export type MainWindowOptions = {
  preloadPath: string;
  /** The Vite dev server in development; the packaged renderer over app:// otherwise. */
  devServerUrl: string | undefined;
};

export const createMainWindow = (options: MainWindowOptions): BrowserWindow => {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 880,
    minHeight: 560,
    title: 'Bottega',
    show: false,
    backgroundColor: '#1e1e1e',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
      disableBlinkFeatures: 'Auxclick',
    } satisfies typeof secureWebPreferences & { preload: string },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.devServerUrl ?? appEntryUrl);
  return window;
};
