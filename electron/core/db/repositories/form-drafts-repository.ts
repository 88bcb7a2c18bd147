import type { FormDraftRef, FormKind } from '../../../../shared/contract/drafts';
import { prepare, type ReadableDB, type WritableDB } from '../database';

/** One draft per form and record it edits; `new` for a record not saved yet. */
export const formDraftKey = (ref: FormDraftRef): string => (ref.form === 'profile' ? 'profile' : `${ref.form}:${ref.targetId ?? 'new'}`);

/** The record a key names, back from the key (null target: a new record). */
const refOfKey = (form: FormKind, key: string): string | null => {
  const target = key.slice(form.length + 1);
  return target === 'new' || target === '' ? null : target;
};

/** Replaces the form's draft; the value is the form's state as JSON (checked by the contract before it gets here). */
export const writeFormDraft = (db: WritableDB, key: string, value: unknown, now: Date): string => {
  const savedAt = now.toISOString();
  prepare(
    db,
    `INSERT INTO form_drafts (form_key, value, saved_at) VALUES (?, ?, ?)
     ON CONFLICT (form_key) DO UPDATE SET value = excluded.value, saved_at = excluded.saved_at`,
  ).run(key, JSON.stringify(value), savedAt);
  return savedAt;
};

export const readFormDraft = (db: ReadableDB, key: string): { value: unknown; savedAt: string } | null => {
  const row = prepare(db, 'SELECT value, saved_at AS savedAt FROM form_drafts WHERE form_key = ?').get(key) as
    | { value: string; savedAt: string }
    | undefined;
  return row ? { value: JSON.parse(row.value) as unknown, savedAt: row.savedAt } : null;
};

export const deleteFormDraft = (db: WritableDB, key: string): boolean =>
  prepare(db, 'DELETE FROM form_drafts WHERE form_key = ?').run(key).changes > 0;

/** Every draft of one form, newest first. */
export const listFormDrafts = (db: ReadableDB, form: FormKind): { targetId: string | null; value: unknown; savedAt: string }[] =>
  (
    prepare(
      db,
      "SELECT form_key AS key, value, saved_at AS savedAt FROM form_drafts WHERE form_key = ? OR form_key LIKE ? || ':%' ORDER BY saved_at DESC",
    ).all(form, form) as { key: string; value: string; savedAt: string }[]
  ).map((row) => ({ targetId: refOfKey(form, row.key), value: JSON.parse(row.value) as unknown, savedAt: row.savedAt }));

/** When the record a form edits was last written (null: no such record). */
export const readEditedRecordTime = (db: ReadableDB, form: FormKind, targetId: string | null): string | null => {
  const row =
    form === 'profile'
      ? prepare(db, 'SELECT updated_at AS at FROM profile WHERE id = 1').get()
      : targetId === null
        ? undefined
        : form === 'portfolio-item'
          ? prepare(db, 'SELECT updated_at AS at FROM portfolio_items WHERE id = ?').get(targetId)
          : prepare(db, 'SELECT updated_at AS at FROM templates WHERE id = ?').get(targetId);
  return (row as { at: string } | undefined)?.at ?? null;
};
