import { randomUUID } from 'node:crypto';
import type { AccountId } from '../../../../shared/domain/accounts';
import { prepare, type ReadableDB, type WritableDB } from '../database';
import { recordTables } from './platform-records-repository';
import type { RecordType } from '../../../../shared/platform/records';
import { decodeSyncProblem, encodeSyncProblem, type SyncProblem } from '../../../../shared/contract/sync-problem';

export type OutboxEntry = {
  seq: number;
  entityType: RecordType;
  entityId: string;
  op: string;
  payload: unknown;
  idempotencyKey: string;
  baseVersion: number | null;
  attempts: number;
  /** The account whose push sends it; null: a local record no account owns yet (the first `bottega` account takes it). */
  accountId: AccountId | null;
};

type OutboxRow = Omit<OutboxEntry, 'payload'> & { payload: string };

/**
 * The account a write of this entity goes out through: the entity's own (the account that brought it), else
 * its parent's (a message's thread, a forum reply's topic, a proposal's project), else null (a portfolio item
 * or profile made here and never pushed: the first `bottega` account's push takes it, see listQueuedWrites).
 */
export const findWriteAccount = (db: ReadableDB, entityType: RecordType, entityId: string): AccountId | null => {
  const own = (table: string, id: string, column = 'id'): AccountId | null =>
    (prepare(db, `SELECT account_id AS accountId FROM ${table} WHERE ${column} = ?`).get(id) as { accountId: AccountId | null } | undefined)
      ?.accountId ?? null;
  const parent: Partial<Record<RecordType, string>> = {
    message: 'SELECT t.account_id AS accountId FROM messages m JOIN threads t ON t.id = m.thread_id WHERE m.id = ?',
    forum_post: 'SELECT t.account_id AS accountId FROM forum_posts p JOIN forum_topics t ON t.id = p.topic_id WHERE p.id = ?',
    proposal: 'SELECT pr.account_id AS accountId FROM proposals p JOIN projects pr ON pr.id = p.project_id WHERE p.id = ?',
  };
  const mine = own(recordTables[entityType], entityId, entityType === 'profile' ? 'user_id' : 'id');
  if (mine !== null) return mine;
  const sql = parent[entityType];
  return sql ? ((prepare(db, sql).get(entityId) as { accountId: AccountId | null } | undefined)?.accountId ?? null) : null;
};

/**
 * Stores a queued write as it is: only `enqueueWrite` (sync/writes) calls it, after checking the payload against
 * its unit. The idempotency key is fixed here, once: every retry, after any restart, reuses it.
 */
export const insertOutboxWrite = (
  db: WritableDB,
  entry: { entityType: RecordType; entityId: string; op: string; payload: unknown; baseVersion?: number | null; accountId: AccountId | null; now: Date },
): number =>
  Number(
    prepare(
      db,
      `INSERT INTO outbox (entity_type, entity_id, op, payload, idempotency_key, base_version, account_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      entry.entityType,
      entry.entityId,
      entry.op,
      JSON.stringify(entry.payload),
      randomUUID(),
      entry.baseVersion ?? null,
      entry.accountId,
      entry.now.toISOString(),
    ).lastInsertRowid,
  );

const entryColumns = `seq, entity_type AS entityType, entity_id AS entityId, op, payload, idempotency_key AS idempotencyKey,
  base_version AS baseVersion, attempts, account_id AS accountId`;

/** The account that pushes writes no account owns: the first `bottega` account, in the user's order. */
const takesUnowned = `(SELECT id FROM accounts WHERE platform = 'bottega' ORDER BY position, created_at, id LIMIT 1)`;

/**
 * One account's writes still to be pushed, oldest first: pushing in this order keeps each entity's (and
 * thread's) order. The first `bottega` account also takes the writes no account owns (local records never
 * pushed), which then become its own once its pull brings them back.
 */
export const listQueuedWrites = (db: ReadableDB, limit: number, accountId: AccountId): OutboxEntry[] =>
  (
    prepare(
      db,
      `SELECT ${entryColumns} FROM outbox
       WHERE state = 'queued' AND (account_id = @accountId OR (account_id IS NULL AND @accountId = ${takesUnowned}))
       ORDER BY seq LIMIT @limit`,
    ).all({ accountId, limit }) as OutboxRow[]
  ).map((row) => ({ ...row, payload: JSON.parse(row.payload) as unknown }));

export const noteAttempt = (db: WritableDB, seq: number): void => {
  prepare(db, 'UPDATE outbox SET attempts = attempts + 1 WHERE seq = ?').run(seq);
};

/** The platform took it. The row stays until a pull shows that version, so the UI never flickers back. */
export const markWriteSent = (db: WritableDB, seq: number, version: number): void => {
  prepare(db, "UPDATE outbox SET state = 'sent', sent_version = ?, last_error = NULL WHERE seq = ?").run(version, seq);
};

/**
 * Why a write failed: `refused` when the platform itself answered this key with a refusal (its own 4xx error
 * body), which proves nothing was committed under the key (a committed one would be replayed instead);
 * `other` for anything else (could not be formed, a 4xx from something in between): an earlier attempt under
 * the key may have landed.
 */
export type WriteFailure = 'refused' | 'other';

/** `problem` is what the user is told (kept as JSON in last_error, read back by decodeSyncProblem). */
export const markWriteFailed = (db: WritableDB, seq: number, problem: SyncProblem, failure: WriteFailure): void => {
  prepare(db, "UPDATE outbox SET state = 'failed', last_error = ?, refused = ? WHERE seq = ?").run(
    encodeSyncProblem(problem),
    failure === 'refused' ? 1 : 0,
    seq,
  );
};

/**
 * Tries a failed write again. One the platform refused goes out under a new idempotency key (under its old one
 * the platform would only replay its stored refusal; the refusal committed nothing, so a new key cannot make
 * it land twice) and counts as never attempted. Any other keeps its key: an earlier attempt may have landed,
 * and the platform must still see it at most once.
 */
export const requeueWrite = (db: WritableDB, seq: number): boolean =>
  prepare(
    db,
    `UPDATE outbox SET state = 'queued', last_error = NULL,
       idempotency_key = CASE WHEN refused = 1 THEN ? ELSE idempotency_key END,
       attempts = CASE WHEN refused = 1 THEN 0 ELSE attempts END,
       refused = 0
     WHERE seq = ? AND state = 'failed'`,
  ).run(randomUUID(), seq).changes > 0;

/** Every failed write of one record tried again, each by the rule of requeueWrite. */
export const requeueFailedWrites = (db: WritableDB, entityType: RecordType, entityId: string): number => {
  const seqs = prepare(db, "SELECT seq FROM outbox WHERE entity_type = ? AND entity_id = ? AND state = 'failed' ORDER BY seq")
    .all(entityType, entityId) as { seq: number }[];
  return seqs.filter(({ seq }) => requeueWrite(db, seq)).length;
};

/** Writes of a record the platform refused, superseded by a new write of the record (which gets its own key). */
export const dropRefusedWrites = (db: WritableDB, entityType: RecordType, entityId: string, op?: string): number =>
  prepare(db, "DELETE FROM outbox WHERE entity_type = ? AND entity_id = ? AND state = 'failed' AND refused = 1 AND (? IS NULL OR op = ?)").run(
    entityType,
    entityId,
    op ?? null,
    op ?? null,
  ).changes;

/** Clears sent writes whose version a pull has brought back. */
export const clearConfirmedWrites = (db: WritableDB): number => {
  let cleared = 0;
  for (const [type, table] of Object.entries(recordTables)) {
    const id = type === 'profile' ? 'user_id' : 'id';
    cleared += prepare(
      db,
      `DELETE FROM outbox WHERE state = 'sent' AND entity_type = ? AND EXISTS (
         SELECT 1 FROM ${table} r WHERE r.${id} = outbox.entity_id AND r.version >= outbox.sent_version)`,
    ).run(type).changes;
  }
  return cleared;
};

/** The workspace's writes by state, or one account's (with the unowned ones it takes) when given. */
export const countWrites = (db: ReadableDB, accountId?: AccountId): { pending: number; failed: number; conflicts: number } =>
  prepare(
    db,
    `SELECT count(*) FILTER (WHERE state IN ('queued', 'in_flight', 'sent')) AS pending,
            count(*) FILTER (WHERE state = 'failed') AS failed,
            count(*) FILTER (WHERE state = 'conflict') AS conflicts
     FROM outbox
     WHERE @accountId IS NULL OR account_id = @accountId OR (account_id IS NULL AND @accountId = ${takesUnowned})`,
  ).get({ accountId: accountId ?? null }) as { pending: number; failed: number; conflicts: number };

/** A 409 on an update: both versions are kept for the user to choose; nothing is overwritten. */
export const markWriteConflict = (db: WritableDB, entry: OutboxEntry, serverRecord: unknown, now: Date): void => {
  prepare(db, "UPDATE outbox SET state = 'conflict' WHERE seq = ?").run(entry.seq);
  prepare(
    db,
    `INSERT INTO conflicts (entity_type, entity_id, outbox_seq, local_payload, server_record, account_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    entry.entityType,
    entry.entityId,
    entry.seq,
    JSON.stringify(entry.payload),
    JSON.stringify(serverRecord),
    entry.accountId,
    now.toISOString(),
  );
};

export type OutboxProblem = {
  seq: number;
  entityType: string;
  entityId: string;
  op: string;
  state: 'queued' | 'in_flight' | 'sent' | 'failed' | 'conflict';
  attempts: number;
  lastError: SyncProblem | null;
  accountId: AccountId | null;
  createdAt: string;
};

/** What the sync problems screen lists: writes not yet confirmed, refused, or in conflict. */
export const listUnconfirmedWrites = (db: ReadableDB, limit: number): OutboxProblem[] =>
  (
    prepare(
      db,
      `SELECT seq, entity_type AS entityType, entity_id AS entityId, op, state, attempts, last_error AS lastError,
         account_id AS accountId, created_at AS createdAt
       FROM outbox ORDER BY (state = 'failed') DESC, (state = 'conflict') DESC, seq LIMIT ?`,
    ).all(limit) as (Omit<OutboxProblem, 'lastError'> & { lastError: string | null })[]
  ).map((row) => ({ ...row, lastError: decodeSyncProblem(row.lastError) }));

/** A local edit of this record is still on its way (or refused, or in conflict): a pull must not overwrite it. */
export const hasUnsentWrites = (db: ReadableDB, entityType: RecordType, entityId: string): boolean =>
  prepare(
    db,
    `SELECT 1 FROM outbox WHERE entity_type = ? AND entity_id = ? AND state IN ('queued', 'in_flight', 'failed', 'conflict') LIMIT 1`,
  ).get(entityType, entityId) !== undefined;

/** Writes of the same record queued after this one and not settled yet. */
export const hasLaterUnsentWrites = (db: ReadableDB, entry: Pick<OutboxEntry, 'entityType' | 'entityId' | 'seq'>): boolean =>
  prepare(
    db,
    `SELECT 1 FROM outbox WHERE entity_type = ? AND entity_id = ? AND seq > ? AND state IN ('queued', 'in_flight', 'failed', 'conflict') LIMIT 1`,
  ).get(entry.entityType, entry.entityId, entry.seq) !== undefined;
