import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FormDraft, FormDraftRef, FormKind, StoredFormDraft } from '../../../shared/contract/drafts';
import { useClient } from '../app/client-context';
import { typingSaveTiming } from './save-scheduler';
import { useDebouncedSave } from './use-debounced-save';

/** Which form and which record it edits (null: one not saved yet; the profile has no id). */
const toRef = (form: FormKind, targetId: string | null): FormDraftRef => (form === 'profile' ? { form } : { form, targetId });

/**
 * The draft to restore when a form opens (newer than what was saved), read before the form is shown so that
 * nothing typed meanwhile could be replaced by it. Mount the form only once `loaded`.
 */
export const useRestorableDraft = (form: FormKind, targetId: string | null): { loaded: boolean; restored: StoredFormDraft | null } => {
  const client = useClient();
  const key = `${form}:${targetId ?? ''}`;
  const [state, setState] = useState<{ key: string; restored: StoredFormDraft | null } | null>(null);
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
  return state?.key === key ? { loaded: true, restored: state.restored } : { loaded: false, restored: null };
};

/**
 * Keeps a form's state as its draft while the user types, with the app's one typing timing (saved after a
 * pause and at least every 600 ms; flushed when the form goes away or the window does). A state equal to the
 * saved record (`pristine`) clears the draft instead: nothing is left to restore. `toDraft` must be stable.
 */
export const useFormDraft = <T>(form: FormKind, targetId: string | null, toDraft: (value: T) => FormDraft, pristine: T) => {
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
  /** `cancel` before Save: the save clears the draft in its own transaction; on failure, `keep` again. */
  return { keep, discard, cancel };
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
