import { describe, expect, it } from 'vitest';
import { useCoreHarness, waitForStatus } from '../../support/core-harness';
import { readServerFeed } from '../../support/platform-view';

const { makeTempDir, openSignedIn, startPlatform } = useCoreHarness();

const doc = (text: string): string => JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/** The platform's answer to a write must not take back what the user typed after making it. */
describe('edits typed while a submit waits in the outbox', () => {
  it('are kept when the submit lands, and go with the next one', async () => {
    const platformDir = makeTempDir();
    let platform = await startPlatform({ dataDir: platformDir });
    const { port } = platform;
    const { core, client } = await openSignedIn(platform);
    const { id: projectId } = core.db
      .prepare("SELECT id FROM projects WHERE status = 'open' AND kind = 'fixed' AND id NOT IN (SELECT project_id FROM proposals) LIMIT 1")
      .get() as { id: string };

    await platform.close();
    const { id } = await client.proposals.createDraft({ projectId, locale: 'de' });
    const sent = 'Sehr geehrte Damen und Herren, gerne übernehme ich Ihr Projekt.';
    await client.proposals.saveVariant({ id, locale: 'de', bodyJson: doc(sent), bodyText: sent });
    await client.proposals.saveTerms({ id, kind: 'fixed', amountMinor: 90_000, periodDays: 12, milestones: [] });
    await expect(client.proposals.submitProposal({ id })).resolves.toMatchObject({ queued: true, status: 'queued' });
    // The network is still away: the push tried and failed, so the create can no longer be rewritten.
    client.sync.syncNow();
    await waitForStatus(client, (s) => s.phase !== 'syncing');
    const typedAfter = `${sent} Mit freundlichen Grüßen, Jörg`;
    await client.proposals.saveVariant({ id, locale: 'de', bodyJson: doc(typedAfter), bodyText: typedAfter });

    platform = await startPlatform({ port, dataDir: platformDir, seed: 3 });
    client.sync.syncNow();
    await waitForStatus(client, (s) => s.phase === 'idle' && s.pending === 0);
    const landed = (await client.proposals.getProposal({ id }))!;
    expect(landed).toMatchObject({ status: 'submitted', version: expect.any(Number) });
    expect(landed.variants.find((v) => v.locale === 'de')).toMatchObject({ bodyText: typedAfter, bodyJson: doc(typedAfter) });

    await expect(client.proposals.submitProposal({ id })).resolves.toMatchObject({ queued: true });
    await waitForStatus(client, (s) => s.phase === 'idle' && s.pending === 0);
    const onServer = (await readServerFeed(platform.url, platform.users.demo)).get('proposal')!.get(id)!;
    expect(onServer.data).toMatchObject({ status: 'submitted', variants: { de: { cover_letter: typedAfter } } });
    expect((await client.sync.getStatus()).conflicts).toBe(0);
  });
});
