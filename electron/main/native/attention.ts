import type { Translate } from '../policy/menu-model';

export type AttentionPlatform = {
  /** Shows a native notification; `onClick` focuses the window. */
  notify(title: string, body: string, onClick: () => void): void;
};

export type AttentionService = {
  /** New projects match a saved search (the core's `search-matches` message). */
  notifySearchMatches(search: string, count: number): void;
  /** The language changed: later notifications speak it. */
  setTranslator(t: Translate): void;
};

const clampCount = (count: number): number => (Number.isFinite(count) ? Math.max(0, Math.min(99_999, Math.floor(count))) : 0);

/**
 * Native notifications for what the core reports: saved-search matches. The text holds a count and the
 * user's own search name (on one line, cut short), never text written by strangers.
 */
export const createAttentionService = (platform: AttentionPlatform, initial: { t: Translate; focus: () => void }): AttentionService => {
  let t = initial.t;
  return {
    notifySearchMatches: (search, count) => {
      const safe = clampCount(count);
      const name = search.replace(/\s+/g, ' ').trim().slice(0, 80);
      if (safe > 0 && name) platform.notify('Bottega', t('notifications.searchMatches', { count: safe, search: name }), initial.focus);
    },
    setTranslator: (next) => {
      t = next;
    },
  };
};
