/**
 * A Freelancer.com account in a real workspace (issue #14), against the fixture over loopback: added with a
 * personal access token through the accounts contract, it pulls projects, clients, threads, messages and the
 * user's bids into the workspace's ordinary tables, every row stamped with the account and keeping the API's
 * own JSON; the token is only in the vault; a message sent here arrives once and replaces its pending row; a
 * revoked token signs out that account only.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BottegaClient } from '../../../shared/contract';
import type { AccountSyncStatus } from '../../../shared/contract/sync';
import { workspaceFileName } from '../../../electron/core/core';
import { enqueueWrite } from '../../../electron/core/sync/writes/enqueue-write';
import type { ReadableDB } from '../../../electron/core/db/database';
import { type FreelancerFixture, startFreelancerFixture } from '../../platform/freelancer/server';
import { useCoreHarness, waitForStatus } from '../../support/core-harness';

const { openWorkspace } = useCoreHarness();
const fixtures: FreelancerFixture[] = [];
afterEach(async () => {
  await Promise.all(fixtures.splice(0).map((fixture) => fixture.close()));
});

const startFixture = async () => {
  // Anchored now: the backfill window (30 days before our clock) holds half the seeded projects.
  const fixture = await startFreelancerFixture({ seed: 3, scale: 'tiny', anchor: 'now' });
  fixtures.push(fixture);
  return fixture;
};

const accountStatus = (client: BottegaClient, predicate: (status: AccountSyncStatus) => boolean) =>
  waitForStatus(client, (status) => status.accounts.some(predicate)).then((status) => status.accounts.find(predicate)!);

const count = (db: ReadableDB, sql: string, ...args: unknown[]): number =>
  (db.prepare(sql).get(...args) as { n: number }).n;

describe('a Freelancer account in the workspace', () => {
  it('syncs projects, clients, threads, messages and own bids, stamped with the account; the token stays in the vault', async () => {
    const fixture = await startFixture();
    const { core, client, dataDir } = await openWorkspace();
    const added = await client.accounts.addAccount({ platform: 'freelancer', baseUrl: fixture.url, credentials: { kind: 'token', token: fixture.token } });
    if (!added.ok) throw new Error(added.reason);
    const accountId = added.account.id;
    expect(added.account).toMatchObject({ platform: 'freelancer', platformUserId: String(fixture.selfId), label: expect.any(String) });
    await accountStatus(client, (status) => status.id === accountId && status.lastSyncAt !== null && status.phase === 'idle');

    const { db } = core;
    const world = fixture.world;
    // Every thread, every message, every own bid; projects of the backfill window, and those the bids point at.
    expect(count(db, "SELECT count(*) AS n FROM threads WHERE id LIKE 'thr_fl-%'")).toBe(world.allThreads().length);
    expect(count(db, "SELECT count(*) AS n FROM messages WHERE id LIKE 'msg_fl-%'")).toBe(world.messageCount);
    expect(count(db, "SELECT count(*) AS n FROM proposals WHERE id LIKE 'prp_fl-%'")).toBe(world.allBids().length);
    for (const bid of world.allBids()) expect(count(db, 'SELECT count(*) AS n FROM projects WHERE id = ?', `prj_fl-${bid.projectId}`)).toBe(1);
    expect(count(db, "SELECT count(*) AS n FROM projects WHERE id LIKE 'prj_fl-%'")).toBeGreaterThan(world.allBids().length);
    // Every project's client is there, and no row belongs to anyone but this account.
    expect(count(db, 'SELECT count(*) AS n FROM projects p WHERE NOT EXISTS (SELECT 1 FROM clients c WHERE c.id = p.client_id)')).toBe(0);
    for (const table of ['projects', 'clients', 'threads', 'messages', 'proposals']) {
      expect(count(db, `SELECT count(*) AS n FROM ${table} WHERE account_id IS NOT ?`, accountId), table).toBe(0);
    }
    expect(count(db, 'SELECT count(*) AS n FROM quarantine')).toBe(0);
    // The first sync is one reading: every record it brought carries the same version (the round's start), so
    // one met in two resources (an owner, a bid's project) was written once.
    const versions = new Set<number>();
    for (const table of ['projects', 'clients', 'threads', 'messages']) {
      for (const row of db.prepare(`SELECT DISTINCT version FROM ${table} WHERE account_id = ?`).all(accountId) as { version: number }[]) versions.add(row.version);
    }
    expect(versions.size).toBe(1);
    // Skills by name, the API's own JSON kept as raw.
    const project = db.prepare("SELECT skills, raw FROM projects WHERE id LIKE 'prj_fl-%' LIMIT 1").get() as { skills: string; raw: string };
    expect((JSON.parse(project.skills) as string[]).every((skill) => /[A-Z]/.test(skill))).toBe(true);
    expect(JSON.parse(project.raw)).toMatchObject({ id: expect.any(Number), owner_id: expect.any(Number), time_submitted: expect.any(Number) });

    // The search indexes, built once after the first sync, find the synced messages.
    const sample = db.prepare("SELECT id, body FROM messages WHERE id LIKE 'msg_fl-%' AND length(body) > 20 LIMIT 1").get() as { id: string; body: string };
    const word = sample.body.split(/\s+/).find((candidate) => /^\p{L}{6,}$/u.test(candidate))!;
    expect((await client.messages.searchMessages({ text: word, limit: 200 })).map((hit) => hit.messageId)).toContain(sample.id);

    // The token: in the vault, under the account's own key; nowhere in the workspace.
    const vault = JSON.parse(readFileSync(path.join(dataDir, 'secrets', 'vault.json'), 'utf8')) as Record<string, string>;
    expect(vault[`account.${accountId}.token`]).toBe(fixture.token);
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(path.join(dataDir, workspaceFileName)).includes(fixture.token)).toBe(false);

    // A message written here: sent once, its pending row replaced by Freelancer's record.
    const thread = world.allThreads()[0]!;
    const sent = await client.messages.sendMessage({ threadId: `thr_fl-${thread.id}`, body: 'Grazie, le scrivo domani.' });
    await waitForStatus(client, (status) => status.pending === 0 && status.phase === 'idle');
    const writes = ((await (await fetch(`${fixture.url}/__fixture/writes`)).json()) as { writes: { kind: string; id: number; message?: string }[] }).writes;
    expect(writes.filter((write) => write.kind === 'message')).toEqual([expect.objectContaining({ message: 'Grazie, le scrivo domani.' })]);
    expect(count(db, 'SELECT count(*) AS n FROM messages WHERE id = ?', sent.id)).toBe(0);
    expect(count(db, "SELECT count(*) AS n FROM messages WHERE id = ? AND from_me = 1 AND state = 'synced'", `msg_fl-${writes[0]!.id}`)).toBe(1);
  });

  it("a client's message about a project the feed did not bring: the thread arrives with its project and owner", async () => {
    const fixture = await startFixture();
    const { core, client } = await openWorkspace();
    const added = await client.accounts.addAccount({ platform: 'freelancer', baseUrl: fixture.url, credentials: { kind: 'token', token: fixture.token } });
    if (!added.ok) throw new Error(added.reason);
    await accountStatus(client, (status) => status.id === added.account.id && status.lastSyncAt !== null && status.phase === 'idle');
    const hasProject = core.db.prepare('SELECT 1 FROM projects WHERE id = ?');
    const world = fixture.world;
    // Older than the backfill window, or in a skill the user lacks: not in the feed, and no own bid brought it.
    const outside = Array.from({ length: world.projectCount }, (_, index) => world.projectAt(index)).find(
      (project) => !hasProject.get(`prj_fl-${project.id}`) && world.ownBidOn(project.id) === undefined,
    )!;
    const posted = (await (
      await fetch(`${fixture.url}/__fixture/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ project_id: outside.id, message: 'Buongiorno, è ancora disponibile?' }),
      })
    ).json()) as { thread_id: number };
    client.sync.syncNow();
    await waitForStatus(client, () => hasProject.get(`prj_fl-${outside.id}`) !== undefined);
    expect(core.db.prepare('SELECT project_id AS projectId, client_id AS clientId FROM threads WHERE id = ?').get(`thr_fl-${posted.thread_id}`)).toEqual({
      projectId: `prj_fl-${outside.id}`,
      clientId: `cli_fl-${outside.ownerId}`,
    });
    expect(core.db.prepare('SELECT count(*) AS n FROM clients WHERE id = ?').get(`cli_fl-${outside.ownerId}`)).toEqual({ n: 1 });
  });

  it('no bid reaches the platform without the confirmed terms, even when a write is queued past the submit check', async () => {
    const fixture = await startFixture();
    const { core, client } = await openWorkspace();
    const added = await client.accounts.addAccount({ platform: 'freelancer', baseUrl: fixture.url, credentials: { kind: 'token', token: fixture.token } });
    if (!added.ok) throw new Error(added.reason);
    const accountId = added.account.id;
    await accountStatus(client, (status) => status.id === accountId && status.lastSyncAt !== null && status.phase === 'idle');
    const project = core.db
      .prepare("SELECT id, language, currency FROM projects WHERE id LIKE 'prj_fl-%' AND status = 'open' AND id NOT IN (SELECT project_id FROM proposals) LIMIT 1")
      .get() as { id: string; language: string; currency: string };
    const letter = 'I can start on Monday.';
    const body = {
      id: 'x',
      project_id: project.id,
      kind: 'fixed',
      amount_minor: 50_000,
      currency: project.currency,
      period_days: 5,
      milestones: [],
      default_locale: project.language,
      variants: { [project.language]: { cover_letter: letter, source_locale: null } },
      portfolio_item_ids: [],
      answers: [],
    };
    const confirmed = { amountMinor: 50_000, currency: project.currency, periodDays: 5, coverLetter: letter, confirmedAt: new Date().toISOString() };
    // As a bulk, scheduled or automatic path would queue them: straight into the outbox, not through submit.
    for (const confirmation of [undefined, { ...confirmed, amountMinor: 49_000 }, { ...confirmed, coverLetter: 'Another letter.' }, { ...confirmed, periodDays: 4 }]) {
      const { id } = await client.proposals.createDraft({ projectId: project.id, locale: project.language });
      core.db.prepare('DELETE FROM proposals WHERE id <> ? AND project_id = ?').run(id, project.id);
      core.db.transaction(() =>
        enqueueWrite(core.db, { entityType: 'proposal', entityId: id, op: 'create_proposal', payload: { id, body: { ...body, id }, ...(confirmation ? { confirmation } : {}) }, now: new Date() }),
      )();
    }
    client.sync.syncNow();
    await waitForStatus(client, (status) => status.phase === 'idle' && status.failed === 4);
    const writes = ((await (await fetch(`${fixture.url}/__fixture/writes`)).json()) as { writes: { kind: string }[] }).writes;
    expect(writes.filter((write) => write.kind === 'bid')).toEqual([]);
    expect(fixture.requestCounts().byRoute['POST /api/projects/0.1/bids/'] ?? 0).toBe(0);
    expect(core.db.prepare("SELECT state, last_error AS problem FROM outbox WHERE op = 'create_proposal'").all()).toEqual(
      Array(4).fill({ state: 'failed', problem: JSON.stringify({ code: 'unsendable' }) }),
    );
  });

  it('withdrawing a bid retracts it once, though the first answer is lost after the fixture stored it', async () => {
    const fixture = await startFixture();
    const { core, client } = await openWorkspace();
    const added = await client.accounts.addAccount({ platform: 'freelancer', baseUrl: fixture.url, credentials: { kind: 'token', token: fixture.token } });
    if (!added.ok) throw new Error(added.reason);
    await accountStatus(client, (status) => status.id === added.account.id && status.lastSyncAt !== null && status.phase === 'idle');
    const open = fixture.world.allBids().find((bid) => !bid.retracted && bid.awardStatus === null)!;
    const id = `prp_fl-${open.id}`;
    expect(core.db.prepare('SELECT status FROM proposals WHERE id = ?').get(id)).toEqual({ status: 'submitted' });

    await fetch(`${fixture.url}/__fixture/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ queue: [{ fault: 'lost', method: 'PUT', path: '/projects/0.1/bids/' }] }),
    });
    await expect(client.proposals.withdrawProposal({ id })).resolves.toEqual({ status: 'withdrawn' });
    await waitForStatus(client, (status) => status.phase === 'idle' && status.pending === 0);
    const writes = ((await (await fetch(`${fixture.url}/__fixture/writes`)).json()) as { writes: { kind: string; id: number }[] }).writes;
    expect(writes.filter((write) => write.kind === 'bid_retract')).toEqual([expect.objectContaining({ id: open.id })]);
    expect(fixture.requestCounts().byRoute['PUT /api/projects/0.1/bids/{id}/']).toBe(2);
    expect(core.db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
    expect(core.db.prepare('SELECT status FROM proposals WHERE id = ?').get(id)).toEqual({ status: 'withdrawn' });
  });

  it('a 429 pauses that account until Retry-After, then it goes on', async () => {
    const fixture = await startFixture();
    const { client } = await openWorkspace();
    await fetch(`${fixture.url}/__fixture/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ queue: [{ fault: 'ratelimit', method: 'GET', path: '/messages/0.1/threads/', retry_after: 1 }] }),
    });
    const added = await client.accounts.addAccount({ platform: 'freelancer', baseUrl: fixture.url, credentials: { kind: 'token', token: fixture.token } });
    if (!added.ok) throw new Error(added.reason);
    const waiting = await accountStatus(client, (status) => status.id === added.account.id && status.nextAttemptAt !== null);
    expect(waiting.lastError).toEqual({ code: 'unavailable', status: 429 });
    // Without Retry-After the poller would back off twice the threads' interval (10 minutes): done well before.
    await accountStatus(client, (status) => status.id === added.account.id && status.lastSyncAt !== null && status.lastError === null);
  });

  it('a revoked token signs out that account only, and a new token resumes it from its watermarks', async () => {
    const fixture = await startFixture();
    const { core, client } = await openWorkspace();
    const added = await client.accounts.addAccount({ platform: 'freelancer', baseUrl: fixture.url, credentials: { kind: 'token', token: fixture.token } });
    if (!added.ok) throw new Error(added.reason);
    const accountId = added.account.id;
    await accountStatus(client, (status) => status.id === accountId && status.lastSyncAt !== null && status.phase === 'idle');
    const messagesBefore = count(core.db, "SELECT count(*) AS n FROM messages WHERE id LIKE 'msg_fl-%'");

    await fetch(`${fixture.url}/__fixture/token`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: 'fl-new-token' }) });
    await fetch(`${fixture.url}/__fixture/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ thread_id: fixture.world.allThreads()[0]!.id, message: 'Ci sentiamo lunedì?' }),
    });
    client.sync.syncNow();
    await accountStatus(client, (status) => status.id === accountId && status.connection === 'signed_out');
    expect(count(core.db, "SELECT count(*) AS n FROM messages WHERE id LIKE 'msg_fl-%'")).toBe(messagesBefore);

    // Another user's token is refused for this account; the new token of the same user resumes it.
    await expect(client.accounts.signInAccount({ id: accountId, credentials: { kind: 'token', token: 'not-the-token' } })).resolves.toMatchObject({ ok: false });
    await expect(client.accounts.signInAccount({ id: accountId, credentials: { kind: 'token', token: 'fl-new-token' } })).resolves.toMatchObject({ ok: true });
    await accountStatus(client, (status) => status.id === accountId && status.connection === 'online' && status.phase === 'idle' && status.lastError === null);
    await waitForStatus(client, () => count(core.db, "SELECT count(*) AS n FROM messages WHERE id LIKE 'msg_fl-%'") === messagesBefore + 1);
  });
});
