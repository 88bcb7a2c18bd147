import type { WritableDB } from '../database';
import { readSyncValue, writeSyncValue } from './sync-state-repository';

/**
 * The full-text indexes as the current schema defines them (see migration 0001). A first sync loads
 * hundreds of thousands of rows: maintaining the index row by row costs more than building it once after.
 */
const ftsIndexes = {
  projects: ['title', 'description', 'skills'],
  messages: ['body'],
  clients: ['name', 'company'],
} as const;

const triggerSql = (table: string, columns: readonly string[]): string => {
  const list = columns.join(', ');
  const values = (prefix: string): string => columns.map((column) => `${prefix}.${column}`).join(', ');
  return `
    CREATE TRIGGER IF NOT EXISTS ${table}_fts_insert AFTER INSERT ON ${table} BEGIN
      INSERT INTO ${table}_fts(rowid, ${list}) VALUES (new.pk, ${values('new')});
    END;
    CREATE TRIGGER IF NOT EXISTS ${table}_fts_delete AFTER DELETE ON ${table} BEGIN
      INSERT INTO ${table}_fts(${table}_fts, rowid, ${list}) VALUES ('delete', old.pk, ${values('old')});
    END;
    CREATE TRIGGER IF NOT EXISTS ${table}_fts_update AFTER UPDATE OF ${list} ON ${table} BEGIN
      INSERT INTO ${table}_fts(${table}_fts, rowid, ${list}) VALUES ('delete', old.pk, ${values('old')});
      INSERT INTO ${table}_fts(rowid, ${list}) VALUES (new.pk, ${values('new')});
    END;`;
};

/** Stops index maintenance for a bulk load. The flag is committed with it: a crash mid-load is repaired. */
export const pauseFullTextIndexing = (db: WritableDB): void => {
  db.transaction(() => {
    for (const table of Object.keys(ftsIndexes)) {
      for (const op of ['insert', 'delete', 'update']) db.exec(`DROP TRIGGER IF EXISTS ${table}_fts_${op}`);
    }
    writeSyncValue(db, 'fts_rebuild_owed', '1');
  }).immediate();
  // No checkpoint inside a page's commit while hundreds of megabytes arrive (it would hold the writer for
  // tens of milliseconds): the loader checkpoints between pages instead, and the default comes back after.
  db.pragma('wal_autocheckpoint = 0');
};

/**
 * Builds every index from its table in one pass and puts the triggers back. Then call finishBulkLoad, after
 * a checkpoint of its own if another connection can do it.
 */
export const resumeFullTextIndexing = (db: WritableDB): void => {
  db.transaction(() => {
    for (const [table, columns] of Object.entries(ftsIndexes)) {
      db.exec(`INSERT INTO ${table}_fts(${table}_fts) VALUES ('rebuild')`);
      db.exec(triggerSql(table, columns));
    }
    writeSyncValue(db, 'fts_rebuild_owed', null);
  }).immediate();
};

/** Back to ordinary checkpoints, the write-ahead log emptied and truncated (quick if it was copied already). */
export const finishBulkLoad = (db: WritableDB): void => {
  db.pragma('wal_autocheckpoint = 1000');
  db.pragma('wal_checkpoint(TRUNCATE)');
};

export const isFullTextRebuildOwed = (db: WritableDB): boolean => readSyncValue(db, 'fts_rebuild_owed') !== null;

/** Between pages of a bulk load, outside any transaction: keeps the WAL bounded without stalling a commit. */
export const checkpointBetweenPages = (db: WritableDB): void => {
  db.pragma('wal_checkpoint(PASSIVE)');
};
