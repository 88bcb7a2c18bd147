import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlatformServer } from '../../platform/server';
import { useCoreHarness, waitForStatus } from '../../support/core-harness';
import { accountOf, connectTwoAccounts, isSynced, waitForProject } from '../../support/two-accounts';

const { openWorkspace, startPlatform } = useCoreHarness();

const password = (platform: PlatformServer) => ({ kind: 'password' as const, email: platform.users.demo.email, password: platform.users.demo.password });
const vaultKeys = (dataDir: string): string[] => Object.keys(JSON.parse(readFileSync(path.join(dataDir, 'secrets', 'vault.json'), 'utf8')) as object);

/** A workspace signed in to `first` (the single-account way) and, through the accounts contract, to `second`. */
const openTwoAccounts = async () => {
  const first = await startPlatform({ seed: 7, heartbeatMs: 500 });
  const second = await startPlatform({ seed: 11, heartbeatMs: 500 });
  const requests: string[] = [];
  const network: typeof fetch = (input, init) => {
    requests.push(input instanceof Request ? input.url : String(input));
    return fetch(input, init);
  };
  const workspace = await openWorkspace(first.url, { fetch: network });
  const { client } = workspace;
  const { firstId, secondId, added } = await connectTwoAccounts(client, first, second);
  // Added without a name: called what the platform calls the user.
  expect(added.label).toBe(second.users.demo.email);
  return { ...workspace, first, second, firstId, secondId, requests };
};

describe('the accounts of a workspace, through the contract', () => {
  it('refuses bad input with a clear error and changes nothing', async () => {
    const platform = await startPlatform();
    const { client } = await openWorkspace(platform.url);
    const bad = [
      { platform: 'bottega', baseUrl: 'http://platform.example.com', credentials: password(platform) },
      { platform: 'bottega', baseUrl: 'https://user:secret@platform.example.com', credentials: password(platform) },
      { platform: 'bottega', baseUrl: 'ftp://127.0.0.1', credentials: password(platform) },
      { platform: 'upwork', baseUrl: platform.url, credentials: password(platform) },
      { platform: 'bottega', baseUrl: platform.url, label: 'x'.repeat(81), credentials: password(platform) },
      { platform: 'bottega', baseUrl: platform.url, credentials: { kind: 'password', email: '', password: 'x' } },
      { platform: 'bottega', baseUrl: platform.url, credentials: { kind: 'oauth_code', code: 'c', verifier: 'short', redirectUri: 'bottega://auth' } },
    ];
    for (const input of bad) {
      await expect(client.accounts.addAccount(input as never), JSON.stringify(input)).rejects.toMatchObject({ code: 'invalid_input' });
    }
    await expect(client.accounts.renameAccount({ id: 'not-an-account', label: 'x' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(client.accounts.renameAccount({ id: 'acc_missing', label: 'x' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(client.accounts.removeAccount({ id: 'acc_missing' })).rejects.toMatchObject({ code: 'not_found' });

    // A wrong password, or a sign-in method the platform does not take, adds nothing.
    await expect(
      client.accounts.addAccount({ platform: 'bottega', baseUrl: platform.url, credentials: { ...password(platform), password: 'wrong' } }),
    ).resolves.toEqual({ ok: false, reason: 'invalid_credentials' });
    await expect(client.accounts.addAccount({ platform: 'bottega', baseUrl: platform.url, credentials: { kind: 'token', token: 'abc' } })).resolves.toEqual({
      ok: false,
      reason: 'unsupported',
    });
    expect(await client.accounts.listAccounts()).toEqual([]);
    expect((await client.sync.getStatus()).accounts).toEqual([]);
  });

  it('adds, renames, pauses and resumes, signs out and refuses the same user twice, each account on its own', async () => {
    const { client, dataDir, first, second, firstId, secondId, requests } = await openTwoAccounts();
    expect(vaultKeys(dataDir).sort()).toEqual([`account.${firstId}.session`, `account.${secondId}.session`].sort());

    // The same user of the same platform again: refused, the account it already is keeps its session.
    await expect(client.accounts.addAccount({ platform: 'bottega', baseUrl: second.url, credentials: password(second) })).resolves.toEqual({
      ok: false,
      reason: 'already_added',
    });
    expect((await client.accounts.listAccounts()).map((account) => account.id)).toEqual([firstId, secondId]);
    expect(vaultKeys(dataDir)).toContain(`account.${secondId}.session`);

    const changed = new Promise<void>((resolve) => {
      const stop = client.on('accountsChanged', () => {
        stop();
        resolve();
      });
    });
    const renamed = await client.accounts.renameAccount({ id: secondId, label: '  Studio Rossi  ' });
    await changed;
    expect(renamed).toMatchObject({ id: secondId, label: 'Studio Rossi', platform: 'bottega', capabilities: { sendMessage: true }, signInMethods: ['password'] });
    expect(accountOf(await client.sync.getStatus(), secondId)?.label).toBe('Studio Rossi');

    // Its own follow-up days: a whole number from 1 to 60, or null for the workspace's; anything else refused, nothing changed.
    for (const days of [0, 61, 2.5, '5', -1, undefined]) {
      await expect(client.accounts.setFollowUpDays({ id: secondId, days } as never), String(days)).rejects.toMatchObject({ code: 'invalid_input' });
    }
    await expect(client.accounts.setFollowUpDays({ id: 'acc_missing', days: 5 })).rejects.toMatchObject({ code: 'not_found' });
    expect((await client.accounts.listAccounts()).map((account) => account.followUpDays)).toEqual([null, null]);
    expect(await client.accounts.setFollowUpDays({ id: secondId, days: 5 })).toMatchObject({ id: secondId, followUpDays: 5 });
    expect((await client.accounts.listAccounts()).map((account) => account.followUpDays)).toEqual([null, 5]);
    expect(await client.accounts.setFollowUpDays({ id: secondId, days: null })).toMatchObject({ id: secondId, followUpDays: null });

    // Paused: no rounds for it (a sync now leaves it alone); resumed, it catches up.
    const paused = await client.accounts.setAccountState({ id: secondId, state: 'paused' });
    expect(paused).toMatchObject({ state: 'paused', sync: { state: 'paused', phase: 'idle' } });
    const secondOrigin = new URL(second.url).origin;
    const pullsOfSecond = (): number => requests.filter((url) => url.startsWith(`${secondOrigin}/v1/changes`)).length;
    const before = pullsOfSecond();
    const whilePaused = second.actors.postProject({ title: 'Un progetto arrivato durante la pausa' });
    await client.sync.syncNow();
    const firstPosted = first.actors.postProject({ title: 'Il primo conto continua' });
    await waitForProject(client, firstPosted.id);
    expect(pullsOfSecond()).toBe(before);
    expect((await client.feed.listProjects({ limit: 50, sort: 'newest' })).items.map((project) => project.id)).not.toContain(whilePaused.id);
    await client.accounts.setAccountState({ id: secondId, state: 'active' });
    await waitForProject(client, whilePaused.id);

    // Signing one out forgets its session only; its records stay; the other goes on.
    const signedOut = await client.accounts.signOutAccount({ id: secondId });
    expect(signedOut.sync).toMatchObject({ connection: 'signed_out', email: null });
    expect(vaultKeys(dataDir)).toEqual([`account.${firstId}.session`]);
    expect((await client.feed.listProjects({ limit: 50, sort: 'newest' })).items.map((project) => project.id)).toContain(whilePaused.id);
    const afterSignOut = first.actors.postProject({ title: 'Ancora il primo conto' });
    await waitForProject(client, afterSignOut.id);
    expect(await client.sync.getStatus()).toMatchObject({ connection: 'online', account: { email: first.users.demo.email } });

    // Signed in again through the contract: the account it was, syncing again.
    await expect(client.accounts.signInAccount({ id: secondId, credentials: password(second) })).resolves.toMatchObject({ ok: true, account: { id: secondId } });
    await waitForStatus(client, (s) => isSynced(accountOf(s, secondId)));
  });

  it('removes an account with its records and nothing else, after offering its drafts', async () => {
    const { client, dataDir, core, firstId, secondId } = await openTwoAccounts();
    const owned = core.db.prepare('SELECT count(*) AS n FROM projects WHERE account_id = ?');
    // A project both platforms list is one row, the account that brought it last its owner (accounts-repository).
    const secondProjects = (owned.get(secondId) as { n: number }).n;
    const firstProjects = (owned.get(firstId) as { n: number }).n;
    expect(secondProjects).toBeGreaterThan(0);
    expect(firstProjects).toBeGreaterThan(0);
    expect((await client.feed.countProjects({})).total).toBe(firstProjects + secondProjects);

    // A draft for a project of the second account: listed for export before the removal.
    const { id: projectId } = core.db.prepare("SELECT id FROM projects WHERE account_id = ? AND status = 'open' LIMIT 1").get(secondId) as { id: string };
    const { id: draftId } = await client.proposals.createDraft({ projectId, locale: 'it' });
    const drafts = await client.accounts.exportAccountDrafts({ id: secondId });
    expect(drafts.map((draft) => draft.proposalId)).toEqual([draftId]);
    expect(await client.accounts.exportAccountDrafts({ id: firstId })).toEqual([]);

    const removed = await client.accounts.removeAccount({ id: secondId });
    expect(removed).toMatchObject({ id: secondId, records: expect.objectContaining({ projects: secondProjects }) });
    expect((await client.accounts.listAccounts()).map((account) => account.id)).toEqual([firstId]);
    expect((await client.sync.getStatus()).accounts.map((account) => account.id)).toEqual([firstId]);
    expect(vaultKeys(dataDir)).toEqual([`account.${firstId}.session`]);
    expect((await client.feed.countProjects({})).total).toBe(firstProjects);
    expect((owned.get(secondId) as { n: number }).n).toBe(0);
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
