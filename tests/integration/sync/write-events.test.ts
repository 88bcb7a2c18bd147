import { describe, expect, it } from 'vitest';
import type { WriteChange } from '../../../shared/contract/sync';
import type { SyncProblem } from '../../../shared/contract/sync-problem';
import { signIn, useCoreHarness, waitForSettled } from '../../support/core-harness';
import { png } from '../portfolio/harness';

// No simulated activity on the platform: the pull after the push brings nothing, so only the push can tell the lists.
const { openWorkspace, startPlatform } = useCoreHarness();

const refusingUploads: typeof fetch = async (input, init) => {
  const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
  if (init?.method === 'POST' && url.pathname === '/v1/uploads') {
    return new Response(JSON.stringify({ error: 'payload_too_large', message: 'Storage quota of this account is used up.' }), {
      status: 413,
      headers: { 'content-type': 'application/json' },
    });
  }
  return fetch(input, init);
};

const italian = { title: 'Etichette per una cantina', role: '', description: '', goal: '', solution: '', sourceLocale: null };

describe('the core tells the lists when a pushed write moves', () => {
  it('a refused image upload reaches the portfolio list as portfolioChanged, with the refusal already stored', async () => {
    const platform = await startPlatform({ simulation: false });
    const { client } = await openWorkspace(platform.url, { fetch: refusingUploads });
    await signIn(client, platform);
    await waitForSettled(client);

    const writes: WriteChange[] = [];
    const seenErrors: (SyncProblem | null)[] = [];
    const refused = new Promise<void>((resolve) => {
      client.on('portfolioChanged', ({ write }) => {
        if (!write) return;
        writes.push(write);
        if (write.state !== 'refused') return;
        // What the list reads when the event arrives: the refusal must already be there.
        void client.portfolio.getItem({ id: write.entityId }).then((item) => {
          seenErrors.push(item?.syncError ?? null);
          resolve();
        });
      });
    });
    const image = await client.portfolio.importImage({ name: 'labels.png', base64: png(7).toString('base64') });
    const item = await client.portfolio.saveItem({ id: null, defaultLocale: 'it', imageHashes: [image.hash], variants: [{ locale: 'it', ...italian }] });
    await refused;

    // The upload went out and was refused (the item's own put, held back for it, fails without going out).
    expect(writes.slice(0, 2)).toEqual([
      { entityType: 'portfolio_item', entityId: item.id, state: 'sent' },
      { entityType: 'portfolio_item', entityId: item.id, state: 'refused' },
    ]);
    expect(seenErrors[0]).toEqual({ code: 'refused', status: 413, message: 'Storage quota of this account is used up.' });
  });

  it('an accepted portfolio item, a refused message and an accepted forum reply each reach their own list', async () => {
    const platform = await startPlatform({ simulation: false });
    const { core, client } = await openWorkspace(platform.url);
    await signIn(client, platform);
    await waitForSettled(client);

    const portfolio: WriteChange[] = [];
    const messages: { threadId: string | null; write: WriteChange }[] = [];
    client.on('portfolioChanged', ({ write }) => write && portfolio.push(write));
    client.on('messagesChanged', ({ threadId, write }) => write && messages.push({ threadId, write }));
    const accepted = new Promise<void>((resolve) => client.on('portfolioChanged', ({ write }) => write?.state === 'accepted' && resolve()));
    const item = await client.portfolio.saveItem({ id: null, defaultLocale: 'it', variants: [{ locale: 'it', ...italian }] });
    await accepted;
    expect(portfolio).toEqual([
      { entityType: 'portfolio_item', entityId: item.id, state: 'sent' },
      { entityType: 'portfolio_item', entityId: item.id, state: 'accepted' },
    ]);

    // A conversation the platform does not know: the send is refused, and the conversation hears it, not a pull.
    core.db.prepare("INSERT INTO threads (id, version, context, raw, fetched_at) VALUES ('thr_gone', 1, 'general', '{}', 'x')").run();
    const refused = new Promise<string | undefined>((resolve) =>
      client.on('messagesChanged', ({ write }) => {
        if (write?.state === 'refused') void client.messages.listMessages({ threadId: 'thr_gone', offset: 0, limit: 10 }).then((page) => resolve(page.items[0]?.state));
      }),
    );
    const sent = await client.messages.sendMessage({ threadId: 'thr_gone', body: 'Are you still there?' });
    expect(await refused).toBe('failed');
    expect(messages).toEqual([
      { threadId: 'thr_gone', write: { entityType: 'message', entityId: sent.id, state: 'sent' } },
      { threadId: 'thr_gone', write: { entityType: 'message', entityId: sent.id, state: 'refused' } },
    ]);

    const { id: topicId } = core.db.prepare('SELECT id FROM forum_topics WHERE locked = 0 ORDER BY id LIMIT 1').get() as { id: string };
    const replied = new Promise<{ topicId: string | null; write: WriteChange }>((resolve) =>
      client.on('communityChanged', (change) => change.write?.state === 'accepted' && resolve({ topicId: change.topicId, write: change.write })),
    );
    const reply = await client.community.replyToTopic({ topicId, body: 'Grazie, molto utile.' });
    expect(await replied).toEqual({ topicId, write: { entityType: 'forum_post', entityId: reply.id, state: 'accepted' } });
  });
});
