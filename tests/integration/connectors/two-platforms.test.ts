/**
 * Two platforms in one workspace (issue #14): a reference-platform account and a Freelancer account sync side by
 * side, each record stamped with its own account, ids never colliding; one account's trouble (Freelancer's token
 * revoked) signs out that account only while the other goes on syncing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type FreelancerFixture, startFreelancerFixture } from '../../platform/freelancer/server';
import { signIn, useCoreHarness, waitForFirstSync, waitForStatus } from '../../support/core-harness';

const { openWorkspace, startPlatform } = useCoreHarness();
const fixtures: FreelancerFixture[] = [];
afterEach(async () => {
  await Promise.all(fixtures.splice(0).map((fixture) => fixture.close()));
});

describe('a reference account and a Freelancer account in one workspace', () => {
  it('sync side by side; a revoked Freelancer token stops only that account', async () => {
    const platform = await startPlatform({ scale: 60 });
    const fixture = await startFreelancerFixture({ seed: 5, scale: 'tiny', anchor: 'now' });
    fixtures.push(fixture);
    const { core, client } = await openWorkspace(platform.url);
    await signIn(client, platform);
    await waitForFirstSync(client);
    const added = await client.accounts.addAccount({ platform: 'freelancer', baseUrl: fixture.url, credentials: { kind: 'token', token: fixture.token } });
    if (!added.ok) throw new Error(added.reason);
    const freelancer = added.account.id;
    await waitForStatus(client, (status) => status.accounts.some((account) => account.id === freelancer && account.lastSyncAt !== null && account.phase === 'idle'));

    const accounts = await client.accounts.listAccounts();
    const bottega = accounts.find((account) => account.platform === 'bottega')!.id;
    const byAccount = (table: string) =>
      Object.fromEntries(
        (core.db.prepare(`SELECT account_id AS account, count(*) AS n FROM ${table} GROUP BY account_id`).all() as { account: string; n: number }[]).map((row) => [row.account, row.n]),
      );
    for (const table of ['projects', 'threads', 'messages', 'proposals']) {
      const counts = byAccount(table);
      expect(counts[bottega], table).toBeGreaterThan(0);
      expect(counts[freelancer], table).toBeGreaterThan(0);
    }
    // Freelancer's ids are its own namespace: no row of one account carries the other's kind of id.
    expect(core.db.prepare("SELECT count(*) AS n FROM threads WHERE (account_id = ?) <> (id LIKE 'thr_fl-%')").get(freelancer)).toEqual({ n: 0 });
    // Both show in the same lists.
    const threads = await client.messages.listThreads({ offset: 0, limit: 200 });
    expect(new Set(threads.items.map((thread) => thread.id.startsWith('thr_fl-')))).toEqual(new Set([true, false]));

    // Freelancer's token revoked: that account signs out at its next round; the reference account still syncs.
    await fetch(`${fixture.url}/__fixture/token`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: 'fl-rotated' }) });
    client.sync.syncNow();
    await waitForStatus(client, (status) => status.accounts.some((account) => account.id === freelancer && account.connection === 'signed_out'));
    const thread = core.db.prepare('SELECT id FROM threads WHERE account_id = ? LIMIT 1').get(bottega) as { id: string };
    const message = platform.actors.clientMessage(thread.id, 'Are you still available next week?');
    client.sync.syncNow();
    await waitForStatus(client, () => core.db.prepare('SELECT 1 FROM messages WHERE id = ?').get(message.id) !== undefined);
    const status = await client.sync.getStatus();
    expect(status.accounts.find((account) => account.id === bottega)).toMatchObject({ connection: 'online' });
    expect(status.accounts.find((account) => account.id === freelancer)).toMatchObject({ connection: 'signed_out' });
  });
});
