import type { Notice } from '../../../shared/domain/attention';
import { hashOfNotice, tagOfNotice } from '../../../shared/domain/attention';
import { describeNotice } from '../../../shared/i18n/notice-text';
import { buildTrayMenu, trayTooltip, type MenuNode, type Translate } from './menu-model';

/**
 * What the desktop does about attention, as data: which native notifications to show and what their click
 * does, the badge, the tray, and whether closing the last window quits. native/attention.ts and index.ts apply
 * it to Electron; tests check it without Electron.
 */

/** Windows and Linux have a tray; on macOS the dock plays that part (and closing a window never quits there). */
export const hasTray = (platform: string): boolean => platform !== 'darwin';

/**
 * Closing the last window keeps Bottega running (core, sync, notifications) on macOS, and where the tray is
 * shown and the user did not turn close-to-tray off (null: never chosen, on by default).
 */
export const keepsRunningWithoutWindows = (state: { platform: string; trayShown: boolean; closeToTray: boolean | null }): boolean =>
  state.platform === 'darwin' || (state.trayShown && (state.closeToTray ?? true));

/** Launch at login through Electron's login items: macOS and Windows only (Linux desktops use autostart files). */
export const supportsLoginItems = (platform: string): boolean => platform === 'darwin' || platform === 'win32';

/** Notification Center groups by this id, and Windows shows notifications only for an app that has one (the installer's appId). */
export const appUserModelId = 'app.bottega.desktop';

const maxBadge = 9_999;

export type AttentionIndicators = {
  /** app.setBadgeCount: the dock (macOS) and Unity launchers (Linux); 0 clears it. */
  badgeCount: number;
  /** Windows has no badge count: an overlay icon on the taskbar button, with this description (null clears it). */
  overlayDescription: string | null;
  trayTooltip: string;
  trayMenu: MenuNode[];
};

export const describeIndicators = (t: Translate, unread: number, platform: string): AttentionIndicators => {
  const count = Number.isFinite(unread) ? Math.max(0, Math.min(maxBadge, Math.floor(unread))) : 0;
  return {
    badgeCount: count,
    overlayDescription: platform === 'win32' && count > 0 ? t('tray.unread', { count }) : null,
    trayTooltip: trayTooltip(t, count),
    trayMenu: buildTrayMenu(t, count),
  };
};

export type NativeNotice = { title: string; body: string; tag: string; notice: Notice };

/** Each notice in the user's language, tagged so that a newer one about the same item replaces it. */
export const describeNotices = (t: Translate, notices: readonly Notice[]): NativeNotice[] =>
  notices.map((notice) => ({ ...describeNotice(t, notice), tag: tagOfNotice(notice), notice }));

/**
 * A click on a notification: with a window open, focus it and tell it (through the core) to open the item;
 * without one (closed to the tray), open a window straight on the item's route.
 */
export type NoticeClick = { kind: 'focus-and-open'; notice: Notice } | { kind: 'open-window'; hash: string };

export const decideNoticeClick = (notice: Notice, windowOpen: boolean): NoticeClick =>
  windowOpen ? { kind: 'focus-and-open', notice } : { kind: 'open-window', hash: hashOfNotice(notice) };

/**
 * The taskbar overlay on Windows: a filled dot in the accent colour, drawn as BGRA pixels (no image file to
 * ship; nativeImage.createFromBitmap takes these). Edges are blended for a round look at 16 px.
 */
export const drawOverlayDot = (size = 16, rgb: readonly [number, number, number] = [0xb4, 0x45, 0x1c]): Buffer => {
  const pixels = Buffer.alloc(size * size * 4);
  const centre = (size - 1) / 2;
  const radius = size / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const distance = Math.hypot(x - centre, y - centre);
      const coverage = Math.max(0, Math.min(1, radius - distance));
      const at = (y * size + x) * 4;
      // Premultiplied BGRA, as Electron's bitmaps are.
      pixels[at] = Math.round(rgb[2] * coverage);
      pixels[at + 1] = Math.round(rgb[1] * coverage);
      pixels[at + 2] = Math.round(rgb[0] * coverage);
      pixels[at + 3] = Math.round(255 * coverage);
    }
  }
  return pixels;
};

/**
 * Launch at login on Linux: an XDG autostart entry (~/.config/autostart), since Electron's login items do not
 * exist there. An AppImage starts from its own file (APPIMAGE), anything else from the executable.
 */
export const linuxAutostartEntry = (env: { APPIMAGE?: string | undefined; XDG_CONFIG_HOME?: string | undefined; HOME?: string | undefined }, execPath: string): { file: string; content: string } | null => {
  const configDir = env.XDG_CONFIG_HOME?.startsWith('/') ? env.XDG_CONFIG_HOME : env.HOME?.startsWith('/') ? `${env.HOME}/.config` : null;
  if (!configDir) return null;
  const target = env.APPIMAGE?.startsWith('/') ? env.APPIMAGE : execPath;
  // The desktop entry spec's quoting: inside double quotes, ", `, $ and \ take a backslash.
  const quoted = `"${target.replace(/["`$\\]/g, (character) => `\\${character}`)}"`;
  return {
    file: `${configDir}/autostart/bottega.desktop`,
    content: ['[Desktop Entry]', 'Type=Application', 'Name=Bottega', `Exec=${quoted}`, 'X-GNOME-Autostart-enabled=true', ''].join('\n'),
  };
};
