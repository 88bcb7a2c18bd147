import type { AccountId } from '../../../../shared/domain/accounts';
import { prepare, type ReadableDB, type WritableDB } from '../database';

/** Workspace-wide sync keys (sync_state); what belongs to one account is in account_state (accountKeys). */
export const syncKeys = [
  'fts_rebuild_owed',
  // How far a chunked rebuild of the search indexes has got, per index (fts-maintenance.ts).
  'fts_rebuild_progress',
  // The insights triggers set aside during a first load, as their SQL, until it ends (insights-maintenance.ts).
  'insights_paused_triggers',
  // The skills catalogue the stored match scores were computed with (skill-catalogue-repository.ts).
  'skill_catalogue',
] as const;
export type SyncKey = (typeof syncKeys)[number];

/** One account's own sync keys (account_state, schema v13). */
export const accountKeys = [
  'cursor',
  'last_sync_at',
  'account_email',
  // The platform's terms (its fee on proposals) as last reported, and when they were read.
  'platform_fee_percent',
  'terms_fetched_at',
  // A replacement sync's snapshot is being pulled (platform-records-repository.ts).
  'replacement_pending',
  // A polling connector's watermarks and cadence (Freelancer's, as JSON).
  'poller_state',
  // Not a sync key but the account's own setting: days without a client's reply before a follow-up reminder
  // (1–60; absent: the workspace's attention setting). Kept here so removing the account drops it.
  'follow_up_days',
] as const;
export type AccountKey = (typeof accountKeys)[number];

export const readSyncValue = (db: ReadableDB, key: SyncKey): string | null =>
  (prepare(db, 'SELECT value FROM sync_state WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;

export const writeSyncValue = (db: WritableDB, key: SyncKey, value: string | null): void => {
  if (value === null) prepare(db, 'DELETE FROM sync_state WHERE key = ?').run(key);
  else prepare(db, 'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
};

export const readAccountValue = (db: ReadableDB, accountId: AccountId, key: AccountKey): string | null =>
  (prepare(db, 'SELECT value FROM account_state WHERE account_id = ? AND key = ?').get(accountId, key) as { value: string } | undefined)?.value ??
  null;

/**
 * The key's value for `accountId`, or without one the first account's (in the user's order) that has it: for
 * figures that still speak of one account (the fee of a proposal whose account is unknown, insights' account).
 */
export const readFirstAccountValue = (db: ReadableDB, key: AccountKey, accountId: AccountId | null = null): string | null =>
  (
    prepare(
      db,
      `SELECT s.value FROM account_state s JOIN accounts a ON a.id = s.account_id
       WHERE s.key = @key AND (@accountId IS NULL OR a.id = @accountId) ORDER BY a.position, a.created_at, a.id LIMIT 1`,
    ).get({ key, accountId }) as { value: string } | undefined
  )?.value ?? null;

/** null removes the key. The account must exist (account_state references it). */
export const writeAccountValue = (db: WritableDB, accountId: AccountId, key: AccountKey, value: string | null): void => {
  if (value === null) prepare(db, 'DELETE FROM account_state WHERE account_id = ? AND key = ?').run(accountId, key);
  else
    prepare(
      db,
      'INSERT INTO account_state (account_id, key, value) VALUES (?, ?, ?) ON CONFLICT (account_id, key) DO UPDATE SET value = excluded.value',
    ).run(accountId, key, value);
};
