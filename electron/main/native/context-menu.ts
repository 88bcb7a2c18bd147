import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { buildContextMenu, type ContextMenuNode } from '../policy/context-menu-model';
import type { Translate } from '../policy/menu-model';

const toTemplate = (nodes: readonly ContextMenuNode[], window: BrowserWindow): MenuItemConstructorOptions[] =>
  nodes.map((node): MenuItemConstructorOptions => {
    switch (node.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'note':
        return { label: node.label, enabled: false };
      case 'replace':
        return { label: node.label, click: () => window.webContents.replaceMisspelling(node.word) };
      case 'add-to-dictionary':
        return { label: node.label, click: () => window.webContents.session.addWordToSpellCheckerDictionary(node.word) };
      case 'edit':
        return { label: node.label, role: node.role, enabled: node.enabled };
    }
  });

/** The window's right-click menu, in the app's language at the time of the click (`translator` is read then). */
export const installContextMenu = (window: BrowserWindow, translator: () => Translate): void => {
  window.webContents.on('context-menu', (_event, params) => {
    const nodes = buildContextMenu(translator(), params);
    if (nodes.length > 0) Menu.buildFromTemplate(toTemplate(nodes, window)).popup({ window });
  });
};
