import { describe, expect, it } from 'vitest';
import { readRecordVersions } from '../../../electron/core/db/repositories/platform-records-repository';
import { signIn, useCoreHarness, waitForSettled, waitForStatus } from '../../support/core-harness';
import { readServerFeed } from '../../support/platform-view';

const { openSignedIn, startPlatform } = useCoreHarness();

const doc = (text: string): string => JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/** A replacement sync (410: the platform forgot the cursor) rebuilds the cache; the user's proposal work stays. */
describe('a replacement sync and the proposals written here', () => {
  it('keeps an edit not yet sent, the revision history and the editor documents; drops a proposal the platform deleted; the edit then meets the platform’s version as a conflict', async () => {
    const platform = await startPlatform();
    const { core, client } = await openSignedIn(platform);
    const { id: projectId } = core.db
      .prepare("SELECT id FROM projects WHERE status = 'open' AND kind = 'fixed' AND id NOT IN (SELECT project_id FROM proposals) LIMIT 1")
      .get() as { id: string };
    const deleted = (core.db.prepare("SELECT id FROM proposals WHERE status = 'submitted' AND version IS NOT NULL LIMIT 1").get() as { id: string }).id;

    // Submitted, then revised and sent again: two revisions, both on the platform.
    const { id } = await client.proposals.createDraft({ projectId, locale: 'de' });
    const first = 'Sehr geehrte Damen und Herren, gerne übernehme ich Ihr Projekt.';
    const second = `${first} Lieferung in zwölf Tagen.`;
    await client.proposals.saveVariant({ id, locale: 'de', bodyJson: doc(first), bodyText: first });
    await client.proposals.saveTerms({ id, kind: 'fixed', amountMinor: 90_000, periodDays: 12, milestones: [] });
    await client.proposals.submitProposal({ id });
    await waitForSettled(client);
    await client.proposals.saveVariant({ id, locale: 'de', bodyJson: doc(second), bodyText: second, checkpoint: true });
    await client.proposals.submitProposal({ id });
    await waitForSettled(client);

    // Offline: edited again without "Send changes" (a third revision, no outbox row).
    await client.sync.signOut();
    const unsent = `${second} Mit freundlichen Grüßen, Jörg`;
    await client.proposals.saveVariant({ id, locale: 'de', bodyJson: doc(unsent), bodyText: unsent, checkpoint: true });
    const history = (await client.proposals.listRevisions({ id, locale: 'de' })).map((r) => [r.revision, r.bodyText]);
    expect(history).toEqual([
      [3, unsent],
      [2, second],
      [1, first],
    ]);

    // Meanwhile on the platform: the same proposal changes, another is deleted, and a week later its tombstone
    // is purged: the workspace's cursor is from before it (410).
    platform.actors.edit('proposal', id, { period_days: 30 });
    platform.actors.remove('proposal', deleted);
    platform.advanceClock(8 * 24 * 3600);
    expect(platform.compact()).toBeGreaterThan(0);
    await signIn(client, platform);
    await waitForStatus(client, (s) => s.phase === 'idle' && s.connection === 'online' && s.lastError === null && s.lastSyncAt !== null);
    expect(core.db.prepare("SELECT value FROM sync_state WHERE key = 'replacement_pending'").get()).toBeUndefined();

    const kept = (await client.proposals.getProposal({ id }))!;
    expect(kept).toMatchObject({ periodDays: 12 });
    expect(kept.variants.find((v) => v.locale === 'de')).toMatchObject({ bodyText: unsent, bodyJson: doc(unsent), revision: 3 });
    expect((await client.proposals.listRevisions({ id, locale: 'de' })).map((r) => [r.revision, r.bodyText])).toEqual(history);
    // The deleted one is gone, as its tombstone would have taken it; every other proposal equals the platform's.
    expect(await client.proposals.getProposal({ id: deleted })).toBeNull();
    const remote = (await readServerFeed(platform.url, platform.users.demo)).get('proposal')!;
    const local = readRecordVersions(core.db, 'proposal');
    expect([...local.keys()].sort()).toEqual([...remote.keys()].sort());
    for (const [other, record] of remote) if (other !== id) expect(local.get(other)).toBe(record.version);

    // Sent: the platform's version is newer, so both are kept until the user chooses; keeping mine wins.
    await client.proposals.submitProposal({ id });
    await waitForStatus(client, (s) => s.conflicts === 1 && s.phase === 'idle');
    const [conflict] = await client.sync.listConflicts({ limit: 5 });
    expect(conflict!.serverRecord).toMatchObject({ period_days: 30 });
    await client.sync.resolveConflict({ id: conflict!.id, choice: 'mine' });
    await waitForSettled(client);
    expect((await readServerFeed(platform.url, platform.users.demo)).get('proposal')!.get(id)!.data).toMatchObject({
      period_days: 12,
      variants: { de: { cover_letter: unsent } },
    });
  }, 60_000);
});
