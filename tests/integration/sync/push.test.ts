import { describe, expect, it } from 'vitest';
import { readServerFeed } from '../../support/platform-view';
import { useCoreHarness, waitForStatus } from '../../support/core-harness';

const { makeTempDir, openSignedIn, startPlatform } = useCoreHarness();

describe('push', () => {
  it('delivers messages written offline exactly once, in order per thread, though answers get lost', async () => {
    const platformDir = makeTempDir();
    let platform = await startPlatform({ dataDir: platformDir });
    const { port, users } = platform;
    const { core, client } = await openSignedIn(platform);
    const threads = (core.db.prepare('SELECT id FROM threads ORDER BY id LIMIT 3').all() as { id: string }[]).map((t) => t.id);
    expect(threads).toHaveLength(3);

    // The network goes away; the freelancer keeps writing.
    await platform.close();
    const sent: { threadId: string; body: string; id: string }[] = [];
    for (let i = 0; i < 60; i++) {
      const threadId = threads[i % 3]!;
      const body = `Offline note ${i} — grazie, à bientôt, schöne Grüße`;
      const { id, state } = await client.messages.sendMessage({ threadId, body });
      expect(state).toBe('pending');
      sent.push({ threadId, body, id });
    }
    await expect(client.messages.sendMessage({ threadId: 'thr_nope', body: 'x' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(client.messages.sendMessage({ threadId: threads[0]!, body: '   ' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect((await client.sync.getStatus()).pending).toBe(60);
    const pendingRows = core.db.prepare("SELECT count(*) AS n FROM messages WHERE state = 'pending'").get() as { n: number };
    expect(pendingRows.n).toBe(60);

    // Back, but flaky: some requests are applied and then their answers are cut off or dropped.
    platform = await startPlatform({ port, dataDir: platformDir, faults: 'truncate=0.3,drop=0.1', seed: 3 });
    client.sync.syncNow();
    await waitForStatus(client, (s) => s.pending === 0 && s.phase === 'idle');

    const server = await readServerFeed(platform.url, users.demo);
    const messages = [...server.get('message')!.values()].map((record) => record.data as { id: string; thread_id: string; body: string; sent_at: string });
    for (const threadId of threads) {
      const ours = sent.filter((m) => m.threadId === threadId);
      const onServer = messages
        .filter((m) => m.thread_id === threadId && m.body.startsWith('Offline note'))
        .sort((a, b) => a.sent_at.localeCompare(b.sent_at) || a.id.localeCompare(b.id));
      expect(onServer.map((m) => m.body)).toEqual(ours.map((m) => m.body));
      expect(onServer.map((m) => m.id)).toEqual(ours.map((m) => m.id));
    }
    const stillPending = core.db.prepare("SELECT count(*) AS n FROM messages WHERE state != 'synced'").get() as { n: number };
    expect(stillPending.n).toBe(0);
    expect(core.db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
  });

  it('shows a refused write with the platform’s reason, and retries it on request under a new key (the refusal committed nothing)', async () => {
    const { core, client } = await openSignedIn(await startPlatform());

    // A conversation the platform does not know (deleted there meanwhile): the send is refused, not retried blindly.
    core.db.prepare("INSERT INTO threads (id, version, context, raw, fetched_at) VALUES ('thr_gone', 1, 'general', '{}', 'x')").run();
    await client.messages.sendMessage({ threadId: 'thr_gone', body: 'Are you still there?' });
    await waitForStatus(client, (s) => s.failed === 1 && s.phase !== 'syncing');
    const [refused] = await client.sync.listWrites({ limit: 10 });
    expect(refused).toMatchObject({ entityType: 'message', state: 'failed', attempts: 1 });
    expect(refused!.lastError).toBeTruthy();
    const key = (core.db.prepare('SELECT idempotency_key AS k FROM outbox WHERE seq = ?').get(refused!.seq) as { k: string }).k;

    await client.sync.retryWrite({ seq: refused!.seq });
    // Refused again (the conversation is still gone), after one attempt under the new key.
    await expect.poll(async () => (await client.sync.listWrites({ limit: 10 }))[0]).toMatchObject({ state: 'failed', attempts: 1 });
    expect((core.db.prepare('SELECT idempotency_key AS k FROM outbox WHERE seq = ?').get(refused!.seq) as { k: string }).k).not.toBe(key);
    await expect(client.sync.retryWrite({ seq: 999_999 })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('a thread read here is read on the platform too', async () => {
    const platform = await startPlatform();
    const { core, client } = await openSignedIn(platform);
    const threadId = (core.db.prepare('SELECT id FROM threads ORDER BY id LIMIT 1').get() as { id: string }).id;

    platform.actors.clientMessage(threadId, 'Ci sentiamo domani?');
    await expect.poll(async () => (await client.messages.getThread({ id: threadId }))?.unreadCount).toBeGreaterThan(0);
    await client.messages.markThreadRead({ id: threadId });
    await waitForStatus(client, (s) => s.pending === 0 && s.phase === 'idle');

    const onServer = (await readServerFeed(platform.url, platform.users.demo)).get('thread')!.get(threadId)!;
    expect(onServer.data).toMatchObject({ unread_count: 0, read: true });
    const local = core.db.prepare('SELECT version, unread_count FROM threads WHERE id = ?').get(threadId);
    expect(local).toEqual({ version: onServer.version, unread_count: 0 });
  });
});
