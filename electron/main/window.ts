import { BrowserWindow, type WebPreferences } from 'electron';
import { appEntryUrl } from './policy/app-origin';
import { secureWebPreferences } from './policy/web-preferences';

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
    webPreferences: { ...secureWebPreferences, preload: options.preloadPath } satisfies WebPreferences,
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.devServerUrl ?? appEntryUrl);
  return window;
};
