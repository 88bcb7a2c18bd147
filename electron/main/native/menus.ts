import { Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import type { MenuAction, MenuNode } from '../policy/menu-model';

export type MenuActions = Record<MenuAction, () => void>;

/** Turns the translated menu model into Electron's template; roles keep their native behaviour, labels are ours. */
export const toElectronTemplate = (nodes: readonly MenuNode[], actions: MenuActions): MenuItemConstructorOptions[] =>
  nodes.map((node): MenuItemConstructorOptions => {
    if (node.kind === 'separator') return { type: 'separator' };
    if (node.kind === 'submenu') {
      return { id: node.id, label: node.label, ...(node.role ? { role: node.role } : {}), submenu: toElectronTemplate(node.submenu, actions) };
    }
    const action = node.action;
    return {
      id: node.id,
      label: node.label,
      ...(node.role ? { role: node.role } : {}),
      ...(node.accelerator ? { accelerator: node.accelerator } : {}),
      ...(action ? { click: () => actions[action]() } : {}),
    };
  });

export const installApplicationMenu = (nodes: readonly MenuNode[], actions: MenuActions): void => {
  Menu.setApplicationMenu(Menu.buildFromTemplate(toElectronTemplate(nodes, actions)));
};

/** The tray icon (not on macOS, where the dock plays that part); rebuilt whenever the language changes. */
export const createTray = (iconPath: string): Tray => {
  const image = nativeImage.createFromPath(iconPath).resize({ width: 22, height: 22 });
  return new Tray(image);
};

export const updateTray = (tray: Tray, nodes: readonly MenuNode[], actions: MenuActions, tooltip: string): void => {
  tray.setContextMenu(Menu.buildFromTemplate(toElectronTemplate(nodes, actions)));
  tray.setToolTip(tooltip);
};
