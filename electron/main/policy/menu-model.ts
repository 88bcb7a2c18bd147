/**
 * The application menu and the tray menu as plain data with translated labels: built from a
 * translation function so they follow the app's language, tested without Electron, and turned into
 * Electron menus by native/menus.ts.
 */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

export const menuRoles = [
  'about', 'hide', 'hideOthers', 'unhide', 'quit', 'close', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll',
  'reload', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'minimize', 'zoom', 'front', 'toggleDevTools',
] as const;
export type MenuRole = (typeof menuRoles)[number];

export type MenuAction = 'check-updates' | 'open-settings' | 'show-logs' | 'send-report' | 'open-window' | 'open-messages' | 'quit';

export type MenuNode =
  | { kind: 'separator' }
  | { kind: 'item'; id: string; label: string; role?: MenuRole; action?: MenuAction; accelerator?: string }
  | { kind: 'submenu'; id: string; label: string; submenu: MenuNode[]; role?: 'appMenu' | 'windowMenu' | 'help' };

export type MenuOptions = { platform: string; development: boolean };

const separator: MenuNode = { kind: 'separator' };

const item = (t: Translate, id: string, extra: { role?: MenuRole; action?: MenuAction; accelerator?: string } = {}): MenuNode => ({
  kind: 'item',
  id,
  label: t(`menu.${id}`),
  ...extra,
});

export const buildApplicationMenu = (t: Translate, options: MenuOptions): MenuNode[] => {
  const mac = options.platform === 'darwin';
  const appMenu: MenuNode[] = mac
    ? [
        {
          kind: 'submenu',
          id: 'app',
          label: t('menu.app'),
          role: 'appMenu',
          submenu: [
            item(t, 'about', { role: 'about' }),
            item(t, 'checkForUpdates', { action: 'check-updates' }),
            separator,
            item(t, 'preferences', { action: 'open-settings', accelerator: 'CmdOrCtrl+,' }),
            separator,
            item(t, 'hide', { role: 'hide' }),
            item(t, 'hideOthers', { role: 'hideOthers' }),
            item(t, 'showAll', { role: 'unhide' }),
            separator,
            item(t, 'quit', { role: 'quit' }),
          ],
        },
      ]
    : [];
  const file: MenuNode = {
    kind: 'submenu',
    id: 'file',
    label: t('menu.file'),
    submenu: mac
      ? [item(t, 'closeWindow', { role: 'close' })]
      : [item(t, 'preferences', { action: 'open-settings', accelerator: 'CmdOrCtrl+,' }), separator, item(t, 'quit', { action: 'quit', accelerator: 'CmdOrCtrl+Q' })],
  };
  const edit: MenuNode = {
    kind: 'submenu',
    id: 'edit',
    label: t('menu.edit'),
    submenu: [
      item(t, 'undo', { role: 'undo' }),
      item(t, 'redo', { role: 'redo' }),
      separator,
      item(t, 'cut', { role: 'cut' }),
      item(t, 'copy', { role: 'copy' }),
      item(t, 'paste', { role: 'paste' }),
      item(t, 'selectAll', { role: 'selectAll' }),
    ],
  };
  const view: MenuNode = {
    kind: 'submenu',
    id: 'view',
    label: t('menu.view'),
    submenu: [
      item(t, 'reload', { role: 'reload' }),
      // Developer tools only in development: a packaged app gives strangers' content no console.
      ...(options.development ? [{ kind: 'item', id: 'devTools', label: 'Developer Tools', role: 'toggleDevTools' } satisfies MenuNode] : []),
      separator,
      item(t, 'actualSize', { role: 'resetZoom' }),
      item(t, 'zoomIn', { role: 'zoomIn' }),
      item(t, 'zoomOut', { role: 'zoomOut' }),
      separator,
      item(t, 'toggleFullScreen', { role: 'togglefullscreen' }),
    ],
  };
  const window: MenuNode = {
    kind: 'submenu',
    id: 'window',
    label: t('menu.window'),
    role: 'windowMenu',
    submenu: [item(t, 'minimize', { role: 'minimize' }), item(t, 'zoom', { role: 'zoom' }), ...(mac ? [separator, item(t, 'front', { role: 'front' })] : [])],
  };
  const help: MenuNode = {
    kind: 'submenu',
    id: 'help',
    label: t('menu.help'),
    role: 'help',
    submenu: [
      ...(mac ? [] : [item(t, 'checkForUpdates', { action: 'check-updates' }), separator]),
      item(t, 'showLogs', { action: 'show-logs' }),
      item(t, 'sendReport', { action: 'send-report' }),
      ...(mac ? [] : [separator, item(t, 'about', { role: 'about' })]),
    ],
  };
  return [...appMenu, file, edit, view, window, help];
};

/** The tray's menu; with an unread count (once the core reported one), it leads with it and opens the conversations. */
export const buildTrayMenu = (t: Translate, unread?: number): MenuNode[] => [
  ...(unread === undefined
    ? []
    : [
        { kind: 'item', id: 'unread', label: unread > 0 ? t('tray.unread', { count: unread }) : t('tray.noUnread'), action: 'open-messages' } satisfies MenuNode,
        separator,
      ]),
  { kind: 'item', id: 'open', label: t('tray.open'), action: 'open-window' },
  { kind: 'item', id: 'checkForUpdates', label: t('tray.checkForUpdates'), action: 'check-updates' },
  separator,
  { kind: 'item', id: 'quit', label: t('tray.quit'), action: 'quit' },
];

export const trayTooltip = (t: Translate, unread: number): string =>
  unread > 0 ? t('tray.tooltipUnread', { count: unread }) : t('tray.tooltip');

/** Every label of a menu, depth first: what tests compare across languages. */
export const listMenuLabels = (nodes: readonly MenuNode[]): string[] =>
  nodes.flatMap((node) => (node.kind === 'separator' ? [] : node.kind === 'item' ? [node.label] : [node.label, ...listMenuLabels(node.submenu)]));
