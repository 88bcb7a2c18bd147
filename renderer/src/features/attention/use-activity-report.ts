import { useEffect } from 'react';
import type { ActivityState } from '../../../../shared/domain/attention';
import { useClient } from '../../app/client-context';

/** Without a key or a pointer for this long, the user is away: the sync polls more slowly. */
const idleAfterMs = 5 * 60_000;

type NetworkInformationLike = EventTarget & { saveData?: boolean };

/** The browser's data saver (a metered connection, where the OS tells it); not every browser says. */
const networkInformation = (): NetworkInformationLike | null => {
  const connection: unknown = Reflect.get(navigator, 'connection');
  return connection instanceof EventTarget ? connection : null;
};

/** Focus in an editable field of the proposal editor: the user is writing a proposal. */
const isComposingProposal = (): boolean => {
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || !active.closest('.proposal-editor')) return false;
  return active.isContentEditable || active instanceof HTMLTextAreaElement || active instanceof HTMLInputElement;
};

/**
 * Tells the core whether the user is here ('active'), away ('idle') or the window hidden ('background'), and
 * whether a proposal is being written; only changes are sent.
 */
export const useActivityReport = (): void => {
  const client = useClient();
  useEffect(() => {
    let idle = false;
    let idleTimer: ReturnType<typeof setTimeout> | undefined;
    let last = '';
    const report = (): void => {
      const state: ActivityState = document.visibilityState === 'hidden' ? 'background' : idle ? 'idle' : 'active';
      const composingProposal = isComposingProposal();
      const saveData = networkInformation()?.saveData === true;
      const next = `${state}:${composingProposal}:${saveData}`;
      if (next === last) return;
      last = next;
      // A refusal (the core restarting) is harmless: the next change reports again.
      client.attention.reportActivity({ state, composingProposal, saveData }).catch(() => (last = ''));
    };
    const touched = (): void => {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => {
        idle = true;
        report();
      }, idleAfterMs);
      if (idle) {
        idle = false;
        report();
      }
    };
    const focusMoved = (): void => queueMicrotask(report);
    const events = ['keydown', 'pointerdown', 'wheel'] as const;
    for (const event of events) window.addEventListener(event, touched, { passive: true, capture: true });
    document.addEventListener('visibilitychange', report);
    networkInformation()?.addEventListener('change', report);
    document.addEventListener('focusin', focusMoved);
    document.addEventListener('focusout', focusMoved);
    touched();
    report();
    return () => {
      clearTimeout(idleTimer);
      for (const event of events) window.removeEventListener(event, touched, { capture: true });
      document.removeEventListener('visibilitychange', report);
      networkInformation()?.removeEventListener('change', report);
      document.removeEventListener('focusin', focusMoved);
      document.removeEventListener('focusout', focusMoved);
    };
  }, [client]);
};
