import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { PlatformServer } from '../../platform/server';
import { png } from '../portfolio/harness';
import type { AccountSyncStatus, SyncStatus } from '../../../shared/contract/sync';
import type { SyncProblem } from '../../../shared/contract/sync-problem';
import { signIn, useCoreHarness, waitForDownloads, waitForStatus } from '../../support/core-harness';
import { accountOf, connectTwoAccounts, waitForProject } from '../../support/two-accounts';

const { openWorkspace, startPlatform } = useCoreHarness();

type Trouble = null | 'rate_limited' | 'failing' | 'offline';

/** Every test here has both accounts listed: a missing one is a failure, not a wait. */
const listed = (status: SyncStatus, id: string): AccountSyncStatus => {
  const account = accountOf(status, id);
  if (!account) throw new Error(`account ${id} is not in the status`);
  return account;
};

describe('two accounts on two reference platforms', () => {
  it('one account’s trouble (429, 5xx, offline, signed out) never holds the other’s sync back', async () => {
    const first = await startPlatform({ seed: 7, heartbeatMs: 500 });
    const second = await startPlatform({ seed: 11, heartbeatMs: 500 });
    // The second platform's trouble, played at the network: everything else is real HTTP on loopback.
    let trouble: Trouble = null;
    const secondOrigin = new URL(second.url).origin;
    const network: typeof fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (trouble === null || !url.startsWith(secondOrigin)) return fetch(input, init);
      if (trouble === 'offline') return Promise.reject(new TypeError('fetch failed'));
      const status = trouble === 'rate_limited' ? 429 : 500;
      return Promise.resolve(
        new Response(JSON.stringify({ error: 'busy', message: 'not now' }), {
          status,
          headers: { 'content-type': 'application/json', ...(status === 429 ? { 'retry-after': '600' } : {}) },
        }),
      );
    };
    const { client } = await openWorkspace(first.url, { fetch: network });

    // The first account as the single-account app signs in; the second added through the accounts contract.
    const { firstId, secondId, both } = await connectTwoAccounts(client, first, second, 'Studio');
    expect(listed(both, secondId)).toMatchObject({ platform: 'bottega', label: 'Studio', state: 'active', lastError: null });
    expect((await client.accounts.listAccounts()).map((account) => account.id)).toEqual([firstId, secondId]);

    const problems: Record<Exclude<Trouble, null>, SyncProblem> = {
      rate_limited: { code: 'unavailable', status: 429 },
      failing: { code: 'unavailable', status: 500 },
      offline: { code: 'network' },
    };
    for (const [kind, problem] of Object.entries(problems) as [Exclude<Trouble, null>, SyncProblem][]) {
      trouble = kind;
      await client.sync.syncNow();
      await waitForStatus(client, (s) => listed(s, secondId).phase === 'waiting' && listed(s, secondId).lastError?.code === problem.code);

      // Meanwhile the first account goes on: a project posted there arrives through its realtime event.
      const posted = first.actors.postProject({ title: `Nuovo progetto mentre l'altro conto è fermo (${kind})` });
      await waitForProject(client, posted.id);
      const status = await client.sync.getStatus();
      expect(listed(status, firstId)).toMatchObject({ connection: 'online', lastError: null });
      // Still in trouble (waiting, or trying again after a short backoff), its problem kept until a round completes.
      expect(listed(status, secondId)).toMatchObject({ lastError: problem, connection: kind === 'offline' ? 'offline' : 'online' });
      // The aggregate the single-account views read: online, signed in as the first account, the problem said.
      expect(status).toMatchObject({ connection: 'online', account: { email: first.users.demo.email }, lastError: problem });

      trouble = null;
      await client.sync.syncNow();
      await waitForStatus(client, (s) => listed(s, secondId).phase === 'idle' && listed(s, secondId).lastError === null);
    }

    // The second platform forgets the session: that account is signed out, the first still syncs.
    second.advanceClock(40 * 86_400);
    await client.sync.syncNow();
    const signedOut = await waitForStatus(client, (s) => listed(s, secondId).connection === 'signed_out');
    expect(listed(signedOut, secondId).lastError).toEqual({ code: 'session_expired' });
    const posted = first.actors.postProject({ title: 'Ein Projekt, während das andere Konto abgemeldet ist' });
    await waitForProject(client, posted.id);
    expect(listed(await client.sync.getStatus(), firstId)).toMatchObject({ connection: 'online', lastError: null });
    expect(await client.sync.getStatus()).toMatchObject({ connection: 'online', account: { email: first.users.demo.email } });
  });

  it('downloads each account’s images from that account’s platform', async () => {
    const first = await startPlatform({ seed: 7 });
    const second = await startPlatform({ seed: 11 });
    // An item only this platform has (the two seeds share their demo items' ids), showing an image only it holds.
    const itemOnlyOn = (platform: PlatformServer, id: string, seed: number): string => {
      const { data } = platform.store.db
        .prepare("SELECT data FROM records WHERE type = 'portfolio_item' AND owner = ? AND deleted = 0 ORDER BY id LIMIT 1")
        .get(platform.users.demo.id) as { data: string };
      const bytes = png(seed, 2048);
      const hash = createHash('sha256').update(bytes).digest('hex');
      platform.store.saveUpload(hash, 'image/png', bytes);
      platform.actors.inject({ type: 'portfolio_item', id, op: 'upsert', data: { ...(JSON.parse(data) as object), id, image_ids: [hash] }, users: [platform.users.demo.id] });
      return hash;
    };
    const firstImage = itemOnlyOn(first, 'pfi_only-on-first', 41);
    const secondImage = itemOnlyOn(second, 'pfi_only-on-second', 42);

    // The second platform answers its image downloads 503 (try again in 3 s) until the test says otherwise.
    const secondOrigin = new URL(second.url).origin;
    let refuseDownload = true;
    let refused: () => void = () => undefined;
    const downloadRefused = new Promise<void>((resolve) => (refused = resolve));
    const network: typeof fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (refuseDownload && url.startsWith(`${secondOrigin}/v1/uploads/`)) {
        refused();
        return Promise.resolve(new Response(JSON.stringify({ error: 'busy', message: 'later' }), { status: 503, headers: { 'content-type': 'application/json', 'retry-after': '3' } }));
      }
      return fetch(input, init);
    };
    const { client } = await openWorkspace(first.url, { fetch: network });
    await signIn(client, first);
    await waitForStatus(client, (s) => s.phase === 'idle' && s.lastSyncAt !== null);
    const added = await client.accounts.addAccount({
      platform: 'bottega',
      baseUrl: second.url,
      credentials: { kind: 'password', email: second.users.demo.email, password: second.users.demo.password },
    });
    expect(added.ok).toBe(true);
    // Both pulled; the second's download waits for its retry. Meanwhile the first account pulls again: its
    // downloads must not take the second's image to the first platform (which answers 404), nor its retry.
    await waitForStatus(client, (s) => s.accounts.length === 2 && s.accounts.every((account) => account.phase === 'idle' && account.lastSyncAt !== null));
    await downloadRefused;
    await client.sync.syncNow();
    await waitForStatus(client, (s) => s.accounts.every((account) => account.phase === 'idle'));
    refuseDownload = false;
    const finished = await waitForDownloads(client, (progress) => !progress.active && progress.done >= progress.total);
    expect(finished).toMatchObject({ failed: 0 });
    for (const hash of [firstImage, secondImage]) expect(await client.portfolio.getImage({ hash })).toMatchObject({ state: 'local' });
  });
});
