import { prepare, type ReadableDB, type WritableDB } from '../database';

export const syncKeys = [
  'cursor',
  'last_sync_at',
  'account_email',
  'platform_url',
  'fts_rebuild_owed',
  // How far a chunked rebuild of the search indexes has got, per index (fts-maintenance.ts).
  'fts_rebuild_progress',
  // The platform's terms (its fee on proposals) as last reported, and when they were read.
  'platform_fee_percent',
  'terms_fetched_at',
  // A replacement sync's snapshot is being pulled (platform-records-repository.ts).
  'replacement_pending',
] as const;
export type SyncKey = (typeof syncKeys)[number];

export const readSyncValue = (db: ReadableDB, key: SyncKey): string | null =>
  (prepare(db, 'SELECT value FROM sync_state WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;

export const writeSyncValue = (db: WritableDB, key: SyncKey, value: string | null): void => {
  if (value === null) prepare(db, 'DELETE FROM sync_state WHERE key = ?').run(key);
  else prepare(db, 'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
};
