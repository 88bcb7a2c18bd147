import { describe, expect, it } from 'vitest';
import { useCoreHarness, waitForStatus } from '../../support/core-harness';
import { readServerFeed } from '../../support/platform-view';

const { makeTempDir, openSignedIn, startPlatform } = useCoreHarness();

/**
 * Offline, the user sends changes to a submitted proposal and then withdraws it. Both wait in the outbox, the
 * withdraw made against the version the user saw; the update will make a newer one. The withdraw must go
 * with that newer version (it is our own write, not someone else's), not meet it as a conflict.
 */
describe('withdraw queued behind an unsent update of the same proposal', () => {
  it.each([
    ['a steady network', undefined],
    ['answers lost on the way back', 'truncate=0.5'],
  ])('is sent after the update, each exactly once, with no conflict (%s)', async (_name, faults) => {
    const platformDir = makeTempDir();
    let platform = await startPlatform({ dataDir: platformDir });
    const { port } = platform;
    const { core, client } = await openSignedIn(platform);

    const { id } = core.db.prepare("SELECT id FROM proposals WHERE status = 'submitted' ORDER BY id LIMIT 1").get() as { id: string };
    const before = (await client.proposals.getProposal({ id }))!;
    const serverBefore = (await readServerFeed(platform.url, platform.users.demo)).get('proposal')!.get(id)!;
    expect(serverBefore.version).toBe(before.version);

    // The network goes away.
    await platform.close();
    const periodDays = (before.periodDays ?? 7) + 3;
    await client.proposals.saveTerms({ id, kind: before.kind, amountMinor: before.amountMinor, periodDays, milestones: before.milestones });
    await expect(client.proposals.submitProposal({ id })).resolves.toMatchObject({ queued: true });
    await expect(client.proposals.withdrawProposal({ id, reason: 'Projekt verschoben' })).resolves.toEqual({ status: 'withdrawn' });
    const queued = core.db.prepare('SELECT op, base_version AS base FROM outbox WHERE entity_id = ? ORDER BY seq').all(id);
    expect(queued).toEqual([
      { op: 'update_proposal', base: before.version },
      { op: 'withdraw_proposal', base: before.version },
    ]);

    // Back, steady or losing answers after applying the request.
    platform = await startPlatform({ port, dataDir: platformDir, seed: 11, ...(faults ? { faults } : {}) });
    client.sync.syncNow();
    const settled = await waitForStatus(client, (s) => s.phase === 'idle' && s.pending === 0);
    expect(settled.conflicts).toBe(0);
    expect(settled.failed).toBe(0);

    // The platform holds both, once each: the update made one version, the withdraw the next.
    const onServer = (await readServerFeed(platform.url, platform.users.demo)).get('proposal')!.get(id)!;
    expect(onServer.data).toMatchObject({ status: 'withdrawn', period_days: periodDays });
    expect(onServer.version).toBe(before.version! + 2);
    expect(await client.proposals.getProposal({ id })).toMatchObject({ status: 'withdrawn', periodDays, pending: false });
    expect(core.db.prepare('SELECT count(*) AS n FROM conflicts').get()).toEqual({ n: 0 });
  });
});
