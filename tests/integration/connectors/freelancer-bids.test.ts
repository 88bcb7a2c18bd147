/**
 * Own bids polled incrementally (issue #14): a Freelancer account in a real workspace, its connector driven on a
 * simulated clock against the fixture. New bids come from the `time_submitted` watermark; an award, a rejection
 * or a retraction made on the platform moves no time, so the bids still open of the watch window are read again
 * by id (bare, 100 a request) and those that changed are fetched with their projects and stored; older open bids
 * are caught by the daily whole-list rescan. An idle poll asks for the open bids only, never the whole list.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freelancerConnector } from '../../../electron/core/connectors/freelancer/connector';
import { bidRescanMs, bidWatchDays, cadence } from '../../../electron/core/connectors/freelancer/poller';
import { openWritableDatabase, type WritableDB } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { insertAccount } from '../../../electron/core/db/repositories/accounts-repository';
import { createFileSecretStore } from '../../../electron/core/secrets/secret-store';
import type { BidRecord } from '../../platform/freelancer/world';
import { type FreelancerFixture, startFreelancerFixture } from '../../platform/freelancer/server';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type BidsRequest = { bids: number[]; fromTime: string | null; bare: boolean; offset: string | null };

const setUp = async () => {
  // 600 projects, 200 threads: about 300 own bids over the 60 days before now, more than three pages of 100.
  const fixture: FreelancerFixture = await startFreelancerFixture({ seed: 21, scale: '600,200,300', anchor: 'now' });
  cleanups.push(() => fixture.close());
  const dir = mkdtempSync(path.join(tmpdir(), 'bottega-fl-bids-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'workspace.sqlite');
  const db: WritableDB = openWritableDatabase(file);
  cleanups.push(() => {
    db.close();
  });
  await migrate(db, { file, migrations });
  let offsetMs = 0;
  const now = (): Date => new Date(Date.now() + offsetMs);
  const account = insertAccount(db, { platform: 'freelancer', label: 'Freelancer', baseUrl: fixture.url, now: now() });
  // Every own-bids request the connector makes, as the fixture receives it.
  const bidsRequests: BidsRequest[] = [];
  const recording: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.pathname.endsWith('/projects/0.1/bids/') && (init?.method ?? 'GET') === 'GET') {
      bidsRequests.push({
        bids: url.searchParams.getAll('bids[]').map(Number),
        fromTime: url.searchParams.get('from_time'),
        bare: !url.searchParams.has('project_details'),
        offset: url.searchParams.get('offset'),
      });
    }
    return fetch(input, init);
  };
  const link = freelancerConnector.link({ db, account, secrets: createFileSecretStore(path.join(dir, 'vault.json')), now, fetch: recording });
  const signedIn = await link.session.signIn({ kind: 'token', token: fixture.token });
  if (!signedIn.ok) throw new Error(signedIn.message);
  const signal = new AbortController().signal;
  /** One round `ms` later on the core's clock: the requests for own bids it made. */
  const pollAfter = async (ms: number): Promise<BidsRequest[]> => {
    offsetMs += ms;
    const before = bidsRequests.length;
    const outcome = await link.pull({ attempt: 0, signal, onPage: () => undefined });
    expect(outcome).toEqual({ kind: 'done' });
    return bidsRequests.slice(before);
  };
  await pollAfter(0);
  const statusOf = (bidId: number): string =>
    (db.prepare('SELECT status FROM proposals WHERE id = ?').get(`prp_fl-${bidId}`) as { status: string } | undefined)?.status ?? 'missing';
  const simulate = async (route: string) => {
    const response = await fetch(`${fixture.url}/__fixture/${route}`, { method: 'POST' });
    expect(response.status, route).toBe(200);
  };
  /** The user retracts the bid on the website (the API's own retract action). */
  const retractElsewhere = async (bidId: number) => {
    const response = await fetch(`${fixture.url}/api/projects/0.1/bids/${bidId}/?action=retract`, {
      method: 'PUT',
      headers: { 'freelancer-oauth-v1': fixture.token, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(200);
  };
  const nowSeconds = () => Math.floor(now().getTime() / 1000);
  const isOpen = (bid: BidRecord) => !bid.retracted && bid.awardStatus !== 'rejected' && bid.awardStatus !== 'revoked';
  return { fixture, db, pollAfter, statusOf, simulate, retractElsewhere, nowSeconds, isOpen };
};

describe('own bids on Freelancer, polled incrementally', () => {
  it('an idle poll reads only the open bids of the watch window, by id; an award, a rejection and a retraction made on the platform arrive on the next poll', async () => {
    const { fixture, db, pollAfter, statusOf, simulate, retractElsewhere, nowSeconds, isOpen } = await setUp();
    const all = fixture.world.allBids();
    expect(all.length).toBeGreaterThan(300);
    expect(db.prepare("SELECT count(*) AS n FROM proposals WHERE id LIKE 'prp_fl-%'").get()).toEqual({ n: all.length });

    // Nothing new: the new-bid page from the watermark, then the open bids of the last bidWatchDays by id, bare.
    const snapshot = () => JSON.stringify(db.prepare('SELECT id, status, raw, fetched_at FROM proposals ORDER BY id').all());
    const before = snapshot();
    const idle = await pollAfter(cadence.bids.activeMs);
    const since = nowSeconds() - bidWatchDays * 86_400;
    const watched = all.filter((bid) => isOpen(bid) && bid.timeSubmitted >= since).map((bid) => bid.id);
    expect(watched.length).toBeGreaterThan(10);
    expect(watched.length).toBeLessThan(all.length / 2);
    expect(idle[0]).toMatchObject({ bids: [], fromTime: expect.any(String), bare: false });
    const checks = idle.slice(1);
    expect(checks.every((request) => request.bare && request.bids.length > 0 && request.bids.length <= 100)).toBe(true);
    expect(checks.flatMap((request) => request.bids).sort((a, b) => a - b)).toEqual([...watched].sort((a, b) => a - b));
    expect(checks).toHaveLength(Math.ceil(watched.length / 100));
    expect(snapshot()).toBe(before);

    // Decided on the platform: one awarded (the client's offer), one rejected, one retracted by the user elsewhere.
    const [awarded, rejected, retracted] = all.filter((bid) => bid.awardStatus === null && !bid.retracted && bid.timeSubmitted >= since + 3600);
    if (!awarded || !rejected || !retracted) throw new Error('the seed has too few open bids in the window');
    for (const bid of [awarded, rejected, retracted]) expect(statusOf(bid.id)).toBe('submitted');
    await simulate(`bids/${awarded.id}/award`);
    await simulate(`bids/${rejected.id}/decline`);
    await retractElsewhere(retracted.id);
    const decided = await pollAfter(cadence.bids.activeMs);
    expect(statusOf(awarded.id)).toBe('awarded');
    expect(statusOf(rejected.id)).toBe('declined');
    expect(statusOf(retracted.id)).toBe('withdrawn');
    // Only the three that changed were fetched again with their projects.
    const refetched = decided.filter((request) => !request.bare && request.bids.length > 0);
    expect(refetched.flatMap((request) => request.bids).sort((a, b) => a - b)).toEqual([awarded.id, rejected.id, retracted.id].sort((a, b) => a - b));
    // The client's offer accepted: still open (awarded, not complete), its JSON stored again.
    const accepted = await fetch(`${fixture.url}/api/projects/0.1/bids/${awarded.id}/?action=accept`, {
      method: 'PUT',
      headers: { 'freelancer-oauth-v1': fixture.token, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(accepted.status).toBe(200);
    const askedAfterAccept = new Set((await pollAfter(cadence.bids.activeMs)).flatMap((request) => request.bids));
    expect(askedAfterAccept.has(rejected.id)).toBe(false);
    expect(askedAfterAccept.has(awarded.id)).toBe(true);
    expect(JSON.parse((db.prepare('SELECT raw FROM proposals WHERE id = ?').get(`prp_fl-${awarded.id}`) as { raw: string }).raw)).toMatchObject({ award_status: 'awarded' });
  });

  it('an open bid older than the watch window: its decision arrives with the daily whole-list rescan, bare and paged', async () => {
    const { fixture, pollAfter, statusOf, simulate, nowSeconds } = await setUp();
    const since = nowSeconds() - bidWatchDays * 86_400;
    const old = fixture.world.allBids().find((bid) => bid.awardStatus === null && !bid.retracted && bid.timeSubmitted < since - 86_400);
    if (!old) throw new Error('the seed has no open bid older than the window');
    await simulate(`bids/${old.id}/decline`);
    const soon = await pollAfter(cadence.bids.activeMs);
    expect(soon.some((request) => request.bids.includes(old.id))).toBe(false);
    expect(statusOf(old.id)).toBe('submitted');

    const rescan = await pollAfter(bidRescanMs);
    const listing = rescan.filter((request) => request.bare && request.bids.length === 0 && request.fromTime === null);
    expect(listing.map((request) => request.offset)).toEqual(['0', '100', '200', '300'].slice(0, Math.ceil(fixture.world.allBids().length / 100)));
    expect(statusOf(old.id)).toBe('declined');
    // The rescan is not due again until a day later: the next poll reads open bids by id only.
    const after = await pollAfter(cadence.bids.activeMs);
    expect(after.some((request) => request.bids.length === 0 && request.fromTime === null)).toBe(false);
  });
});
