import { prepare, type WritableDB } from '../database';
import { readSyncValue, writeSyncValue } from './sync-state-repository';

/**
 * One full-text index as the current schema defines it (migrations 0001 and 0004). A first sync loads
 * hundreds of thousands of rows: maintaining the indexes row by row costs more than building them after.
 * `key` is what a rebuild walks the table by, in chunks: the integer pk an external-content index points at,
 * or, for an index holding its own copy (forum topics, keyed by a text id), that id.
 */
type FullTextIndex = {
  table: string;
  key: 'pk' | 'id';
  /** The index's triggers; `when` limits them to rows already indexed (during a rebuild), by old and new row. */
  triggers: (when: { old: string; new: string } | null) => string;
  /** Copies the rows whose key is in (?, ?] into the index. */
  fill: string;
  /** Empties the index. */
  clear: string;
};

/** An index over columns of its table's rows, by pk, the content read from the table (content='table'). */
const externalContent = (table: string, columns: readonly string[]): FullTextIndex => {
  const list = columns.join(', ');
  const values = (prefix: string): string => columns.map((column) => `${prefix}.${column}`).join(', ');
  return {
    table,
    key: 'pk',
    // pk never changes on update (upserts are by id), so one condition on the old row covers both halves.
    triggers: (when) => `
      CREATE TRIGGER ${table}_fts_insert AFTER INSERT ON ${table} ${when ? `WHEN ${when.new}` : ''} BEGIN
        INSERT INTO ${table}_fts(rowid, ${list}) VALUES (new.pk, ${values('new')});
      END;
      CREATE TRIGGER ${table}_fts_delete AFTER DELETE ON ${table} ${when ? `WHEN ${when.old}` : ''} BEGIN
        INSERT INTO ${table}_fts(${table}_fts, rowid, ${list}) VALUES ('delete', old.pk, ${values('old')});
      END;
      CREATE TRIGGER ${table}_fts_update AFTER UPDATE OF ${list} ON ${table} ${when ? `WHEN ${when.old}` : ''} BEGIN
        INSERT INTO ${table}_fts(${table}_fts, rowid, ${list}) VALUES ('delete', old.pk, ${values('old')});
        INSERT INTO ${table}_fts(rowid, ${list}) VALUES (new.pk, ${values('new')});
      END;`,
    fill: `INSERT INTO ${table}_fts(rowid, ${list}) SELECT pk, ${list} FROM ${table} WHERE pk > ? AND pk <= ?`,
    clear: `INSERT INTO ${table}_fts(${table}_fts) VALUES ('delete-all')`,
  };
};

const fullTextIndexes: readonly FullTextIndex[] = [
  externalContent('projects', ['title', 'description', 'skills']),
  externalContent('messages', ['body']),
  externalContent('clients', ['name', 'company']),
  externalContent('stories', ['title', 'body', 'profession', 'author_name', 'region', 'tags', 'tools']),
  externalContent('forum_posts', ['body', 'author_name']),
  {
    // No stable integer rowid: the index keeps its own copy of the title, keyed by the topic's id (0004).
    table: 'forum_topics',
    key: 'id',
    triggers: (when) => `
      CREATE TRIGGER forum_topics_fts_insert AFTER INSERT ON forum_topics ${when ? `WHEN ${when.new}` : ''} BEGIN
        INSERT INTO forum_topics_fts(topic_id, title) VALUES (new.id, new.title);
      END;
      CREATE TRIGGER forum_topics_fts_delete AFTER DELETE ON forum_topics ${when ? `WHEN ${when.old}` : ''} BEGIN
        DELETE FROM forum_topics_fts WHERE topic_id = old.id;
      END;
      CREATE TRIGGER forum_topics_fts_update AFTER UPDATE OF title ON forum_topics ${when ? `WHEN ${when.old}` : ''} BEGIN
        DELETE FROM forum_topics_fts WHERE topic_id = old.id;
        INSERT INTO forum_topics_fts(topic_id, title) VALUES (new.id, new.title);
      END;`,
    fill: 'INSERT INTO forum_topics_fts(topic_id, title) SELECT id, title FROM forum_topics WHERE id > ? AND id <= ?',
    clear: 'DELETE FROM forum_topics_fts',
  },
];

/** The table names of every full-text index, for tests and checks. */
export const fullTextTables: readonly string[] = fullTextIndexes.map((index) => index.table);

/**
 * How eagerly an index merges the segments each commit adds: FTS5's defaults (4 and 16) while in use; during a
 * rebuild, whose hundreds of short commits each add a segment, merging 16 at a time rewrites the index about
 * half as often (a third less work), and crisis merges (one long transaction) stay out of the way.
 */
const setMerging = (db: WritableDB, table: string, mode: 'rebuild' | 'ordinary'): void => {
  db.exec(`INSERT INTO ${table}_fts(${table}_fts, rank) VALUES ('automerge', ${mode === 'rebuild' ? 16 : 4})`);
  db.exec(`INSERT INTO ${table}_fts(${table}_fts, rank) VALUES ('crisismerge', ${mode === 'rebuild' ? 64 : 16})`);
};

const dropTriggers = (db: WritableDB, table: string): void => {
  for (const op of ['insert', 'delete', 'update']) db.exec(`DROP TRIGGER IF EXISTS ${table}_fts_${op}`);
};

/**
 * During a chunked rebuild, how far each index has got: `{ table: last key indexed }`, committed with each
 * chunk. Rows up to it are in the index and kept current by triggers that read this very value; rows past it
 * are not indexed yet and no trigger touches the index for them (a 'delete' of a row the index never held
 * would corrupt it). `null`: not started yet (no triggers at all, nothing indexed). Absent: finished, its
 * ordinary triggers back (or no rebuild going on).
 */
type Progress = Record<string, number | string | null>;
const readProgress = (db: WritableDB): Progress | null => {
  const value = readSyncValue(db, 'fts_rebuild_progress');
  return value === null ? null : (JSON.parse(value) as Progress);
};

const indexedUpTo = (table: string, row: 'old' | 'new', key: 'pk' | 'id'): string =>
  // NULL once the table's entry is gone: the condition is then false, which only happens after the ordinary
  // triggers replaced these, in the same transaction.
  `${row}.${key} <= (SELECT json_extract(value, '$.${table}') FROM sync_state WHERE key = 'fts_rebuild_progress')`;

/** Stops index maintenance for a bulk load. The flag is committed with it: a crash mid-load is repaired. */
export const pauseFullTextIndexing = (db: WritableDB): void => {
  db.transaction(() => {
    for (const { table } of fullTextIndexes) dropTriggers(db, table);
    writeSyncValue(db, 'fts_rebuild_progress', null);
    writeSyncValue(db, 'fts_rebuild_owed', '1');
  }).immediate();
  // No checkpoint inside a page's commit while hundreds of megabytes arrive (it would hold the writer for
  // tens of milliseconds): the loader checkpoints between pages instead, and the default comes back after.
  db.pragma('wal_autocheckpoint = 0');
};

export const isFullTextRebuildOwed = (db: WritableDB): boolean => readSyncValue(db, 'fts_rebuild_owed') !== null;

/** A chunked rebuild began and has not finished (the load before it is complete): it can go on right away. */
export const isFullTextRebuildStarted = (db: WritableDB): boolean => readSyncValue(db, 'fts_rebuild_progress') !== null;

/**
 * One short transaction of a rebuild. Indexes are taken in turn: one is emptied and given its row-limited
 * triggers when its turn comes, then filled in key order, a thousand rows a statement, until `budgetMs` has
 * gone by. With `finish`, an index whose last rows are in gets its ordinary triggers back in the same
 * transaction, and when none is left the owed flag goes. Without it (while a first load is still writing
 * rows), an index that has caught up stays as it is and the next one begins: what arrives later is filled
 * by a later call. A crash anywhere leaves a consistent state that the next call carries on from, and
 * searches meanwhile find the rows indexed so far. `filled` counts the rows indexed by this call.
 */
export const rebuildFullTextStep = (
  db: WritableDB,
  options: { budgetMs: number; rows?: number; finish?: boolean },
): { complete: boolean; filled: number } => {
  const started = performance.now();
  // Each fill statement costs FTS5 a flush of what it has tokenized: the connectors bench's 100k messages in one
  // transaction took 522 ms filled 200 rows at a time, 269 ms at 1,000, and the longest chunk stayed ~23 ms.
  const rows = options.rows ?? 1000;
  const finish = options.finish ?? true;
  return db.transaction(() => {
    if (!isFullTextRebuildOwed(db)) return { complete: true, filled: 0 };
    const progress = readProgress(db) ?? Object.fromEntries(fullTextIndexes.map((index) => [index.table, null]));
    const before = JSON.stringify(progress);
    let filled = 0;
    for (const index of fullTextIndexes) {
      if (!(index.table in progress)) continue;
      if (progress[index.table] === null) {
        dropTriggers(db, index.table);
        db.exec(index.clear);
        setMerging(db, index.table, 'rebuild');
        progress[index.table] = index.key === 'pk' ? 0 : '';
        // In the same transaction as the progress it reads (written below).
        db.exec(index.triggers({ old: indexedUpTo(index.table, 'old', index.key), new: indexedUpTo(index.table, 'new', index.key) }));
      }
      let caughtUp = false;
      while (performance.now() - started <= options.budgetMs || filled === 0) {
        const from = progress[index.table]!;
        const { last } = prepare(
          db,
          `SELECT max(${index.key}) AS last FROM (SELECT ${index.key} FROM ${index.table} WHERE ${index.key} > ? ORDER BY ${index.key} LIMIT ?)`,
        ).get(from, rows) as { last: number | string | null };
        if (last === null) {
          caughtUp = true;
          break;
        }
        filled += prepare(db, index.fill).run(from, last).changes;
        progress[index.table] = last;
      }
      if (caughtUp && finish) {
        // Complete: ordinary triggers from here on, nothing past its progress left to fill.
        dropTriggers(db, index.table);
        db.exec(index.triggers(null));
        setMerging(db, index.table, 'ordinary');
        delete progress[index.table];
      }
      if (!caughtUp) break;
    }
    const complete = Object.keys(progress).length === 0;
    const after = JSON.stringify(progress);
    if (complete) {
      writeSyncValue(db, 'fts_rebuild_progress', null);
      writeSyncValue(db, 'fts_rebuild_owed', null);
    } else if (after !== before || readSyncValue(db, 'fts_rebuild_progress') === null) {
      writeSyncValue(db, 'fts_rebuild_progress', after);
    }
    return { complete, filled };
  }).immediate();
};

/**
 * Builds every index in one go and puts the ordinary triggers back (seeding and benchmarks, where nothing
 * waits on the writer; a sync uses rebuildFullTextStep). Then call finishBulkLoad.
 */
export const resumeFullTextIndexing = (db: WritableDB): void => {
  writeSyncValue(db, 'fts_rebuild_owed', '1');
  while (!rebuildFullTextStep(db, { budgetMs: Number.POSITIVE_INFINITY, rows: 1_000_000 }).complete) {
    // One step does it all with an unlimited budget; the loop only guards against a partial first call.
  }
};

/** Back to ordinary checkpoints; the write-ahead log emptied and truncated here, unless another connection just did. */
export const finishBulkLoad = (db: WritableDB, options: { truncated?: boolean } = {}): void => {
  db.pragma('wal_autocheckpoint = 1000');
  if (!options.truncated) db.pragma('wal_checkpoint(TRUNCATE)');
};

/** Between pages of a bulk load, outside any transaction: keeps the WAL bounded without stalling a commit. */
export const checkpointBetweenPages = (db: WritableDB): void => {
  db.pragma('wal_checkpoint(PASSIVE)');
};
