import { afterEach, describe, expect, it } from 'vitest';
import { recordTypes } from '../../../shared/platform/records';
import { readRecordVersions, recordTables } from '../../../electron/core/db/repositories/platform-records-repository';
import { listQuarantine } from '../../../electron/core/db/repositories/quarantine-repository';
import { readAccountValue } from '../../../electron/core/db/repositories/sync-state-repository';
import { searchProjectIds } from '../../../electron/core/db/repositories/projects-repository';
import { startPlatformServer, type PlatformServer } from '../../platform/server';
import { readServerView } from '../../support/platform-view';
import { openSyncedWorkspace } from '../../support/sync-harness';
import { useTempDirs } from '../../support/temp-dir';
import type { WritableDB } from '../../../electron/core/db/database';

const makeTempDir = useTempDirs();
const servers: PlatformServer[] = [];
const dbs: WritableDB[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) db.close();
  for (const server of servers.splice(0)) await server.close();
});

const boot = async (options: Parameters<typeof startPlatformServer>[0] = {}) => {
  const server = await startPlatformServer({ seed: 7, scale: 'demo', simulation: true, rateLimit: false, ...options });
  servers.push(server);
  return server;
};

const localView = (db: WritableDB) => new Map(recordTypes.map((type) => [type, readRecordVersions(db, type)]));

const expectConverged = async (server: PlatformServer, db: WritableDB, quarantinedIds = new Set<string>()) => {
  const remote = await readServerView(server.url, server.users.demo);
  const local = localView(db);
  for (const type of recordTypes) {
    const theirs = remote.get(type) ?? new Map<string, number>();
    const ours = local.get(type)!;
    for (const [id, version] of theirs) {
      if (quarantinedIds.has(id) && ours.get(id) !== version) continue;
      expect(ours.get(id), `${type} ${id}`).toBe(version);
    }
    expect([...ours.keys()].filter((id) => !theirs.has(id)), `${type}: local records the platform does not show`).toEqual([]);
  }
  return remote;
};

describe('pull', () => {
  it('makes the workspace a faithful copy of the demo feed, resumably', async () => {
    const server = await boot();
    const workspace = await openSyncedWorkspace(makeTempDir(), server.url, server.users.demo);
    dbs.push(workspace.db);
    const { outcome } = await workspace.pullUntilDone();
    expect(outcome.kind).toBe('done');
    const remote = await expectConverged(server, workspace.db);
    expect(remote.get('project')?.size).toBeGreaterThan(10);
    expect(remote.get('message')?.size).toBeGreaterThan(10);
    expect(readAccountValue(workspace.db, workspace.accountId, 'cursor')).not.toBeNull();
    // Every record the first load wrote (in the worker's bulk path) is the account's.
    for (const table of Object.values(recordTables)) {
      const others = workspace.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE account_id IS NOT ?`).get(workspace.accountId);
      expect(others, table).toEqual({ n: 0 });
    }
    expect(workspace.db.prepare('SELECT count(*) AS n FROM messages WHERE account_id = ?').get(workspace.accountId)).toEqual({
      n: remote.get('message')?.size,
    });

    // Nothing new: the next pull applies nothing.
    const again = await workspace.pullUntilDone();
    expect(again.outcome).toMatchObject({ kind: 'done', progress: { applied: 0 } });
    expect(workspace.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('picks up what changed since, deletes included, and keeps the search index current', async () => {
    const server = await boot();
    const workspace = await openSyncedWorkspace(makeTempDir(), server.url, server.users.demo);
    dbs.push(workspace.db);
    await workspace.pullUntilDone();

    const thread = [...(await readServerView(server.url, server.users.demo)).get('thread')!.keys()][0]!;
    server.actors.clientMessage(thread, 'Grüße aus Köln: können wir morgen telefonieren?');
    const project = server.actors.postProject({ title: 'Traduzione del sito di una pasticceria di Città della Pieve' });
    const { outcome } = await workspace.pullUntilDone();
    expect(outcome).toMatchObject({ kind: 'done' });
    expect(searchProjectIds(workspace.db, 'citta pieve', 5)).toEqual([project.id]);

    server.actors.remove('project', project.id);
    await workspace.pullUntilDone();
    expect(searchProjectIds(workspace.db, 'citta pieve', 5)).toEqual([]);
    await expectConverged(server, workspace.db);
  });

  it('converges through errors, rate limits, dropped connections, cut bodies and invalid records', async () => {
    const server = await boot({
      faults: 'error=0.2,ratelimit=0.1@1,drop=0.1,truncate=0.1,invalid=0.02',
      seed: 11,
      scale: 1500,
    });
    const workspace = await openSyncedWorkspace(makeTempDir(), server.url, server.users.demo);
    dbs.push(workspace.db);
    const { outcome, retries } = await workspace.pullUntilDone(500);
    expect(outcome.kind).toBe('done');
    expect(retries).toBeGreaterThan(0);
    const quarantined = listQuarantine(workspace.db, 10_000);
    expect(quarantined.length).toBeGreaterThan(0);
    expect(quarantined[0]!.reason.length).toBeGreaterThan(0);
    await expectConverged(server, workspace.db, new Set(quarantined.map((q) => q.recordId ?? '')));
    expect(workspace.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
