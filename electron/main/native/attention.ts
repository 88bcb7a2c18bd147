import type { Translate } from '../policy/menu-model';

export type AttentionPlatform = {
  /** Shows a native notification; `onClick` focuses the window. */
  notify(title: string, body: string, onClick: () => void): void;
  /** Dock/taskbar badge (macOS, Linux Unity); 0 clears it. */
  setBadgeCount(count: number): void;
  setTrayTooltip(text: string): void;
};

export type AttentionService = {
  /** Unread messages changed (from the sync engine, through the core). */
  setUnreadCount(count: number): void;
  notifyNewMessages(count: number): void;
  notifySearchMatches(search: string, count: number): void;
  /** The user's notification setting. */
  setNotificationsEnabled(enabled: boolean): void;
  /** The language changed: tooltips are redrawn in it. */
  setTranslator(t: Translate): void;
};

const clampCount = (count: number): number => (Number.isFinite(count) ? Math.max(0, Math.min(99_999, Math.floor(count))) : 0);

/**
 * Notifications and badge counts, with the API the core will call once new messages and saved-search
 * matches exist (sync engine). Notification text holds counts and the user's own search name, never
 * message bodies written by strangers.
 */
export const createAttentionService = (platform: AttentionPlatform, initial: { t: Translate; focus: () => void }): AttentionService => {
  let t = initial.t;
  let enabled = true;
  let unread = 0;
  const redraw = (): void => {
    platform.setBadgeCount(unread);
    platform.setTrayTooltip(unread > 0 ? t('tray.tooltipUnread', { count: unread }) : t('tray.tooltip'));
  };
  return {
    setUnreadCount: (count) => {
      unread = clampCount(count);
      redraw();
    },
    notifyNewMessages: (count) => {
      const safe = clampCount(count);
      if (enabled && safe > 0) platform.notify('Bottega', t('notifications.newMessages', { count: safe }), initial.focus);
    },
    notifySearchMatches: (search, count) => {
      const safe = clampCount(count);
      const name = search.replace(/\s+/g, ' ').trim().slice(0, 80);
      if (enabled && safe > 0 && name) platform.notify('Bottega', t('notifications.searchMatches', { count: safe, search: name }), initial.focus);
    },
    setNotificationsEnabled: (value) => {
      enabled = value;
    },
    setTranslator: (next) => {
      t = next;
      redraw();
    },
  };
};
