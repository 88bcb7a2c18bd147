import { BrowserWindow } from 'electron';
import { appEntryUrl } from './policy/app-origin';
import type { secureWebPreferences } from './policy/web-preferences';
import { windowLimits, type WindowPlacement } from './policy/window-state';

export type MainWindowOptions = {
  preloadPath: string;
  /** The Vite dev server in development; the packaged renderer over app:// otherwise. */
  devServerUrl: string | undefined;
  /** Saved size and position (already checked against the displays), or the defaults. */
  placement?: WindowPlacement;
  /** Linux and Windows show it in the taskbar; macOS takes the bundle's icon. */
  iconPath?: string;
  /** A hash route to open at, e.g. `#/settings`. */
  hash?: string;
  /** Painted before the renderer draws: the page background of the theme in use (policy/native-theme). */
  backgroundColor: string;
};

export const createMainWindow = (options: MainWindowOptions): BrowserWindow => {
  const window = new BrowserWindow({
    width: options.placement?.width ?? windowLimits.defaultWidth,
    height: options.placement?.height ?? windowLimits.defaultHeight,
    ...(options.placement?.x !== undefined && options.placement.y !== undefined ? { x: options.placement.x, y: options.placement.y } : {}),
    minWidth: windowLimits.minWidth,
    minHeight: windowLimits.minHeight,
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    title: 'Bottega',
    show: false,
    backgroundColor: options.backgroundColor,
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
  window.once('ready-to-show', () => {
    if (options.placement?.maximized) window.maximize();
    window.show();
  });
  void window.loadURL(`${options.devServerUrl ?? appEntryUrl}${options.hash ?? ''}`);
  return window;
};
