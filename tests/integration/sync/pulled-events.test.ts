import { describe, expect, it } from 'vitest';
import { pulledEvents } from '../../../electron/core/sync/pulled-events';
import { downloadsFinished, signIn, useCoreHarness, waitForDownloads, waitForSettled, waitForStatus } from '../../support/core-harness';

const { openWorkspace, startPlatform } = useCoreHarness();

describe('a pull tells only the views whose records arrived', () => {
  it('maps each record type to the events of the views that read it', () => {
    expect(pulledEvents(['message', 'thread'])).toEqual(new Set(['messagesChanged']));
    expect(pulledEvents(['portfolio_item'])).toEqual(new Set(['portfolioChanged']));
    expect(pulledEvents(['forum_post', 'event'])).toEqual(new Set(['communityChanged']));
    expect(pulledEvents([])).toEqual(new Set());
  });

  it('a pull that brings back only a sent message says messagesChanged, not projects, portfolio or community', async () => {
    const platform = await startPlatform({ simulation: false });
    const { client } = await openWorkspace(platform.url);
    await signIn(client, platform);
    await waitForSettled(client);
    // The seed's portfolio pictures download after the first pull and say portfolioChanged when stored.
    await waitForDownloads(client, downloadsFinished);

    const heard: string[] = [];
    // proposalsChanged is left out: the platform's fee, read after each pull, says it on its own when it changes.
    for (const event of ['projectsChanged', 'portfolioChanged', 'communityChanged', 'messagesChanged'] as const) {
      client.on(event, (payload) => heard.push(`${event}${'write' in payload && payload.write ? ':write' : ''}`));
    }
    const threads = await client.messages.listThreads({ offset: 0, limit: 1 });
    const threadId = threads.items[0]!.id;
    const before = (await client.sync.getStatus()).lastSyncAt;
    await client.messages.sendMessage({ threadId, body: 'Buongiorno, ecco la bozza.' });
    // The push, then the pull that brings the accepted message back.
    await waitForStatus(client, (status) => status.phase === 'idle' && status.pending === 0 && status.lastSyncAt !== before);
    await waitForSettled(client);

    expect(heard.filter((event) => !event.endsWith(':write'))).not.toEqual([]);
    expect(new Set(heard.map((event) => event.replace(':write', '')))).toEqual(new Set(['messagesChanged']));
  });
});
