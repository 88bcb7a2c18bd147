import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FormDraft, FormDraftRef, FormKind, StoredFormDraft } from '../../../shared/contract/drafts';
import { useClient } from '../app/client-context';
import { typingSaveTiming } from './save-scheduler';
import { useDebouncedSave } from './use-debounced-save';

/** Which form and which record it edits (null: one not saved yet; the profile has no id). */
const toRef = (form: FormKind, targetId: string | null): FormDraftRef => (form === 'profile' ? { form } : { form, targetId });

/**
 * The draft to restore when a form opens (newer than what was saved), read before the form is shown so that
 * nothing typed meanwhile could be replaced by it; `valueOf` takes this form's value out of it. Mount the form
 * only once `loaded`, keyed by whether there is a draft: `onDiscarded` (after the user's Discard) starts it
 * again from the saved record.
 */
export const useRestorableDraft = <T>(
  form: FormKind,
  targetId: string | null,
  valueOf: (draft: FormDraft) => T | null,
): { loaded: boolean; restored: { value: T; savedAt: string } | null; onDiscarded: () => void } => {
  const client = useClient();
  const key = `${form}:${targetId ?? ''}`;
  const [state, setState] = useState<{ key: string; restored: StoredFormDraft | null } | null>(null);
  const [discarded, setDiscarded] = useState(false);
  const onDiscarded = useCallback(() => setDiscarded(true), []);
  useEffect(() => {
    let live = true;
    client.drafts.read(toRef(form, targetId)).then(
      (restored) => live && setState({ key, restored }),
      // Unreadable: the form opens from the saved record; the draft stays stored.
      () => live && setState({ key, restored: null }),
    );
    return () => {
      live = false;
    };
  }, [client, form, targetId, key]);
  if (state?.key !== key) return { loaded: false, restored: null, onDiscarded };
  const stored = discarded ? null : state.restored;
  const value = stored ? valueOf(stored.draft) : null;
  return { loaded: true, restored: stored && value !== null ? { value, savedAt: stored.savedAt } : null, onDiscarded };
};

/**
 * A form's state (starting from the `restored` draft, else from the saved record, `pristine`), kept as its draft
 * while the user types, with the app's one typing timing (saved after a pause and at least every 600 ms; flushed
 * when the form goes away or the window does). A state equal to `pristine` clears the draft instead: nothing is
 * left to restore. `toDraft` must be stable.
 */
export const useFormDraft = <T>(form: FormKind, targetId: string | null, toDraft: (value: T) => FormDraft, pristine: T, restored: T | null) => {
  const client = useClient();
  const pristineJson = useMemo(() => JSON.stringify(toDraft(pristine).value), [toDraft, pristine]);
  const write = useCallback(
    (draft: FormDraft | null): void => {
      const done = draft ? client.drafts.save(draft) : client.drafts.discard(toRef(form, targetId));
      // A draft that could not be written (the core restarting) is written whole with the next change.
      done.catch(() => undefined);
    },
    [client, form, targetId],
  );
  const { schedule, cancel } = useDebouncedSave(write, typingSaveTiming);
  /** Call with the form's state after each change the user makes. */
  const keep = useCallback(
    (value: T): void => {
      const draft = toDraft(value);
      schedule(JSON.stringify(draft.value) === pristineJson ? null : draft);
    },
    [toDraft, schedule, pristineJson],
  );
  /** Cancel or Discard: nothing pending is written, and the stored draft goes. */
  const discard = useCallback(async (): Promise<void> => {
    cancel();
    await client.drafts.discard(toRef(form, targetId));
  }, [cancel, client, form, targetId]);
  const [value, setValue] = useState<T>(() => restored ?? pristine);
  // The state as of the last change, for handlers that run before React renders it.
  const latest = useRef(value);
  /** Every change the user makes goes through here: shown, and kept as the form's draft. */
  const update = useCallback(
    (change: (previous: T) => T): void => {
      const next = change(latest.current);
      latest.current = next;
      setValue(next);
      keep(next);
    },
    [keep],
  );
  /** `cancel` before Save: the save clears the draft in its own transaction; on failure, `keep` again. */
  return { value, update, latest, keep, discard, cancel };
};

/** The records of one form that have a draft to restore (targetId null: a new one), to mark them in a list. */
export const useDraftsOf = (form: FormKind, refresh: unknown): { targetId: string | null; savedAt: string }[] => {
  const client = useClient();
  const [drafts, setDrafts] = useState<{ targetId: string | null; savedAt: string }[]>([]);
  useEffect(() => {
    let live = true;
    client.drafts.list({ form }).then(
      (listed) => live && setDrafts(listed),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client, form, refresh]);
  return drafts;
};
