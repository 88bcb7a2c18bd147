import { quarantineProblemOf, type QuarantineProblem } from '../../../../shared/platform/changes';
import type { AccountId } from '../../../../shared/domain/accounts';
import { prepare, type ReadableDB, type WritableDB } from '../database';

export type QuarantinedRecord = {
  id: number;
  type: string;
  recordId: string | null;
  reason: string;
  problem: QuarantineProblem;
  /** The account whose pull received it. */
  accountId: AccountId | null;
  receivedAt: string;
};

/**
 * Keeps a record the platform sent that failed validation, with the reason; it is never applied. It replaces
 * the record's earlier entry: the list names each record once, and a page written again after a crash adds
 * nothing.
 */
export const quarantineRecord = (
  db: WritableDB,
  entry: { type: string; recordId: string | null; reason: string; raw: unknown; receivedAt: string; accountId: AccountId | null },
): void => {
  if (entry.recordId !== null) prepare(db, 'DELETE FROM quarantine WHERE type = ? AND record_id = ?').run(entry.type, entry.recordId);
  prepare(db, 'INSERT INTO quarantine (type, record_id, reason, raw, received_at, account_id) VALUES (?, ?, ?, ?, ?, ?)').run(
    entry.type,
    entry.recordId,
    entry.reason.slice(0, 4000),
    JSON.stringify(entry.raw),
    entry.receivedAt,
    entry.accountId,
  );
};

export const listQuarantine = (db: ReadableDB, limit: number): QuarantinedRecord[] =>
  (
    prepare(
      db,
      `SELECT id, type, record_id AS recordId, reason, account_id AS accountId, received_at AS receivedAt FROM quarantine ORDER BY id DESC LIMIT ?`,
    ).all(limit) as Omit<QuarantinedRecord, 'problem'>[]
  ).map((row) => ({ ...row, problem: quarantineProblemOf(row.reason) }));

export const countQuarantine = (db: ReadableDB): number =>
  (prepare(db, 'SELECT count(*) AS n FROM quarantine').get() as { n: number }).n;

/** A record that validates on a later pull no longer belongs in quarantine. */
export const releaseQuarantined = (db: WritableDB, type: string, recordId: string): void => {
  prepare(db, 'DELETE FROM quarantine WHERE type = ? AND record_id = ?').run(type, recordId);
};
