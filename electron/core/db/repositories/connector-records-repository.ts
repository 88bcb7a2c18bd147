import { createHash } from 'node:crypto';
import type { AccountId, PlatformId } from '../../../../shared/domain/accounts';
import type { RecordOf, RecordType } from '../../../../shared/platform/records';
import { prepare, type ReadableDB, type WritableDB } from '../database';
import { prepareRecordUpsert, recordTables, toRecordColumns } from './platform-records-repository';
import { quarantineRecord, releaseQuarantined } from './quarantine-repository';

/**
 * What a polling connector (Freelancer) stores beyond the change feed's path: records mapped from the
 * platform's own shapes, kept with that platform's JSON as `raw`, stamped with the account that brought them,
 * by the ordinary version rule (a newer version replaces, the same one changes nothing).
 */

/** The platform of the account a project was last brought by, or null for a local or unowned row. */
export const readProjectPlatform = (db: ReadableDB, projectId: string): PlatformId | null =>
  (
    prepare(db, 'SELECT a.platform AS platform FROM projects p JOIN accounts a ON a.id = p.account_id WHERE p.id = ?').get(projectId) as
      | { platform: PlatformId }
      | undefined
  )?.platform ?? null;

/** Whether the row holds exactly this platform JSON, brought by this account: a poll that saw nothing new writes nothing. */
export const holdsSameRecord = (db: ReadableDB, type: RecordType, id: string, rawText: string, accountId: AccountId): boolean => {
  const row = prepare(db, `SELECT raw, account_id AS accountId FROM ${recordTables[type]} WHERE id = ?`).get(id) as { raw: string; accountId: string | null } | undefined;
  return row !== undefined && row.accountId === accountId && row.raw === rawText;
};

type Upsert = ReturnType<typeof prepareRecordUpsert>;
type PreparedUpsert = { accountId: AccountId; columns: readonly string[]; upsert: Upsert };
const upserts = new WeakMap<WritableDB, Map<RecordType, PreparedUpsert[]>>();

const sameColumns = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((column, index) => column === b[index]);

/**
 * The prepared upsert of a type's columns for an account, made once per connection (its SQL is built once, not
 * per row). Found by comparing the columns, not by a key joined from them: a first sync asks 100k times.
 */
const connectorUpsertFor = (db: WritableDB, type: RecordType, columns: readonly string[], accountId: AccountId): Upsert => {
  let byType = upserts.get(db);
  if (!byType) {
    byType = new Map();
    upserts.set(db, byType);
  }
  const prepared = byType.get(type) ?? [];
  const found = prepared.find((entry) => entry.accountId === accountId && sameColumns(entry.columns, columns));
  if (found) return found.upsert;
  const upsert = prepareRecordUpsert(db, type, columns, accountId);
  byType.set(type, [...prepared, { accountId, columns: [...columns], upsert }]);
  return upsert;
};

/**
 * Stores one mapped record under `id` (its own, or the local id it was adopted into), with the platform's JSON
 * as raw, if its version is newer. Call inside a transaction. Returns whether the row changed.
 */
export const upsertConnectorRecord = <T extends RecordType>(
  db: WritableDB,
  entry: { type: T; record: RecordOf<T>; rawText: string; fetchedAt: string; accountId: AccountId; quarantineHolds?: boolean },
): boolean => {
  const columns = toRecordColumns(entry.type, entry.record);
  const upsert = connectorUpsertFor(db, entry.type, Object.keys(columns), entry.accountId);
  const changed = upsert(Object.values(columns), entry.rawText, entry.record, entry.fetchedAt);
  if (changed && entry.quarantineHolds !== false) releaseQuarantined(db, entry.type, entry.record.id);
  return changed;
};

/**
 * A record that failed mapping, with its reason. One without a readable id gets a key made from its content,
 * so the same unreadable record polled again replaces its entry instead of adding one.
 */
export const quarantineConnectorRecord = (
  db: WritableDB,
  entry: { type: RecordType; id: string | null; reason: string; raw: unknown; receivedAt: string; accountId: AccountId },
): void => {
  const recordId = entry.id ?? `unreadable-${createHash('sha256').update(JSON.stringify(entry.raw ?? null)).digest('hex').slice(0, 24)}`;
  quarantineRecord(db, { type: entry.type, recordId, reason: entry.reason, raw: entry.raw, receivedAt: entry.receivedAt, accountId: entry.accountId });
};

/** The user's own message shown as pending until the platform took it under its own id: that row goes. */
export const removePendingMessage = (db: WritableDB, id: string): void => {
  prepare(db, "DELETE FROM messages WHERE id = ? AND state IN ('pending', 'failed')").run(id);
};

/** A platform record that duplicates one adopted under a local id (its variants go with it). */
export const removeRecordRow = (db: WritableDB, type: RecordType, id: string): void => {
  prepare(db, `DELETE FROM ${recordTables[type]} WHERE id = ?`).run(id);
};

/** The platform's JSON of a stored project (a bid's answer is mapped with its project's currency and kind). */
export const readProjectRaw = (db: ReadableDB, projectId: string): unknown => {
  const row = prepare(db, 'SELECT raw FROM projects WHERE id = ?').get(projectId) as { raw: string | null } | undefined;
  return row?.raw ? (JSON.parse(row.raw) as unknown) : undefined;
};

/** Projects this account's threads are about that the workspace does not hold (older than the feed's window, or outside its filter). */
export const listMissingThreadProjects = (db: ReadableDB, accountId: AccountId, limit: number): string[] =>
  (
    prepare(
      db,
      `SELECT DISTINCT t.project_id AS id FROM threads t WHERE t.account_id = ? AND t.project_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM projects p WHERE p.id = t.project_id) LIMIT ?`,
    ).all(accountId, limit) as { id: string }[]
  ).map((row) => row.id);

export const readProjectTitle = (db: ReadableDB, projectId: string): string | undefined =>
  (prepare(db, 'SELECT title FROM projects WHERE id = ?').get(projectId) as { title: string } | undefined)?.title;

/**
 * The account's bids still open as the workspace holds them (submitted, or awarded and not complete), submitted
 * at `since` or later: the platform's bid id and time_submitted from the JSON it sent (raw), under the local id
 * of a proposal drafted here as well. What the Freelancer poller reads again by id to see decisions.
 */
export const listOpenBids = (db: ReadableDB, accountId: AccountId, since: string): { id: number; time: number }[] =>
  prepare(
    db,
    `SELECT json_extract(raw, '$.id') AS id, json_extract(raw, '$.time_submitted') AS time FROM proposals
       WHERE account_id = ? AND status IN ('submitted', 'awarded') AND submitted_at >= ? AND json_valid(raw)
         AND json_type(raw, '$.id') = 'integer' AND json_type(raw, '$.time_submitted') = 'integer'`,
  ).all(accountId, since) as { id: number; time: number }[];

export const readProposalStatus = (db: ReadableDB, id: string): string | null =>
  (prepare(db, 'SELECT status FROM proposals WHERE id = ?').get(id) as { status: string } | undefined)?.status ?? null;

/** When a queued write was made: a send it made cannot be older (the lower bound of a reconcile's search). */
export const readWriteCreatedAt = (db: ReadableDB, seq: number): string | null =>
  (prepare(db, 'SELECT created_at AS createdAt FROM outbox WHERE seq = ?').get(seq) as { createdAt: string } | undefined)?.createdAt ?? null;

/** The write is settled (its record is stored): it leaves the outbox. */
export const removeSettledWrite = (db: WritableDB, seq: number): void => {
  prepare(db, 'DELETE FROM outbox WHERE seq = ?').run(seq);
};
