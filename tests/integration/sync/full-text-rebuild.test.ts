import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/core';
import { openWritableDatabase, type WritableDB } from '../../../electron/core/db/database';
import {
  fullTextTables,
  isFullTextRebuildOwed,
  isFullTextRebuildStarted,
  pauseFullTextIndexing,
  rebuildFullTextStep,
  resumeFullTextIndexing,
} from '../../../electron/core/db/repositories/fts-maintenance';
import { insertPendingMessage } from '../../../electron/core/db/repositories/messages-repository';
import { searchProjectIds } from '../../../electron/core/db/repositories/projects-repository';
import { readSyncValue } from '../../../electron/core/db/repositories/sync-state-repository';
import { pullChanges } from '../../../electron/core/sync/pull';
import { newPlatformId } from '../../../electron/core/sync/write-unit';
import { startPlatformServer, type PlatformServer } from '../../platform/server';
import { openSyncedWorkspace } from '../../support/sync-harness';
import { useTempDirs } from '../../support/temp-dir';

const makeTempDir = useTempDirs();
const servers: PlatformServer[] = [];
const dbs: Database.Database[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) if (db.open) db.close();
  for (const server of servers.splice(0)) await server.close();
});

const syncedWorkspace = async () => {
  const server = await startPlatformServer({ seed: 11, scale: 1000, simulation: true, rateLimit: false });
  servers.push(server);
  const workspace = await openSyncedWorkspace(makeTempDir(), server.url, server.users.demo);
  dbs.push(workspace.db);
  expect((await workspace.pullUntilDone()).outcome.kind).toBe('done');
  return workspace;
};

/**
 * Everything an index holds, compared exactly: for an index over its table's rows, every token with its row,
 * column and position (fts5vocab 'instance'); for the topics' own copy, its rows and its terms.
 */
const indexContents = (db: Database.Database): Record<string, unknown> => {
  const contents: Record<string, unknown> = {};
  for (const table of fullTextTables) {
    const own = table === 'forum_topics';
    db.exec(`DROP TABLE IF EXISTS temp.vocab; CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, '${table}_fts', '${own ? 'row' : 'instance'}')`);
    contents[table] = db.prepare(`SELECT * FROM temp.vocab ORDER BY 1, 2, 3${own ? '' : ', 4'}`).raw().all();
    if (table === 'forum_topics') contents['forum_topics rows'] = db.prepare('SELECT topic_id, title FROM forum_topics_fts ORDER BY topic_id').raw().all();
    else db.prepare(`INSERT INTO ${table}_fts(${table}_fts, rank) VALUES ('integrity-check', 1)`).run(); // throws unless the index matches its table
  }
  db.exec('DROP TABLE IF EXISTS temp.vocab');
  return contents;
};

/** The same workspace's indexes built again in one go from the tables: what every rebuild must equal. */
const fullRebuildOf = (db: WritableDB, dir: string): Record<string, unknown> => {
  const file = path.join(dir, 'reference.sqlite');
  db.exec(`VACUUM INTO '${file}'`);
  const reference = openWritableDatabase(file);
  dbs.push(reference);
  resumeFullTextIndexing(reference);
  return indexContents(reference);
};

const words = (db: Database.Database): string[] =>
  (db.prepare('SELECT title FROM projects ORDER BY pk LIMIT 40').all() as { title: string }[]).flatMap((row) => row.title.split(/\W+/u)).filter((word) => word.length > 4);

describe('search indexes rebuilt in chunks after a first load', () => {
  it('equal a full rebuild after an interruption with writes on both sides of it, finished by the next start; searches meanwhile never fail', async () => {
    const { db, file } = await syncedWorkspace();
    const dataDir = path.dirname(file);
    expect(isFullTextRebuildOwed(db)).toBe(false);
    const queries = words(db);
    expect(queries.length).toBeGreaterThan(10);

    // As after a first load: maintenance paused, then a rebuild cut short after 60 projects (20 rows a chunk).
    pauseFullTextIndexing(db);
    for (let i = 0; i < 3; i++) expect(rebuildFullTextStep(db, { budgetMs: 0, rows: 20 })).toEqual({ complete: false, filled: 20 });
    const progress = JSON.parse(readSyncValue(db, 'fts_rebuild_progress')!) as Record<string, number>;
    const reached = progress['projects']!;
    expect(reached).toBeGreaterThan(0);

    // Searching a half-built index answers (with the rows indexed so far), never fails.
    for (const query of queries) expect(() => searchProjectIds(db, query, 50)).not.toThrow();

    // The user and the platform go on meanwhile: changes to rows already indexed and to rows not yet.
    const pks = (db.prepare('SELECT pk FROM projects ORDER BY pk').pluck().all() as number[]).filter(Boolean);
    const indexedPk = pks.find((pk) => pk < reached)!;
    const laterPk = pks.at(-1)!;
    db.prepare("UPDATE projects SET title = 'Restauro di lanterne veneziane' WHERE pk = ?").run(indexedPk);
    db.prepare("UPDATE projects SET title = 'Zanzibar lighthouse survey' WHERE pk = ?").run(laterPk);
    db.prepare('DELETE FROM projects WHERE pk = ?').run(pks.find((pk) => pk < reached && pk !== indexedPk)!);
    db.prepare('DELETE FROM projects WHERE pk = ?').run(pks.at(-2)!);
    const thread = db.prepare('SELECT id FROM threads LIMIT 1').pluck().get() as string;
    insertPendingMessage(db, { id: newPlatformId('message'), threadId: thread, body: 'Fattura per le lanterne allegata', sentAt: new Date() });
    db.prepare('DELETE FROM messages WHERE pk = (SELECT min(pk) FROM messages)').run();
    db.prepare("UPDATE forum_topics SET title = 'Lanterne e fari' WHERE id = (SELECT min(id) FROM forum_topics)").run();
    expect(searchProjectIds(db, 'lanterne veneziane', 5)).toHaveLength(1);

    // The process ends there; the next start finishes the rebuild on its own, in the background.
    db.close();
    const core = await openCore({ dataDir, host: 'web', version: 'test', platformUrl: null });
    try {
      for (let i = 0; i < 500 && isFullTextRebuildOwed(core.db); i++) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(isFullTextRebuildOwed(core.db)).toBe(false);
      expect(isFullTextRebuildStarted(core.db)).toBe(false);
      expect(searchProjectIds(core.db, 'zanzibar lighthouse', 5)).toHaveLength(1);
      expect(searchProjectIds(core.db, 'lanterne veneziane', 5)).toHaveLength(1);
      expect(indexContents(core.db)).toEqual(fullRebuildOf(core.db, dataDir));
      // Back to FTS5's ordinary merging once rebuilt.
      for (const table of fullTextTables) {
        expect(core.db.prepare(`SELECT k, v FROM ${table}_fts_config WHERE k IN ('automerge', 'crisismerge') ORDER BY k`).raw().all(), table).toEqual([
          ['automerge', 4],
          ['crisismerge', 16],
        ]);
      }
      // And the ordinary triggers are back: a later change reaches the index at once.
      core.db.prepare("UPDATE projects SET title = 'Faro di Capo Testa' WHERE pk = ?").run(laterPk);
      expect(searchProjectIds(core.db, 'capo testa', 5)).toHaveLength(1);
    } finally {
      core.close();
    }
  }, 60_000);

  it('indexes caught up while a load still writes rows take the later rows in later chunks, and finish equal to a full rebuild', async () => {
    const { db, file } = await syncedWorkspace();
    pauseFullTextIndexing(db);
    // Chunks between pages of a load: none finishes an index, each one that has caught up lets the next begin.
    let steps = 0;
    while (rebuildFullTextStep(db, { budgetMs: 5, finish: false }).filled > 0) steps++;
    expect(steps).toBeGreaterThan(1);
    const progress = JSON.parse(readSyncValue(db, 'fts_rebuild_progress')!) as Record<string, unknown>;
    expect(Object.keys(progress).sort()).toEqual([...fullTextTables].sort());
    expect(Object.values(progress)).not.toContain(null);
    expect(isFullTextRebuildOwed(db)).toBe(true);

    // More of the load arrives: new rows past every index's progress, and changes to rows already indexed.
    const thread = db.prepare('SELECT id FROM threads LIMIT 1').pluck().get() as string;
    for (let i = 0; i < 50; i++) insertPendingMessage(db, { id: newPlatformId('message'), threadId: thread, body: `Consegna numero ${i} del faro`, sentAt: new Date() });
    db.prepare("UPDATE projects SET title = 'Faro di Capo Testa' WHERE pk = (SELECT min(pk) FROM projects)").run();
    db.prepare("INSERT INTO forum_topics (id, version, category, language, title, author_name, post_count, pinned, locked, last_post_at, raw, fetched_at) SELECT 'top_zzzzzz', version, category, language, 'Fari e lanterne', author_name, 0, 0, 0, last_post_at, raw, fetched_at FROM forum_topics LIMIT 1").run();
    expect(rebuildFullTextStep(db, { budgetMs: 50, finish: false }).filled).toBeGreaterThanOrEqual(51);
    expect(searchProjectIds(db, 'capo testa', 5)).toHaveLength(1);

    // The load's end finishes them.
    while (!rebuildFullTextStep(db, { budgetMs: 5 }).complete);
    expect(isFullTextRebuildStarted(db)).toBe(false);
    expect(indexContents(db)).toEqual(fullRebuildOf(db, path.dirname(file)));
  }, 60_000);

  it('a first sync stopped during the rebuild is finished by the next pull, equal to a full rebuild', async () => {
    const { db, client, accountId, pullUntilDone } = await syncedWorkspace();
    const dir = makeTempDir();
    // Stop the next first load as soon as its rebuild has started.
    pauseFullTextIndexing(db);
    db.prepare("DELETE FROM account_state WHERE key = 'cursor'").run();
    const stop = new AbortController();
    const watch = (): void => {
      if (isFullTextRebuildStarted(db)) stop.abort();
      else if (!stop.signal.aborted) setImmediate(watch);
    };
    watch();
    await expect(pullChanges({ db, client, accountId, signal: stop.signal })).rejects.toThrow('pull stopped');
    expect(isFullTextRebuildStarted(db)).toBe(true);
    expect(isFullTextRebuildOwed(db)).toBe(true);

    expect((await pullUntilDone()).outcome.kind).toBe('done');
    expect(isFullTextRebuildOwed(db)).toBe(false);
    expect(indexContents(db)).toEqual(fullRebuildOf(db, dir));
  }, 60_000);
});
