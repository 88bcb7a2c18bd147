import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { screen, type BrowserWindow } from 'electron';
import { captureWindowState, restoreWindowPlacement, type WindowPlacement } from '../policy/window-state';

const fileName = 'window-state.json';

/** Where the main window opens: the saved placement, checked against the displays attached now. */
export const loadWindowPlacement = (userDataDir: string): WindowPlacement => {
  let saved: unknown;
  try {
    saved = JSON.parse(readFileSync(path.join(userDataDir, fileName), 'utf8'));
  } catch {
    saved = undefined;
  }
  return restoreWindowPlacement(saved, screen.getAllDisplays().map((display) => display.workArea));
};

/** Saves the window's normal bounds and maximized state when it moves, resizes or closes. */
export const rememberWindowState = (window: BrowserWindow, userDataDir: string): void => {
  let timer: NodeJS.Timeout | undefined;
  const save = (): void => {
    if (window.isDestroyed() || window.isFullScreen()) return;
    const state = captureWindowState(window.getNormalBounds(), window.isMaximized());
    if (!state) return;
    try {
      writeFileSync(path.join(userDataDir, fileName), JSON.stringify(state));
    } catch {
      // Losing the window's size is not worth failing over.
    }
  };
  const saveSoon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event as 'resize', saveSoon);
  window.on('close', () => {
    clearTimeout(timer);
    save();
  });
};
