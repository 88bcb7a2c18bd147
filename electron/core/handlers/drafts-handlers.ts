import type { Contract } from '../../../shared/contract';
import { formDraftSchema, type FormDraft, type FormDraftRef, type FormKind, type StoredFormDraft } from '../../../shared/contract/drafts';
import {
  deleteFormDraft,
  formDraftKey,
  listFormDrafts,
  readEditedRecordTime,
  readFormDraft,
  writeFormDraft,
} from '../db/repositories/form-drafts-repository';
import type { DomainHandlers } from '../rpc/rpc-server';
import type { CoreContext } from './context';

/** A stored draft as the contract spells it; one this version cannot read stays stored, just not offered. */
const toStored = (ref: FormDraftRef, stored: { value: unknown; savedAt: string }): StoredFormDraft | null => {
  const draft = formDraftSchema.safeParse({ ...ref, value: stored.value });
  return draft.success ? { draft: draft.data, savedAt: stored.savedAt } : null;
};

const refOf = (draft: FormDraft): FormDraftRef =>
  draft.form === 'profile' ? { form: 'profile' } : { form: draft.form, targetId: draft.targetId };

const targetOf = (ref: FormDraftRef): string | null => (ref.form === 'profile' ? null : ref.targetId);

export const createDraftsHandlers = ({ db }: CoreContext) => {
  /**
   * Worth restoring: a draft newer than the record it edits, or of a record not made yet (a new item; the
   * profile before its first save). A draft of a record gone since (deleted on another device) is not.
   */
  const isRestorable = (form: FormKind, targetId: string | null, savedAt: string): boolean => {
    const recordTime = readEditedRecordTime(db, form, targetId);
    if (recordTime === null) return form === 'profile' || targetId === null;
    return Date.parse(savedAt) > Date.parse(recordTime);
  };
  return {
    save: (draft) => ({ savedAt: writeFormDraft(db, formDraftKey(refOf(draft)), draft.value, new Date()) }),
    read: (ref) => {
      const stored = readFormDraft(db, formDraftKey(ref));
      return stored && isRestorable(ref.form, targetOf(ref), stored.savedAt) ? toStored(ref, stored) : null;
    },
    discard: (ref) => ({ discarded: deleteFormDraft(db, formDraftKey(ref)) }),
    list: ({ form }) =>
      listFormDrafts(db, form)
        .filter(({ targetId, savedAt }) => isRestorable(form, targetId, savedAt))
        .map(({ targetId, savedAt }) => ({ targetId, savedAt })),
  } satisfies DomainHandlers<Contract, 'drafts'>;
};
