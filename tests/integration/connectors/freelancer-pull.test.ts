/**
 * The Freelancer connector's pieces (client, endpoints, mapping, poller, pull run) against the Freelancer
 * fixture over loopback HTTP: a tiny seeded account pulled completely, every record valid for the workspace;
 * a 429 with Retry-After, an error envelope and a revoked token as typed errors; an idle polling round that
 * costs one request per resource and writes nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createFreelancerClient } from '../../../electron/core/connectors/freelancer/api-client';
import { resolveFreelancerApiRoot } from '../../../electron/core/connectors/freelancer/base-url';
import { freelancerEndpoints } from '../../../electron/core/connectors/freelancer/endpoints';
import { freelancerIds } from '../../../electron/core/connectors/freelancer/ids';
import { createInlinePageSource, createWorkerPageSource, type PageSource } from '../../../electron/core/connectors/freelancer/page-source';
import { backfillDays, bidWatchDays, initialPollerState, type PollerState, pollResources } from '../../../electron/core/connectors/freelancer/poller';
import { type MappedRecord, type PullRunOptions, runResource } from '../../../electron/core/connectors/freelancer/pull-run';
import { freelancerRecordSchemas } from '../../../electron/core/connectors/freelancer/record-schemas';
import { minorUnitDigits } from '../../../shared/domain/money';
import { recordSchemas } from '../../../shared/platform/records';
import { jobById } from '../../platform/freelancer/catalog';
import { type FreelancerFixture, startFreelancerFixture } from '../../platform/freelancer/server';

const fixtures: FreelancerFixture[] = [];

const sources: PageSource[] = [];

afterEach(async () => {
  for (const source of sources.splice(0)) source.close();
  await Promise.all(fixtures.splice(0).map((fixture) => fixture.close()));
});

const byId = (a: Record<string, unknown>, b: Record<string, unknown>): number => String(a.id).localeCompare(String(b.id));

const simulate = async (fixture: FreelancerFixture, method: string, path: string, body?: unknown): Promise<unknown> => {
  const response = await fetch(`${fixture.url}/__fixture/${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  expect(response.status, path).toBeLessThan(300);
  return response.json();
};

/** A workspace stand-in: records by type and id (a later version replaces), quarantined ones with their reasons. */
const createStore = () => {
  const records = new Map<string, Map<string, { version: number; record: unknown; raw: unknown }>>();
  const quarantined: MappedRecord[] = [];
  let batches = 0;
  const sink = (batch: readonly MappedRecord[]) => {
    batches += 1;
    for (const item of batch) {
      if (!item.ok) {
        quarantined.push(item);
        continue;
      }
      const table = records.get(item.type) ?? new Map();
      records.set(item.type, table);
      const existing = table.get(item.id);
      if (!existing || item.record.version > existing.version) table.set(item.id, { version: item.record.version, record: item.record, raw: JSON.parse(item.rawText) as unknown });
    }
  };
  const of = (type: string) => [...(records.get(type)?.values() ?? [])].map((row) => row.record as Record<string, unknown>);
  // What the connector asks of the workspace for own bids: the open ones (submitted, or awarded), and whether a bid's JSON is the stored one.
  const openBids = () =>
    [...(records.get('proposal')?.values() ?? [])]
      .filter((row) => ['submitted', 'awarded'].includes((row.record as { status: string }).status))
      .map((row) => ({ id: (row.raw as { id: number }).id, time: (row.raw as { time_submitted: number }).time_submitted }));
  const holdsBid = (bidId: number, rawText: string) => JSON.stringify(records.get('proposal')?.get(freelancerIds.proposal(bidId))?.raw) === rawText;
  return { sink, of, openBids, holdsBid, quarantined, batches: () => batches, has: (type: string, id: string) => records.get(type)?.has(id) ?? false };
};

const boot = async () => {
  const fixture = await startFreelancerFixture({ seed: 5, scale: 'tiny' });
  fixtures.push(fixture);
  const root = resolveFreelancerApiRoot({ custom: fixture.url });
  if (!root.ok) throw new Error(root.reason);
  // The token as the vault holds it: a token the fixture later rotates is no longer accepted.
  const token = fixture.token;
  const endpoints = freelancerEndpoints(createFreelancerClient({ apiRoot: root.apiRoot, token: () => token }));
  return { fixture, endpoints, pages: createInlinePageSource(endpoints.client), token };
};

/** One round: every due resource polled in the poller's order, as the connector's loop will. */
const pollRound = async (state: PollerState, options: PullRunOptions) => {
  let next = state;
  const requests: Record<string, number> = {};
  const fresh: Record<string, number> = {};
  for (const resource of pollResources) {
    const result = await runResource(next, resource, options);
    expect(result.error, resource).toBeNull();
    next = result.state;
    requests[resource] = result.requests;
    fresh[resource] = result.fresh;
  }
  return { state: next, requests, fresh };
};

describe('Freelancer connector against the fixture', () => {
  it('pulls a tiny account completely: self, project pages with owners, bids, threads, messages; every record valid', async () => {
    const { fixture, endpoints, pages } = await boot();
    const self = await endpoints.getSelf();
    if (!self.ok) throw new Error(self.error.kind);
    expect(self.value.id).toBe(fixture.selfId);
    const jobIds = (self.value.jobs ?? []).map((job) => job.id);
    expect(jobIds.length).toBeGreaterThan(3);

    const store = createStore();
    const nowMs = fixture.world.now() * 1000;
    const options: PullRunOptions = {
      endpoints,
      pages,
      selfId: self.value.id,
      nowMs,
      activity: 'active',
      sink: store.sink,
      pageSize: 4,
      jobIds,
      projectTitle: (id) => store.of('project').find((project) => project.id === freelancerIds.project(id))?.title as string | undefined,
    };
    const round = await pollRound(initialPollerState(nowMs), options);

    // The feed: the active projects of the last 30 days in the user's jobs, in pages of 4.
    const since = fixture.world.now() - backfillDays * 86_400;
    const wanted = Array.from({ length: fixture.world.projectCount }, (_, index) => fixture.world.projectAt(index)).filter(
      (project) => project.timeSubmitted >= since && project.jobIds.some((id) => jobIds.includes(id)),
    );
    expect(wanted.length).toBeGreaterThan(4);
    // Pages of 4 until total_count is reached: no request for an empty page after a full last one.
    expect(round.requests.projects).toBe(Math.ceil(wanted.length / 4));
    const projectIds = new Set(store.of('project').map((project) => project.id));
    for (const project of wanted) expect(projectIds).toContain(freelancerIds.project(project.id));

    // Own bids as proposals (their projects come along), every thread and every message.
    const bids = fixture.world.allBids();
    expect(store.of('proposal').map((proposal) => proposal.id).sort()).toEqual(bids.map((bid) => freelancerIds.proposal(bid.id)).sort());
    expect(new Set(store.of('proposal').map((proposal) => proposal.status))).toEqual(new Set(bids.map((bid) => (bid.retracted ? 'withdrawn' : bid.awardStatus === 'awarded' ? 'awarded' : bid.awardStatus === 'rejected' ? 'declined' : 'submitted'))));
    // What each bid cost, as the API reports it (sponsored, in the project's currency), kept in minor units.
    const costs = new Map(store.of('proposal').map((proposal) => [proposal.id, (proposal.bid_fee_minor as number) / 10 ** minorUnitDigits(proposal.currency as string)]));
    expect(bids.map((bid) => costs.get(freelancerIds.proposal(bid.id)))).toEqual(bids.map((bid) => bid.sponsored));
    expect(bids.some((bid) => bid.sponsored > 0)).toBe(true);
    expect(store.of('thread')).toHaveLength(fixture.world.allThreads().length);
    expect(store.of('message')).toHaveLength(fixture.world.messageCount);
    expect(store.quarantined).toEqual([]);

    // Every record validates against records.ts (projects: skills by name, the rest of records.ts as it is).
    for (const type of ['project', 'client', 'proposal', 'thread', 'message'] as const) {
      for (const record of store.of(type)) {
        expect(freelancerRecordSchemas[type].safeParse(record).success, `${type} ${String(record.id)}`).toBe(true);
        const asStored = type === 'project' ? { ...record, skills: [] } : record;
        expect(recordSchemas[type].safeParse(asStored).success, `${type} ${String(record.id)}`).toBe(true);
      }
    }
    // Skills by the names Freelancer shows, never a slug or an id.
    const skillNames = new Set(store.of('project').flatMap((project) => project.skills as string[]));
    const jobNames = new Set([...jobById.values()].map((job) => job.name));
    for (const id of wanted[0]!.jobIds) expect(skillNames).toContain(jobById.get(id)!.name);
    for (const name of skillNames) expect(jobNames).toContain(name);

    // Everything a record points at arrived too: owners as clients, threads' projects, messages' threads.
    for (const project of store.of('project')) expect(store.has('client', project.client_id as string)).toBe(true);
    for (const proposal of store.of('proposal')) expect(store.has('project', proposal.project_id as string)).toBe(true);
    for (const thread of store.of('thread')) {
      expect(store.has('client', thread.client_id as string)).toBe(true);
      expect(store.has('project', thread.project_id as string)).toBe(true);
      expect(thread.subject).not.toBe('');
    }
    for (const message of store.of('message')) expect(store.has('thread', message.thread_id as string)).toBe(true);
    const own = store.of('message').filter((message) => message.from_me);
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((message) => message.sender_id === freelancerIds.user(fixture.selfId))).toBe(true);
    // Money in minor units of the project's currency.
    const sample = wanted[0];
    const mapped = store.of('project').find((project) => project.id === freelancerIds.project(sample?.id ?? 0));
    expect(mapped?.budget).toMatchObject({ min_minor: Math.round((sample?.budget.minimum ?? 0) * 100), currency: sample?.currency.code });
  });

  it('a polling round with nothing new costs one request per resource (own bids: and their open ones by id) and writes nothing; then news arrives', async () => {
    const { fixture, endpoints, pages } = await boot();
    const store = createStore();
    const start = fixture.world.now() * 1000;
    const options = (nowMs: number): PullRunOptions => ({
      endpoints,
      pages,
      selfId: fixture.selfId,
      nowMs,
      activity: 'active',
      sink: store.sink,
      pageSize: 100,
      openBids: store.openBids,
      holdsBid: store.holdsBid,
    });
    const first = await pollRound(initialPollerState(start), options(start));
    const counts = { project: store.of('project').length, message: store.of('message').length, thread: store.of('thread').length };
    const batchesBefore = store.batches();

    await simulate(fixture, 'POST', 'requests/reset');
    const later = start + 60 * 60_000;
    const idle = await pollRound(first.state, options(later));
    // Own bids: new ones from the watermark (one request), then the open ones of the watch window by id, bare.
    const watched = store.openBids().filter((bid) => bid.time >= later / 1000 - bidWatchDays * 86_400);
    expect(watched.length).toBeGreaterThan(0);
    expect(watched.length).toBeLessThan(fixture.world.allBids().length);
    expect(idle.requests).toEqual({ projects: 1, bids: 1 + Math.ceil(watched.length / 100), threads: 1, messages: 1 });
    expect(idle.fresh).toEqual({ projects: 0, bids: 0, threads: 0, messages: 0 });
    const byRoute = ((await simulate(fixture, 'GET', 'requests')) as { by_route: Record<string, number> }).by_route;
    expect(Object.values(byRoute).reduce((sum, count) => sum + count, 0)).toBe(4 + Math.ceil(watched.length / 100));
    // Nothing was handed to the store.
    expect(store.batches() - batchesBefore).toBe(0);
    expect({ project: store.of('project').length, message: store.of('message').length, thread: store.of('thread').length }).toEqual(counts);

    // A client writes, a project is posted: the next round finds exactly those, still in one request each.
    const thread = fixture.world.allThreads()[0];
    await simulate(fixture, 'POST', 'clock', { advance_seconds: 120 });
    await simulate(fixture, 'POST', 'messages', { thread_id: thread?.id, message: 'Possiamo sentirci domani?' });
    await simulate(fixture, 'POST', 'projects', { title: 'Traduzione sito e-commerce', jobs: ['wordpress'] });
    const news = await pollRound(idle.state, options(later + 5 * 60_000));
    expect(news.requests).toEqual({ projects: 1, bids: 1 + Math.ceil(watched.length / 100), threads: 1, messages: 1 });
    expect(news.fresh).toMatchObject({ projects: 1, threads: 1, messages: 1 });
    expect(store.of('message').some((message) => message.body === 'Possiamo sentirci domani?' && message.from_me === false)).toBe(true);
    expect(store.of('project').some((project) => project.title === 'Traduzione sito e-commerce')).toBe(true);
  });

  it('a 429 with Retry-After, an error envelope and a revoked token become typed errors; the watermark stays', async () => {
    const { fixture, endpoints, pages, token } = await boot();
    const store = createStore();
    const nowMs = fixture.world.now() * 1000;
    const options: PullRunOptions = { endpoints, pages, selfId: fixture.selfId, nowMs, activity: 'active', sink: store.sink, pageSize: 10 };
    const synced = (await pollRound(initialPollerState(nowMs), options)).state;

    await simulate(fixture, 'PUT', 'faults', { queue: [{ fault: 'ratelimit', path: '/messages/0.1/messages', retry_after: 7 }] });
    const limited = await runResource(synced, 'messages', options);
    expect(limited.error).toEqual({ kind: 'rate_limited', retryAfterMs: 7000 });
    expect(limited.state.pausedUntilMs).toBe(nowMs + 7000);
    expect(limited.state.resources.messages.watermark).toEqual(synced.resources.messages.watermark);

    await simulate(fixture, 'PUT', 'faults', { queue: [{ fault: 'error', path: '/projects/0.1/projects/active', status: 400, error_code: 'ProjectExceptionCodes.INVALID_FILTER', message: 'The filter is not valid' }] });
    const refused = await runResource(synced, 'projects', options);
    expect(refused.error).toEqual({ kind: 'refused', status: 400, errorCode: 'ProjectExceptionCodes.INVALID_FILTER', message: 'The filter is not valid' });

    await simulate(fixture, 'PUT', 'faults', { queue: [{ fault: 'unavailable', path: '/messages/0.1/threads', retry_after: 30 }] });
    expect((await runResource(synced, 'threads', options)).error).toEqual({ kind: 'server', status: 503, retryAfterMs: 30_000 });

    await simulate(fixture, 'PUT', 'token', { token: 'rotated' });
    const signedOut = await runResource(synced, 'bids', options);
    expect(signedOut.error).toMatchObject({ kind: 'auth', status: 401, errorCode: 'RestExceptionCodes.NOT_AUTHENTICATED' });
    expect(signedOut.state.signedOut).toBe(true);
    expect(JSON.stringify(signedOut.error)).not.toContain(token);
  });

  it('a first sync reads two pages ahead on the page reader\'s thread: the same records and requests as one ahead here; an answer asked for and not wanted is dropped unread', async () => {
    const { fixture, endpoints, pages } = await boot();
    const self = await endpoints.getSelf();
    if (!self.ok) throw new Error(self.error.kind);
    const jobIds = (self.value.jobs ?? []).map((job) => job.id);
    const nowMs = fixture.world.now() * 1000;
    const pull = async (readAhead: 1 | 2, source: PageSource) => {
      const store = createStore();
      const round = await pollRound(initialPollerState(nowMs), { endpoints, pages: source, selfId: self.value.id, nowMs, activity: 'active', sink: store.sink, pageSize: 4, jobIds, readAhead });
      return { store, round };
    };
    const one = await pull(1, pages);
    const logged: string[] = [];
    const worker = createWorkerPageSource(endpoints.client, { log: (message) => logged.push(message) });
    sources.push(worker);
    const two = await pull(2, worker);
    // The worker ran (it says so in the log when it cannot), and read the same pages to the same records.
    expect(logged).toEqual([]);
    // total_count bounds the second page ahead: no request past the end.
    expect(two.round.requests).toEqual(one.round.requests);
    for (const type of ['project', 'client', 'proposal', 'thread', 'message']) {
      expect(two.store.of(type).sort(byId), type).toEqual(one.store.of(type).sort(byId));
    }
    expect(two.store.quarantined).toEqual(one.store.quarantined);
    expect(two.round.state.resources).toEqual(one.round.state.resources);

    // The second page comes back short (the feed changed between requests): the run ends there, and the third
    // page, already asked for, is neither stored nor counted in the watermark.
    // More than four projects in the feed: in pages of 2, at least three pages.
    expect(one.round.requests.projects).toBeGreaterThan(1);
    const asked: number[] = [];
    const shrinking: PageSource = {
      read: async (page, projectTitle) => {
        const offset = Number(page.request.query?.offset);
        asked.push(offset);
        const answer = await pages.read(page, projectTitle);
        if (!answer.ok || offset !== 2) return answer;
        return { ...answer, value: { ...answer.value, count: 1, entries: answer.value.entries.slice(0, 1) } };
      },
      close: () => undefined,
    };
    const store = createStore();
    const result = await runResource(initialPollerState(nowMs), 'projects', { endpoints, pages: shrinking, selfId: self.value.id, nowMs, activity: 'active', sink: store.sink, pageSize: 2, jobIds, readAhead: 2 });
    expect(result.error).toBeNull();
    expect(asked).toEqual([0, 2, 4]);
    expect(result.requests).toBe(3);
    expect(store.of('project')).toHaveLength(3);
    expect(result.state.resources.projects.watermark?.time).toBe(Math.max(...store.of('project').map((project) => Date.parse(project.posted_at as string) / 1000)));

    // A token the platform no longer takes is refused on the worker as here: a typed error without the token.
    await simulate(fixture, 'PUT', 'token', { token: 'rotated' });
    const refused = await runResource(initialPollerState(nowMs), 'messages', { endpoints, pages: worker, selfId: self.value.id, nowMs, activity: 'active', sink: createStore().sink, jobIds, readAhead: 2 });
    expect(refused.error).toMatchObject({ kind: 'auth', status: 401 });
    expect(JSON.stringify(refused.error)).not.toContain(fixture.token);
  });

  it('a page reader that stops with pages in hand leaves them to the core thread: the sync gets every page, and the log says why once', async () => {
    const { fixture, endpoints, pages } = await boot();
    const nowMs = fixture.world.now() * 1000;
    const logged: string[] = [];
    const dying = createWorkerPageSource(endpoints.client, { workerUrl: new URL('../../support/workers/exit-worker.mjs', import.meta.url), log: (message) => logged.push(message) });
    sources.push(dying);
    const pull = async (source: PageSource) => {
      const store = createStore();
      const result = await runResource(initialPollerState(nowMs), 'messages', { endpoints, pages: source, selfId: fixture.selfId, nowMs, activity: 'active', sink: store.sink, pageSize: 4, readAhead: 3 });
      return { result, ids: store.of('message').map((message) => message.id).sort() };
    };
    const here = await pull(pages);
    const fallen = await pull(dying);
    expect(fallen.result.error).toBeNull();
    expect(fallen.result.requests).toBe(here.result.requests);
    expect(fallen.ids).toEqual(here.ids);
    expect(logged).toEqual(["First sync reads Freelancer pages on the core's thread (slower): the Freelancer page reader worker exited (7)"]);
  });
});
