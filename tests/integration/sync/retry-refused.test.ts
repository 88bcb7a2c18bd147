import { describe, expect, it } from 'vitest';
import { readServerFeed } from '../../support/platform-view';
import { signIn, useCoreHarness, waitForSettled, waitForStatus } from '../../support/core-harness';
import { asInput } from '../portfolio/harness';

const { openWorkspace, startPlatform } = useCoreHarness();

const keyOf = (db: { prepare: (sql: string) => { get: (seq: number) => unknown } }, seq: number): string =>
  (db.prepare('SELECT idempotency_key AS key FROM outbox WHERE seq = ?').get(seq) as { key: string }).key;

describe('retrying a failed write', () => {
  it('a write the platform refused goes again under a new key once the cause is fixed, and lands exactly once', async () => {
    const platform = await startPlatform();
    const { core, client } = await openWorkspace(platform.url);
    await signIn(client, platform);
    await waitForSettled(client);
    const { id: topicId } = core.db.prepare('SELECT id FROM forum_topics WHERE locked = 0 ORDER BY id LIMIT 1').get() as { id: string };

    // Locked on the platform after this workspace last heard of the topic: the reply is refused there (422).
    platform.actors.edit('forum_topic', topicId, { locked: true });
    const body = 'Grazie a tutti, ecco come ho fatturato il primo cliente in Svizzera.';
    await client.community.replyToTopic({ topicId, body, replyTo: null });
    await waitForStatus(client, (s) => s.failed === 1 && s.phase === 'idle');
    const [refused] = await client.sync.listWrites({ limit: 10 });
    expect(refused).toMatchObject({ entityType: 'forum_post', state: 'failed', attempts: 1, lastError: { code: 'refused', status: 422, message: 'the topic is locked' } });
    const refusedKey = keyOf(core.db, refused!.seq);

    // The moderators open the topic again; the user retries from the sync problems screen.
    platform.actors.edit('forum_topic', topicId, { locked: false });
    await client.sync.retryWrite({ seq: refused!.seq });
    await waitForStatus(client, (s) => s.failed === 0 && s.pending === 0 && s.phase === 'idle');

    const posts = [...((await readServerFeed(platform.url, platform.users.demo)).get('forum_post')?.values() ?? [])].filter(
      (post) => post.data?.['body'] === body,
    );
    expect(posts).toHaveLength(1);
    // Under the old key the platform would only have replayed its refusal; that key still holds just the refusal.
    expect(platform.store.findIdempotent(platform.users.demo.id, refusedKey)?.status).toBe(422);
    await expect(client.sync.retryWrite({ seq: refused!.seq })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('a write that failed without the platform refusing it keeps its key: an attempt that landed is not made twice', async () => {
    const platform = await startPlatform();
    let interceptPut = false;
    // Something between here and the platform answers 403 with its own page after the platform took the PUT.
    const proxied: typeof fetch = async (input, init) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      const response = await fetch(input, init);
      if (interceptPut && init?.method === 'PUT' && url.pathname.startsWith('/v1/portfolio/items/')) {
        interceptPut = false;
        return new Response('<html><body>Access denied by proxy</body></html>', { status: 403, headers: { 'content-type': 'text/html' } });
      }
      return response;
    };
    const { core, client } = await openWorkspace(platform.url, { fetch: proxied });
    await signIn(client, platform);
    await waitForSettled(client);
    const created = await client.portfolio.saveItem({
      id: null,
      defaultLocale: 'it',
      variants: [{ locale: 'it', title: 'Sito per una cantina', role: '', description: '', goal: '', solution: '', sourceLocale: null }],
    });
    await waitForSettled(client);
    const item = await client.portfolio.getItem({ id: created.id });

    interceptPut = true;
    await client.portfolio.saveItem(asInput(item!, { it: { description: 'Negozio online, spedizioni in tutta Europa.' } }));
    await waitForStatus(client, (s) => s.failed === 1 && s.phase === 'idle');
    const [failed] = await client.sync.listWrites({ limit: 10 });
    expect(failed).toMatchObject({ entityType: 'portfolio_item', state: 'failed' });
    const key = keyOf(core.db, failed!.seq);

    await client.sync.retryWrite({ seq: failed!.seq });
    await waitForSettled(client);
    // The same key: the platform replayed its answer to the PUT it had taken. A new key would have sent the
    // edit again with the old If-Match, and met a conflict with itself.
    expect(await client.sync.getStatus()).toMatchObject({ failed: 0, conflicts: 0 });
    expect(platform.store.findIdempotent(platform.users.demo.id, key)?.status).toBe(200);
    const server = (await readServerFeed(platform.url, platform.users.demo)).get('portfolio_item')?.get(created.id);
    expect(server?.data).toMatchObject({ variants: { it: { description: 'Negozio online, spedizioni in tutta Europa.' } } });
    expect(server?.version).toBe(2);
  });
});
