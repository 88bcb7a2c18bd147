import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract';
import type { SyncStatus } from '../../../shared/contract/sync';
import { createBridge, createClient } from '../../../shared/rpc/bridge';
import { createInProcessPair } from '../../../shared/rpc/transport';
import { openCore } from '../../../electron/core/core';
import { startPlatformServer } from '../../platform/server';
import { waitForStatus } from '../../support/core-harness';
import { useTempDirs } from '../../support/temp-dir';

const makeTempDir = useTempDirs();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const boot = async () => {
  const server = await startPlatformServer({ seed: 7, scale: 'demo', simulation: true, rateLimit: false, heartbeatMs: 500 });
  cleanups.push(() => server.close());
  return server;
};

const connect = async (dataDir: string, platformUrl: string, fetchOverride?: typeof fetch) => {
  const core = await openCore({
    dataDir,
    host: 'web',
    version: 'test',
    validateOutput: true,
    platformUrl,
    ...(fetchOverride ? { fetch: fetchOverride } : {}),
  });
  cleanups.push(() => core.close());
  const [near, far] = createInProcessPair();
  core.serve(far);
  const client = createClient(contract, createBridge(contract, near));
  return { core, client };
};

const synced = (status: SyncStatus) => status.connection === 'online' && status.phase === 'idle' && status.lastSyncAt !== null;

const listFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });

describe('the sync service through the contract', () => {
  it('signs in, syncs, follows realtime changes, and signs out keeping the data', async () => {
    const server = await boot();
    const dataDir = makeTempDir();
    const { client, core } = await connect(dataDir, server.url);
    expect(await client.sync.getStatus()).toMatchObject({ connection: 'signed_out', account: null });

    await expect(client.sync.signIn({ email: server.users.demo.email, password: 'wrong' })).resolves.toEqual({
      ok: false,
      reason: 'invalid_credentials',
    });
    await expect(client.sync.signIn({ email: server.users.demo.email, password: server.users.demo.password })).resolves.toEqual({
      ok: true,
    });
    const status = await waitForStatus(client, synced);
    expect(status.account).toEqual({ email: server.users.demo.email });
    const { total } = await client.feed.countProjects({});
    expect(total).toBeGreaterThan(0);

    // The other side posts a project: the SSE event triggers a pull, the feed grows.
    const grown = new Promise<void>((resolve) => {
      const stop = client.on('projectsChanged', ({ count }) => {
        if (count > total) {
          stop();
          resolve();
        }
      });
    });
    const posted = server.actors.postProject({ title: 'Realtime: sito per un frantoio in Umbria' });
    await grown;
    const first = await client.feed.listProjects({ limit: 5, sort: 'newest' });
    expect(first.items.map((p) => p.id)).toContain(posted.id);

    // Tokens live in the 0600 vault only, never in the database.
    const vault = listFiles(dataDir).find((file) => file.endsWith('vault.json'))!;
    expect(statSync(vault).mode & 0o777).toBe(0o600);
    // Under the account's own key (account.<id>.session), the only session saved.
    const saved = JSON.parse(readFileSync(vault, 'utf8')) as Record<string, string>;
    expect(Object.keys(saved)).toEqual([expect.stringMatching(/^account\.acc_[\w-]+\.session$/)]);
    const token = JSON.parse(Object.values(saved)[0]!).accessToken as string;
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    for (const file of listFiles(dataDir).filter((f) => f !== vault)) {
      expect(readFileSync(file).includes(token), file).toBe(false);
    }

    await expect(client.sync.signOut()).resolves.toMatchObject({ connection: 'signed_out', account: null });
    expect((await client.feed.countProjects({})).total).toBe(total + 1);
  });

  it('resumes the session after a restart and catches up on what happened meanwhile', async () => {
    const server = await boot();
    const dataDir = makeTempDir();
    const first = await connect(dataDir, server.url);
    await first.client.sync.signIn({ email: server.users.demo.email, password: server.users.demo.password });
    await waitForStatus(first.client, synced);
    const before = (await first.client.feed.countProjects({})).total;
    first.core.close();

    const posted = server.actors.postProject({ title: 'Während du weg warst: Shopify für eine Konditorei' });
    const second = await connect(dataDir, server.url);
    await waitForStatus(second.client, (s) => synced(s) && s.lastSyncAt !== null);
    await expect.poll(async () => (await second.client.feed.countProjects({})).total).toBe(before + 1);
    expect((await second.client.feed.listProjects({ limit: 5 })).items.map((p) => p.id)).toContain(posted.id);
  });

  it('refreshes a token that expires in the middle of a long first sync', async () => {
    const server = await startPlatformServer({ seed: 3, scale: 2500, rateLimit: false });
    cleanups.push(() => server.close());
    let pages = 0;
    let unauthorized = 0;
    // After the third page the platform's clock jumps past the access token's hour.
    const watchingFetch: typeof fetch = async (input, init) => {
      if (String(input).includes('/v1/changes') && ++pages === 3) server.advanceClock(2 * 3600);
      const response = await fetch(input, init);
      if (response.status === 401) unauthorized++;
      return response;
    };
    const { client } = await connect(makeTempDir(), server.url, watchingFetch);
    await client.sync.signIn({ email: server.users.demo.email, password: server.users.demo.password });
    const status = await waitForStatus(client, synced);
    expect(status.lastError).toBeNull();
    expect(unauthorized).toBeGreaterThan(0);
    expect(pages).toBeGreaterThan(3);
  });

  it('signs out clearly when the platform revokes the session, keeping every local record', async () => {
    const server = await boot();
    const { client } = await connect(makeTempDir(), server.url);
    await client.sync.signIn({ email: server.users.demo.email, password: server.users.demo.password });
    await waitForStatus(client, synced);
    const { total } = await client.feed.countProjects({});

    server.advanceClock(40 * 86_400); // past the refresh token's life: the platform no longer knows this session
    client.sync.syncNow();
    const status = await waitForStatus(client, (s) => s.connection === 'signed_out');
    expect(status.account).toBeNull();
    expect(status.lastError).toEqual({ code: 'session_expired' });
    expect((await client.feed.countProjects({})).total).toBe(total);
  });

  it('stays usable offline when no platform is configured', async () => {
    const { client } = await connect(makeTempDir(), '');
    expect(await client.sync.getStatus()).toMatchObject({ connection: 'unconfigured' });
    await expect(client.sync.signIn({ email: 'a@b.c', password: 'x' })).resolves.toEqual({ ok: false, reason: 'unconfigured' });
  });
});
