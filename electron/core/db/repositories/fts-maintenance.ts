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

const dropTriggers = (db: WritableDB, table: string): void => {
  for (const op of ['insert', 'delete', 'update']) db.exec(`DROP TRIGGER IF EXISTS ${table}_fts_${op}`);
};

/**
 * During a chunked rebuild, how far each index has got: `{ table: last key indexed }`, committed with each
 * chunk. Rows up to it are in the index and kept current by triggers that read this very value; rows past it
 * are not indexed yet and no trigger touches the index for them (a 'delete' of a row the index never held
 * would corrupt it). Absent for an index finished (its ordinary triggers back) or not being rebuilt.
 */
type Progress = Record<string, number | string>;
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
 * One short transaction of a rebuild: the indexes are emptied and given their row-limited triggers on the
 * first call, then filled in key order, a few hundred rows at a time, until `budgetMs` has gone by. An index
 * whose last rows are in gets its ordinary triggers back in the same transaction; when none is left, the
 * owed flag goes. So a crash anywhere leaves a consistent state that the next call carries on from, and
 * searches meanwhile find the rows indexed so far. Returns true once every index is complete.
 */
export const rebuildFullTextStep = (db: WritableDB, options: { budgetMs: number; rows?: number }): boolean => {
  const started = performance.now();
  const rows = options.rows ?? 200;
  return db.transaction((): boolean => {
    if (!isFullTextRebuildOwed(db)) return true;
    let progress = readProgress(db);
    if (progress === null) {
      progress = {};
      for (const index of fullTextIndexes) {
        dropTriggers(db, index.table);
        db.exec(index.clear);
        progress[index.table] = index.key === 'pk' ? 0 : '';
      }
      writeSyncValue(db, 'fts_rebuild_progress', JSON.stringify(progress));
      for (const index of fullTextIndexes) {
        db.exec(index.triggers({ old: indexedUpTo(index.table, 'old', index.key), new: indexedUpTo(index.table, 'new', index.key) }));
      }
    }
    for (const index of fullTextIndexes) {
      if (!(index.table in progress)) continue;
      for (;;) {
        const from = progress[index.table]!;
        const { last } = prepare(
          db,
          `SELECT max(${index.key}) AS last FROM (SELECT ${index.key} FROM ${index.table} WHERE ${index.key} > ? ORDER BY ${index.key} LIMIT ?)`,
        ).get(from, rows) as { last: number | string | null };
        if (last === null) {
          // Complete: ordinary triggers from here on, nothing past `from` left to fill.
          dropTriggers(db, index.table);
          db.exec(index.triggers(null));
          delete progress[index.table];
          break;
        }
        prepare(db, index.fill).run(from, last);
        progress[index.table] = last;
        if (performance.now() - started > options.budgetMs) break;
      }
      if (index.table in progress) break;
    }
    const done = Object.keys(progress).length === 0;
    writeSyncValue(db, 'fts_rebuild_progress', done ? null : JSON.stringify(progress));
    if (done) writeSyncValue(db, 'fts_rebuild_owed', null);
    return done;
  }).immediate();
};

/**
 * Builds every index in one go and puts the ordinary triggers back (seeding and benchmarks, where nothing
 * waits on the writer; a sync uses rebuildFullTextStep). Then call finishBulkLoad.
 */
export const resumeFullTextIndexing = (db: WritableDB): void => {
  writeSyncValue(db, 'fts_rebuild_owed', '1');
  while (!rebuildFullTextStep(db, { budgetMs: Number.POSITIVE_INFINITY, rows: 1_000_000 })) {
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
