import type { Notice } from '../../../shared/domain/attention';
import { describeNotices } from '../policy/attention-policy';
import type { Translate } from '../policy/menu-model';

export type AttentionPlatform = {
  /** Shows a native notification; `onClick` runs when the user clicks it. */
  notify(notification: { title: string; body: string; tag: string }, onClick: () => void): void;
};

export type AttentionService = {
  /** The core's notices (its policy already applied the user's settings): one native notification each. */
  showNotices(notices: readonly Notice[]): void;
  /** The language changed: later notifications speak it. */
  setTranslator(t: Translate): void;
};

/** Native notifications for the core's notices, in the app's language; a click opens the notice's item. */
export const createAttentionService = (platform: AttentionPlatform, initial: { t: Translate; open: (notice: Notice) => void }): AttentionService => {
  let t = initial.t;
  return {
    showNotices: (notices) => {
      for (const shown of describeNotices(t, notices)) {
        platform.notify({ title: shown.title, body: shown.body, tag: shown.tag }, () => initial.open(shown.notice));
      }
    },
    setTranslator: (next) => {
      t = next;
    },
  };
};
