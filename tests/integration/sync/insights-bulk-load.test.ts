import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/core';
import { openWritableDatabase } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { isInsightsMaintenancePaused } from '../../../electron/core/db/repositories/insights-maintenance';
import { createFileSecretStore } from '../../../electron/core/secrets/secret-store';
import { pullChanges } from '../../../electron/core/sync/pull';
import { createSession } from '../../../electron/core/sync/session';
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

const startServer = async (): Promise<PlatformServer> => {
  const server = await startPlatformServer({ seed: 11, scale: 1000, simulation: true, rateLimit: false });
  servers.push(server);
  return server;
};

/** What the insights triggers keep (schemas v14, v15, v18) and what v16's (v18's) price index holds, in a comparable order. */
const derivedOf = (db: Database.Database) => ({
  columns: db
    .prepare(
      `SELECT id, first_reply_at, answered_at, project_pk, project_category, project_country, released_minor, released_milestones
       FROM proposals ORDER BY id`,
    )
    .raw()
    .all(),
  skills: db.prepare('SELECT proposal_id, skill, status, submitted_at, account_id FROM proposal_skills ORDER BY proposal_id, skill').raw().all(),
  price: db
    .prepare(
      `SELECT currency, kind, status, submitted_at, amount_minor FROM proposals INDEXED BY proposals_insights_price
       WHERE submitted_at IS NOT NULL ORDER BY currency, kind, status, submitted_at, amount_minor`,
    )
    .raw()
    .all(),
});

/** v14's and v15's triggers (v3's project_skills_* triggers are not theirs). */
const triggersOf = (db: Database.Database): { name: string; sql: string }[] =>
  (db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all() as { name: string; sql: string }[]).filter(({ name }) =>
    /insights|^proposals_skills_|^project_skills_proposals_/.test(name),
  );

/** The insights triggers of a freshly migrated workspace: what must be in place whenever no load holds them aside. */
const migratedTriggers = async (dir: string): Promise<{ name: string; sql: string }[]> => {
  const file = path.join(dir, 'fresh.sqlite');
  const db = openWritableDatabase(file);
  dbs.push(db);
  await migrate(db, { file, migrations });
  return triggersOf(db);
};

/**
 * The same base rows written row by row into a freshly migrated workspace with every trigger on, the proposals
 * without their kept columns: what the triggers produce for exactly these rows (INSERT … SELECT fires a row
 * trigger per row, as the sync's upserts do).
 */
const rowByRowOf = async (source: string, dir: string): Promise<ReturnType<typeof derivedOf>> => {
  const file = path.join(dir, `row-by-row-${dbs.length}.sqlite`);
  const db = openWritableDatabase(file);
  dbs.push(db);
  await migrate(db, { file, migrations });
  const kept = new Set(['first_reply_at', 'answered_at', 'project_pk', 'project_category', 'project_country', 'released_minor', 'released_milestones']);
  db.exec(`ATTACH DATABASE '${source}' AS source`);
  for (const table of ['accounts', 'clients', 'projects', 'threads', 'messages', 'proposals']) {
    const columns = (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]).filter((column) => !kept.has(column)).join(', ');
    db.exec(`INSERT INTO main.${table} (${columns}) SELECT ${columns} FROM source.${table} ORDER BY rowid`);
  }
  db.exec('DETACH DATABASE source');
  return derivedOf(db);
};

describe('insights columns during a first load', () => {
  it('are set aside while it writes and filled at its end exactly as the triggers would have, the triggers back', async () => {
    const server = await startServer();
    const dir = makeTempDir();
    const { db, file, client, accountId } = await openSyncedWorkspace(dir, server.url, server.users.demo);
    dbs.push(db);
    let pagesWhilePaused = 0;
    const outcome = await pullChanges({
      db,
      client,
      accountId,
      pageSize: 200,
      onPage: () => {
        // No trigger re-reads a project's proposals per message while the load writes.
        if (isInsightsMaintenancePaused(db) && triggersOf(db).length === 0) pagesWhilePaused++;
      },
    });
    expect(outcome.kind).toBe('done');
    expect(pagesWhilePaused).toBeGreaterThan(3);
    expect(isInsightsMaintenancePaused(db)).toBe(false);
    expect(triggersOf(db)).toEqual(await migratedTriggers(dir));

    const derived = derivedOf(db);
    // The seed gives the comparison something to compare: replies, projects with skills, released milestones.
    const columns = derived.columns as unknown[][];
    expect(columns.filter((row) => row[1] !== null).length).toBeGreaterThan(0);
    expect(columns.filter((row) => row[3] !== null).length).toBeGreaterThan(0);
    expect(columns.filter((row) => (row[7] as number) > 0).length).toBeGreaterThan(0);
    expect((derived.skills as unknown[][]).filter((row) => row[1] !== null).length).toBeGreaterThan(0);
    expect(derived).toEqual(await rowByRowOf(file, dir));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');

    // And the triggers keep them from here on: a client's reply arrives in a thread of a submitted proposal,
    // a millisecond after its submission (before any reply it had).
    const target = db
      .prepare(
        `SELECT pr.id, pr.submitted_at AS submittedAt, t.id AS thread FROM proposals pr
         JOIN threads t ON t.project_id = pr.project_id AND t.context = 'project' WHERE pr.submitted_at IS NOT NULL LIMIT 1`,
      )
      .get() as { id: string; submittedAt: string; thread: string } | undefined;
    expect(target).toBeDefined();
    const replyAt = new Date(Date.parse(target!.submittedAt) + 1).toISOString();
    db.prepare(
      `INSERT INTO messages (id, version, thread_id, sender_id, from_me, body, attachments, sent_at, raw, fetched_at, account_id)
       VALUES ('msg_later', 1, ?, 'cli_x', 0, 'Sì, parliamone', '[]', ?, '{}', ?, ?)`,
    ).run(target!.thread, replyAt, replyAt, accountId);
    expect(db.prepare('SELECT first_reply_at FROM proposals WHERE id = ?').pluck().get(target!.id)).toBe(replyAt);
  }, 120_000);

  it('killed mid-load: set aside with nothing inconsistent, then filled and put back by the next start, and the load finished', async () => {
    const server = await startServer();
    const dataDir = makeTempDir();
    const file = path.join(dataDir, 'workspace.sqlite');
    const session = createSession({ baseUrl: server.url, secrets: createFileSecretStore(path.join(dataDir, 'vault.json')) });
    expect((await session.signIn(server.users.demo.email, server.users.demo.password)).ok).toBe(true);

    // The sync child (pages of 50) is killed once its first load holds the triggers aside and has written messages.
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, '../../support/sync-child.ts'), server.url, dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const exited = new Promise<string | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    const midLoad = (): boolean => {
      try {
        const reader = new Database(file, { readonly: true, fileMustExist: true });
        try {
          const paused = reader.prepare("SELECT 1 FROM sync_state WHERE key = 'insights_paused_triggers'").get() !== undefined;
          return paused && (reader.prepare('SELECT count(*) FROM messages').pluck().get() as number) > 500;
        } finally {
          reader.close();
        }
      } catch {
        return false; // not created or not migrated yet
      }
    };
    while (child.exitCode === null && !midLoad()) await new Promise((resolve) => setTimeout(resolve, 5));
    child.kill('SIGKILL');
    expect(await exited, errors).toBe('SIGKILL');

    // What the kill left: the triggers aside and the flag that says so, committed together.
    const killed = openWritableDatabase(file);
    dbs.push(killed);
    expect(isInsightsMaintenancePaused(killed)).toBe(true);
    expect(triggersOf(killed)).toEqual([]);
    expect(killed.pragma('integrity_check', { simple: true })).toBe('ok');
    killed.close();

    // The next start fills the columns from what was written and puts the very same triggers back.
    const core = await openCore({ dataDir, host: 'web', version: 'test', platformUrl: null });
    try {
      expect(isInsightsMaintenancePaused(core.db)).toBe(false);
      expect(triggersOf(core.db)).toEqual(await migratedTriggers(dataDir));
      expect(derivedOf(core.db)).toEqual(await rowByRowOf(file, makeTempDir()));
    } finally {
      core.close();
    }

    // The load goes on (its cursor kept) and ends with them back and filled again.
    const finished = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, '../../support/sync-child.ts'), server.url, dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    finished.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    expect(await new Promise((resolve) => finished.on('exit', resolve))).toBe(0);
    expect(output).toContain('done');
    const db = openWritableDatabase(file);
    dbs.push(db);
    expect(isInsightsMaintenancePaused(db)).toBe(false);
    expect(triggersOf(db)).toEqual(await migratedTriggers(makeTempDir()));
    expect(derivedOf(db)).toEqual(await rowByRowOf(file, makeTempDir()));
  }, 180_000);
});
