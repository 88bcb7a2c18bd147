import type { AccountId } from '../../../../shared/domain/accounts';
import { prepare, type ReadableDB, type WritableDB } from '../database';

export type Conflict = {
  id: number;
  entityType: string;
  entityId: string;
  outboxSeq: number | null;
  localPayload: unknown;
  serverRecord: { id: string; version: number } & Record<string, unknown>;
  /** The account whose push met it (the server's record is that account's). */
  accountId: AccountId | null;
  createdAt: string;
};

type ConflictRow = Omit<Conflict, 'localPayload' | 'serverRecord'> & { localPayload: string; serverRecord: string };

const toConflict = (row: ConflictRow): Conflict => ({
  ...row,
  localPayload: JSON.parse(row.localPayload) as unknown,
  serverRecord: JSON.parse(row.serverRecord) as Conflict['serverRecord'],
});

const columns = `id, entity_type AS entityType, entity_id AS entityId, outbox_seq AS outboxSeq,
  local_payload AS localPayload, server_record AS serverRecord, account_id AS accountId, created_at AS createdAt`;

export const listOpenConflicts = (db: ReadableDB, limit: number): Conflict[] =>
  (prepare(db, `SELECT ${columns} FROM conflicts WHERE resolved_at IS NULL ORDER BY id LIMIT ?`).all(limit) as ConflictRow[]).map(
    toConflict,
  );

export const readOpenConflict = (db: ReadableDB, id: number): Conflict | null => {
  const row = prepare(db, `SELECT ${columns} FROM conflicts WHERE id = ? AND resolved_at IS NULL`).get(id) as ConflictRow | undefined;
  return row ? toConflict(row) : null;
};

/**
 * Closes a conflict. "theirs": the local write is dropped (the caller applies the server's record);
 * "mine": the same write is queued again against the server's version, under a new key, because it is
 * now a different request.
 */
export const closeConflict = (db: WritableDB, conflict: Conflict, choice: 'mine' | 'theirs', now: Date, newKey: string): void => {
  prepare(db, 'UPDATE conflicts SET resolved_at = ?, resolution = ? WHERE id = ?').run(now.toISOString(), choice, conflict.id);
  if (conflict.outboxSeq === null) return;
  if (choice === 'theirs') {
    prepare(db, "DELETE FROM outbox WHERE seq = ? AND state = 'conflict'").run(conflict.outboxSeq);
  } else {
    prepare(
      db,
      "UPDATE outbox SET state = 'queued', base_version = ?, idempotency_key = ?, last_error = NULL WHERE seq = ? AND state = 'conflict'",
    ).run(conflict.serverRecord.version, newKey, conflict.outboxSeq);
  }
};
