/** The change feed: snapshot, cursors, completeness under concurrent writes, tombstones, compaction, SSE, scoping. */
import { afterEach, describe, expect, it } from 'vitest';
import { changesEnvelopePageSchema, changesPageSchema, parseChange, type Change } from '../../../shared/platform/changes';
import type { Proposal, Thread } from '../../../shared/platform/records';
import type { PlatformServer } from '../../platform/server';
import { applyChanges, bootPlatform, call, newKey, pullAll, rawCall, signIn, simulate } from './helpers';

const servers: PlatformServer[] = [];
const boot = async (options: Parameters<typeof bootPlatform>[0] = {}): Promise<PlatformServer> => {
  const server = await bootPlatform(options);
  servers.push(server);
  return server;
};

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const versionsOf = (state: Map<string, Change>): Record<string, number> =>
  Object.fromEntries([...state.entries()].map(([key, change]) => [key, change.version]).sort());

describe('GET /v1/changes', () => {
  it('clamps the page size to 1000', async () => {
    const server = await boot({ scale: 300 });
    const { access_token: token } = await signIn(server);
    const page = changesPageSchema.parse((await call(server, 'listChanges', '/v1/changes?limit=5000', { token })).json);
    expect(page.changes).toHaveLength(1000);
    expect(page.has_more).toBe(true);
  });

  it('returns, from a cursor, exactly the changes committed since, with tombstones for deletes', async () => {
    const server = await boot();
    const { access_token: token } = await signIn(server);
    const snapshot = await pullAll(server, token, { limit: 100 });
    expect(snapshot.changes.every((change) => change.op === 'upsert')).toBe(true);
    const item = snapshot.changes.find((change) => change.type === 'portfolio_item');
    if (!item) throw new Error('the demo seed has a portfolio');
    const deleted = await call(server, 'deletePortfolioItem', `/v1/portfolio/items/${item.id}`, { token, idempotencyKey: newKey(), ifMatch: item.version });
    expect(deleted.status).toBe(200);
    const sent = await call(server, 'postMessage', '/v1/threads/thr_000004/messages', { token, idempotencyKey: newKey(), body: { body: 'Eccomi' } });
    const since = await pullAll(server, token, { cursor: snapshot.cursor });
    const summary = since.changes.map((change) => `${change.op} ${change.type} ${change.id} v${change.version}`);
    const message = sent.json as { id: string };
    expect(summary).toEqual([`delete portfolio_item ${item.id} v${item.version + 1}`, `upsert message ${message.id} v1`, expect.stringMatching(/^upsert thread thr_000004 v\d+$/)]);
    expect(since.changes[0]?.data).toBeNull();
    // A new snapshot has no tombstones and no deleted record.
    const fresh = await pullAll(server, token, { limit: 1000 });
    expect(fresh.changes.some((change) => change.id === item.id)).toBe(false);
    expect(fresh.changes.every((change) => change.op === 'upsert')).toBe(true);
  });

  it('delivers every change exactly once while writes happen during the pull', async () => {
    const server = await boot({ scale: 120 });
    const { access_token: token } = await signIn(server);
    const baseline = await pullAll(server, token, { limit: 1000 });
    const threads = baseline.changes.filter((change) => change.type === 'thread').map((change) => change.id);
    const projects = baseline.changes.filter((change) => change.type === 'project').map((change) => change.id);
    const writes: { key: string; version: number }[] = [];

    // Page slowly through a snapshot; between pages, write to records both behind and ahead of the reader.
    const pulled = await pullAll(server, token, {
      limit: 37,
      onPage: async (page) => {
        if (page >= 40) return;
        const threadId = threads[(page * 7) % threads.length] as string;
        const message = await call(server, 'postMessage', `/v1/threads/${threadId}/messages`, {
          token,
          idempotencyKey: newKey(),
          body: { body: `message during page ${page}` },
        });
        expect(message.status).toBe(201);
        writes.push({ key: `message/${(message.json as { id: string }).id}`, version: 1 });
        const projectId = page % 2 === 0 ? (projects[page] as string) : (projects[projects.length - 1 - page] as string);
        const edited = await simulate(server, 'POST', `/v1/simulation/records/project/${projectId}/edit`, { patch: { bid_count: page } });
        writes.push({ key: `project/${projectId}`, version: (edited.json as { version: number }).version });
      },
    });
    // Catch up from the cursor the snapshot ended with, as a client would on its next sync.
    const caughtUp = await pullAll(server, token, { cursor: pulled.cursor });
    const all = [...pulled.changes, ...caughtUp.changes];

    const seen = all.map((change) => `${change.type}/${change.id}@${change.version}`);
    expect(new Set(seen).size).toBe(seen.length);
    const state = applyChanges(all);
    for (const write of writes) {
      if (write.key.startsWith('project/')) {
        // Only the latest edit of a project needs to arrive; it must be there at a version at least this one.
        expect(state.get(write.key)?.version ?? 0).toBeGreaterThanOrEqual(write.version);
      } else {
        expect(state.get(write.key)?.version, write.key).toBe(write.version);
      }
    }
    // The client now holds exactly what a fresh snapshot holds.
    const fresh = await pullAll(server, token, { limit: 1000 });
    expect(versionsOf(state)).toEqual(versionsOf(applyChanges(fresh.changes)));
  });

  it('answers 410 Gone for a cursor older than the retention after compaction', async () => {
    const server = await boot({ changeRetentionSeconds: 60 });
    const { access_token: token } = await signIn(server);
    const old = await pullAll(server, token, { limit: 1000 });
    const item = old.changes.find((change) => change.type === 'portfolio_item') as Change;
    await call(server, 'deletePortfolioItem', `/v1/portfolio/items/${item.id}`, { token, idempotencyKey: newKey(), ifMatch: item.version });
    // Within the retention, compaction keeps the tombstone and the old cursor works.
    await simulate(server, 'POST', '/v1/simulation/compact');
    expect((await call(server, 'listChanges', `/v1/changes?cursor=${old.cursor}`, { token })).status).toBe(200);
    const recent = await pullAll(server, token, { cursor: old.cursor });

    await simulate(server, 'POST', '/v1/simulation/clock', { advance_seconds: 120 });
    const compacted = await simulate(server, 'POST', '/v1/simulation/compact');
    expect(compacted.json).toMatchObject({ purged: 1 });
    const { access_token: fresh } = await signIn(server);
    const gone = await call(server, 'listChanges', `/v1/changes?cursor=${old.cursor}`, { token: fresh });
    expect(gone.status).toBe(410);
    expect(gone.json).toMatchObject({ error: 'cursor_expired', field: 'cursor' });
    // A cursor taken after the delete, and a new snapshot, still work.
    expect((await call(server, 'listChanges', `/v1/changes?cursor=${recent.cursor}`, { token: fresh })).status).toBe(200);
    expect((await call(server, 'listChanges', '/v1/changes', { token: fresh })).status).toBe(200);
  });

  it('scopes the feed to what each user may see', async () => {
    const server = await boot();
    const demo = await pullAll(server, (await signIn(server)).access_token, { limit: 1000 });
    const second = await pullAll(server, (await signIn(server, 'second@bottega.test', 'bottega-second')).access_token, { limit: 1000 });
    const secondTypes = new Set(second.changes.map((change) => change.type));
    expect(secondTypes.has('proposal')).toBe(false);
    expect(secondTypes.has('thread')).toBe(false);
    expect(second.changes.filter((change) => change.type === 'profile').map((change) => change.id)).toEqual(['usr_second']);
    // Projects: open, in German or English, needing translation or copywriting.
    for (const change of second.changes.filter((entry) => entry.type === 'project')) {
      const project = change.data as { language: string; status: string; category: string };
      expect(['de', 'en']).toContain(project.language);
      expect(project.status).toBe('open');
    }
    // The demo user also sees the projects she bid on, closed or not, and never another user's records.
    const bidOn = new Set(demo.changes.filter((change) => change.type === 'proposal').map((change) => (change.data as Proposal).project_id));
    const demoProjects = new Set(demo.changes.filter((change) => change.type === 'project').map((change) => change.id));
    for (const projectId of bidOn) expect(demoProjects.has(projectId)).toBe(true);
    expect(demo.changes.some((change) => change.id === 'pfi_second1' || change.id === 'usr_second')).toBe(false);
    const clients = (changes: Change[]) => changes.filter((change) => change.type === 'client').length;
    expect(clients(second.changes)).toBe(clients(demo.changes));
  });

  it('carries injected invalid records in a valid envelope so a client can quarantine them', async () => {
    const server = await boot();
    const { access_token: token } = await signIn(server);
    const start = await pullAll(server, token, { limit: 1000 });
    await simulate(server, 'POST', '/v1/simulation/inject', { type: 'message', id: 'msg_hostile', data: { body: '<img src=x onerror=alert(1)>', thread_id: 42 } });
    await simulate(server, 'POST', '/v1/simulation/inject', { type: 'gizmo', id: 'gzm_1', version: 9, data: { anything: true } });
    const result = await rawCall(server, 'GET', `/v1/changes?cursor=${start.cursor}`, { token });
    expect(changesPageSchema.safeParse(result.json).success).toBe(false);
    const page = changesEnvelopePageSchema.parse(result.json);
    expect(page.changes.map((change) => [change.type, change.id, change.version])).toEqual([
      ['message', 'msg_hostile', 1],
      ['gizmo', 'gzm_1', 9],
    ]);
    const parsed = page.changes.map(parseChange);
    expect(parsed.map((entry) => entry.ok)).toEqual([false, false]);
    expect(parsed[1]).toMatchObject({ reason: 'unknown record type "gizmo"' });
  });
});

/** Reads an SSE stream until `predicate` holds for the text so far (bounded by chunks, not time). */
const readUntil = async (reader: ReadableStreamDefaultReader<Uint8Array>, predicate: (text: string) => boolean): Promise<string> => {
  const decoder = new TextDecoder();
  let text = '';
  for (let chunk = 0; chunk < 200 && !predicate(text); chunk += 1) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  return text;
};

describe('GET /v1/events', () => {
  it('announces a write with the latest cursor, which a pull then catches up to', async () => {
    const server = await boot({ heartbeatMs: 50 });
    const { access_token: token } = await signIn(server);
    const before = await pullAll(server, token, { limit: 1000 });
    const controller = new AbortController();
    const response = await fetch(`${server.url}/v1/events`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
    const reader = response.body?.getReader() as ReadableStreamDefaultReader<Uint8Array>;
    try {
      expect(await readUntil(reader, (text) => text.includes(': heartbeat'))).toContain(': heartbeat');
      const reply = await simulate(server, 'POST', '/v1/simulation/threads/thr_000002/messages', { body: 'Ci sei?' });
      const text = await readUntil(reader, (sofar) => sofar.includes('event: changes'));
      const match = /id: \S+\nevent: changes\ndata: (\{.*\})\n\n/.exec(text);
      expect(match).not.toBeNull();
      const { cursor } = JSON.parse(match?.[1] ?? '{}') as { cursor: string };
      expect(typeof cursor).toBe('string');
      const since = await pullAll(server, token, { cursor: before.cursor });
      expect(since.changes.map((change) => change.id)).toContain((reply.json as { id: string }).id);
      const thread = since.changes.find((change) => change.type === 'thread')?.data as Thread;
      expect(thread).toMatchObject({ id: 'thr_000002', read: false });
      expect(since.cursor).toBe(cursor);
    } finally {
      controller.abort();
    }
  });

  it('tells only the users whose feed changed', async () => {
    const server = await boot();
    const demo = await signIn(server);
    const second = await signIn(server, 'second@bottega.test', 'bottega-second');
    const controller = new AbortController();
    const stream = await fetch(`${server.url}/v1/events`, { headers: { authorization: `Bearer ${second.access_token}` }, signal: controller.signal });
    const reader = stream.body?.getReader() as ReadableStreamDefaultReader<Uint8Array>;
    try {
      await readUntil(reader, (text) => text.includes(': connected'));
      // A private write of the demo user, then a public one (forum) everyone sees.
      await call(server, 'postMessage', '/v1/threads/thr_000001/messages', { token: demo.access_token, idempotencyKey: newKey(), body: { body: 'privato' } });
      await call(server, 'createForumPost', '/v1/forum/topics/ftp_000001/posts', { token: demo.access_token, idempotencyKey: newKey(), body: { body: 'pubblico' } });
      const text = await readUntil(reader, (sofar) => sofar.includes('event: changes'));
      // Had the private message been announced to this user, the first event would carry an older cursor.
      const first = /event: changes\ndata: (\{.*\})\n/.exec(text)?.[1] ?? '{}';
      const latest = await pullAll(server, second.access_token, { limit: 1000 });
      expect((JSON.parse(first) as { cursor: string }).cursor).toBe(latest.cursor);
    } finally {
      controller.abort();
    }
  });
});
