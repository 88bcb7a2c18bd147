import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { recordTypes } from '../../../shared/platform/records';
import { openWritableDatabase } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { fullTextTables } from '../../../electron/core/db/repositories/fts-maintenance';
import { insertPendingMessage } from '../../../electron/core/db/repositories/messages-repository';
import { enqueueWrite } from '../../../electron/core/sync/writes/enqueue-write';
import { readRecordVersions } from '../../../electron/core/db/repositories/platform-records-repository';
import { createFileSecretStore } from '../../../electron/core/secrets/secret-store';
import { newPlatformId } from '../../../electron/core/sync/write-unit';
import { createSession } from '../../../electron/core/sync/session';
import { startPlatformServer, type PlatformServer } from '../../platform/server';
import { readServerFeed } from '../../support/platform-view';
import { useTempDirs } from '../../support/temp-dir';
import { bundledChild } from '../../support/bundled-child';

const makeTempDir = useTempDirs();
const servers: PlatformServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

const child = path.join(import.meta.dirname, '../../support/sync-child.ts');

/** Runs the sync child; kills it with SIGKILL `killAfterMs` after it is ready, or lets it finish. */
const runChild = async (platformUrl: string, dataDir: string, killAfterMs: number | null) => {
  const file = await bundledChild(child);
  return new Promise<'killed' | 'done'>((resolve, reject) => {
    const process_ = spawn(process.execPath, [file, platformUrl, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    process_.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    process_.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready') && killAfterMs !== null && !process_.killed) {
        setTimeout(() => process_.kill('SIGKILL'), killAfterMs);
      }
    });
    process_.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve('killed');
      else if (code === 0 && output.includes('done')) resolve('done');
      else reject(new Error(`sync child exited with ${code}: ${errors}`));
    });
  });
};

/** A small deterministic generator, so that a failing run can be replayed. */
const seeded = (seed: number) => () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};

describe('crash safety', () => {
  it('survives 30 SIGKILLs at random moments: intact database, nothing lost, nothing applied twice', async () => {
    const server = await startPlatformServer({ seed: 5, scale: 700, simulation: true, rateLimit: false });
    servers.push(server);
    const dataDir = makeTempDir();
    const file = path.join(dataDir, 'workspace.sqlite');

    // Signed in, and a first partial state with threads to write into.
    const session = createSession({ baseUrl: server.url, secrets: createFileSecretStore(path.join(dataDir, 'vault.json')) });
    expect((await session.signIn(server.users.demo.email, server.users.demo.password)).ok).toBe(true);
    const feed = await readServerFeed(server.url, server.users.demo);
    const threads = [...feed.get('thread')!.keys()].slice(0, 4);
    const db = openWritableDatabase(file);
    await migrate(db, { file, migrations });
    const written: { id: string; threadId: string; body: string }[] = [];
    for (let i = 0; i < 40; i++) {
      const message = { id: newPlatformId('message'), threadId: threads[i % threads.length]!, body: `Written offline #${i}` };
      db.transaction(() => {
        insertPendingMessage(db, { ...message, sentAt: new Date() });
        enqueueWrite(db, {
          entityType: 'message',
          entityId: message.id,
          op: 'post_message',
          payload: { threadId: message.threadId, id: message.id, body: message.body },
          now: new Date(),
        });
      })();
      written.push(message);
    }
    db.close();

    const random = seeded(20261123);
    let killed = 0;
    // Runs that happen to finish before their kill count as clean runs; go on until 30 kills landed.
    for (let round = 0; killed < 30 && round < 90; round++) {
      // The other side keeps acting between crashes, so every run has a few hundred changes to pull.
      for (let i = 0; i < 60; i++) server.actors.postProject({ title: `Progetto dopo il crash ${round}.${i}` });
      for (let i = 0; i < 30; i++) server.actors.clientMessage(threads[i % threads.length]!, `Risposta ${round}.${i}`);
      const outcome = await runChild(server.url, dataDir, Math.floor(random() * 120));
      if (outcome === 'killed') killed++;
      const check = new Database(file);
      expect(check.pragma('integrity_check', { simple: true }), `after round ${round}`).toBe('ok');
      // Every search index sound after each kill, a chunked rebuild cut anywhere included.
      for (const table of fullTextTables) check.prepare(`INSERT INTO ${table}_fts(${table}_fts) VALUES ('integrity-check')`).run();
      check.close();
    }
    expect(killed).toBe(30);

    expect(await runChild(server.url, dataDir, null)).toBe('done');

    // Converged: every record at the platform's version, and every offline message there exactly once, in order.
    const remote = await readServerFeed(server.url, server.users.demo);
    const check = openWritableDatabase(file);
    for (const type of recordTypes) {
      const ours = readRecordVersions(check, type);
      const theirs = remote.get(type) ?? new Map();
      expect(ours.size, type).toBe(theirs.size);
      for (const [id, record] of theirs) expect(ours.get(id), `${type} ${id}`).toBe(record.version);
    }
    const serverMessages = [...remote.get('message')!.values()].map((r) => r.data as { id: string; thread_id: string; body: string; sent_at: string });
    for (const threadId of threads) {
      const onServer = serverMessages
        .filter((m) => m.thread_id === threadId && m.body.startsWith('Written offline'))
        .sort((a, b) => a.sent_at.localeCompare(b.sent_at) || a.id.localeCompare(b.id));
      expect(onServer.map((m) => m.id)).toEqual(written.filter((m) => m.threadId === threadId).map((m) => m.id));
    }
    // The search index, paused for the first load and rebuilt after it, finds everything.
    const indexed = check.prepare("SELECT count(*) AS n FROM projects_fts WHERE projects_fts MATCH 'crash'").get() as { n: number };
    const titled = check.prepare("SELECT count(*) AS n FROM projects WHERE title LIKE '%crash%'").get() as { n: number };
    expect(indexed.n).toBe(titled.n);
    expect(titled.n).toBeGreaterThanOrEqual(60 * 30);
    const triggers = fullTextTables.flatMap((table) => ['insert', 'delete', 'update'].map((op) => `${table}_fts_${op}`));
    const present = check.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_fts_%'").all() as { name: string; sql: string }[];
    expect(present.map((t) => t.name).sort()).toEqual([...triggers].sort());
    // The ordinary triggers, not the row-limited ones of a rebuild; and each index equal to its table's rows.
    expect(present.filter((t) => t.sql.includes('fts_rebuild_progress'))).toEqual([]);
    for (const table of fullTextTables.filter((t) => t !== 'forum_topics')) {
      check.prepare(`INSERT INTO ${table}_fts(${table}_fts, rank) VALUES ('integrity-check', 1)`).run();
    }
    expect(check.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
    expect(check.prepare("SELECT count(*) AS n FROM messages WHERE state != 'synced'").get()).toEqual({ n: 0 });
    check.close();
  }, 180_000);
});
