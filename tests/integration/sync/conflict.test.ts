import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { enqueueWrite } from '../../../electron/core/sync/writes/enqueue-write';
import { readServerFeed } from '../../support/platform-view';
import { signIn, useCoreHarness, waitForStatus } from '../../support/core-harness';

const { openSignedIn, startPlatform } = useCoreHarness();

/** The user changes the delivery time of a proposal locally: the row and its outbox entry, as an editor would. */
const editPeriodLocally = (core: Core, id: string, days: number): void => {
  const { version } = core.db.prepare('SELECT version FROM proposals WHERE id = ?').get(id) as { version: number };
  core.db.transaction(() => {
    core.db.prepare('UPDATE proposals SET period_days = ? WHERE id = ?').run(days, id);
    enqueueWrite(core.db, {
      entityType: 'proposal',
      entityId: id,
      op: 'update_proposal',
      payload: { id, changes: { period_days: days } },
      baseVersion: version,
      now: new Date(),
    });
  })();
  core.sync.notifyLocalWrite();
};

describe('conflicts', () => {
  it('an edit made on both sides keeps both versions until the user keeps theirs or mine', async () => {
    const platform = await startPlatform();
    const { core, client } = await openSignedIn(platform);
    const proposal = (core.db.prepare("SELECT id FROM proposals WHERE status IN ('submitted', 'shortlisted') LIMIT 1").get() as { id: string }).id;

    // Offline, the user shortens delivery to 9 days; meanwhile the platform's copy changes to 12.
    await client.sync.signOut();
    editPeriodLocally(core, proposal, 9);
    platform.actors.edit('proposal', proposal, { period_days: 12 });
    await signIn(client, platform);
    await waitForStatus(client, (s) => s.conflicts === 1 && s.phase === 'idle');

    // Neither side was overwritten: the local row still says 9, the conflict holds the platform's 12.
    expect(core.db.prepare('SELECT period_days FROM proposals WHERE id = ?').get(proposal)).toEqual({ period_days: 9 });
    const [conflict] = await client.sync.listConflicts({ limit: 10 });
    expect(conflict).toMatchObject({ entityType: 'proposal', entityId: proposal, localPayload: { changes: { period_days: 9 } } });
    expect(conflict!.serverRecord).toMatchObject({ id: proposal, period_days: 12 });

    // Keep mine: pushed again over the platform's version.
    await client.sync.resolveConflict({ id: conflict!.id, choice: 'mine' });
    await waitForStatus(client, (s) => s.conflicts === 0 && s.pending === 0 && s.phase === 'idle');
    const mine = (await readServerFeed(platform.url, platform.users.demo)).get('proposal')!.get(proposal)!;
    expect(mine.data).toMatchObject({ period_days: 9 });
    expect(core.db.prepare('SELECT version, period_days FROM proposals WHERE id = ?').get(proposal)).toEqual({ version: mine.version, period_days: 9 });

    // Again, and this time take theirs: the local row takes the platform's record, the local edit is dropped.
    // The platform changes first; the local edit is still made against the version this workspace holds.
    platform.actors.edit('proposal', proposal, { period_days: 30 });
    editPeriodLocally(core, proposal, 20);
    await waitForStatus(client, (s) => s.conflicts === 1 && s.phase === 'idle');
    const [second] = await client.sync.listConflicts({ limit: 10 });
    await client.sync.resolveConflict({ id: second!.id, choice: 'theirs' });
    await waitForStatus(client, (s) => s.conflicts === 0 && s.pending === 0 && s.phase === 'idle');
    expect(core.db.prepare('SELECT period_days FROM proposals WHERE id = ?').get(proposal)).toEqual({ period_days: 30 });
    expect((await readServerFeed(platform.url, platform.users.demo)).get('proposal')!.get(proposal)!.data).toMatchObject({ period_days: 30 });
    await expect(client.sync.resolveConflict({ id: second!.id, choice: 'mine' })).rejects.toMatchObject({ code: 'not_found' });
  });
});
