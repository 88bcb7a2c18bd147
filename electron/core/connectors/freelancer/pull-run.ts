/**
 * One poll of one resource of a Freelancer account: the poller's pages fetched through the endpoints, each
 * page mapped and handed to the sink (which stores the records and quarantines the rest, durably, before it
 * returns), the watermark moved once every page is stored. What the connector boundary's pull calls for a
 * polling connector; the boundary owns the timer, the account and the sink.
 */
import type { FreelancerAnswer, FreelancerError } from './api-client';
import { type FreelancerEndpoints, freelancerPageRequests } from './endpoints';
import type { MapContext } from './mapping';
import { type MappedRecord, mapPage, type PageData } from './page-reader';
import type { PageSource } from './page-source';
import {
  type Activity,
  type BidCheck,
  failRun,
  finishBidsRun,
  finishRun,
  isFresh,
  maxPageSize,
  nextListOffset,
  type PageRequest,
  planBidCheck,
  type PollerState,
  type PollResource,
  recordPage,
  type RunProgress,
  startRun,
} from './poller';

export type { MappedRecord } from './page-reader';

export type PullSink = (records: readonly MappedRecord[]) => void | Promise<void>;

export type PullRunOptions = {
  endpoints: FreelancerEndpoints;
  /** Where the run's pages are read: on this thread, or on a worker during a first sync (page-source.ts). */
  pages: PageSource;
  selfId: number;
  nowMs: number;
  /** The records' version (when they were read): `nowMs` unless the caller gives a whole round one. */
  observedAtMs?: number;
  activity: Activity;
  sink: PullSink;
  pageSize?: number;
  /** The feed's filter: the user's Freelancer jobs (ids from /self) and languages. */
  jobIds?: readonly number[];
  languages?: readonly string[];
  /** A stored project's title, for a thread's subject. */
  projectTitle?: (projectId: number) => string | undefined;
  /** The account's bids the workspace holds as still open (submitted, or awarded and not complete), with their time_submitted. */
  openBids?: () => readonly { id: number; time: number }[];
  /** Whether the workspace holds this bid exactly as the API sends it now (its JSON text); without it, every bid read counts as changed. */
  holdsBid?: (bidId: number, rawText: string) => boolean;
  /** Pages asked for before the one being stored is done: 1 (the default), more during a first sync (while the answer's count says there are). */
  readAhead?: number;
};

export type PullRunResult = { state: PollerState; requests: number; fresh: number; error: FreelancerError | null };

type Entry = { id: number; time: number };

/** Clients first (projects and threads point at them): those the page's fresh records name. */
const withClients = (records: readonly MappedRecord[], clients: readonly MappedRecord[]): MappedRecord[] => {
  const wanted = new Set<string>();
  for (const record of records) if (record.ok && (record.type === 'project' || record.type === 'thread')) wanted.add(record.record.client_id);
  return [...clients.filter((client) => client.id !== null && wanted.has(client.id)), ...records];
};

const fetchPage = (options: PullRunOptions, request: PageRequest, context: MapContext): Promise<FreelancerAnswer<PageData>> => {
  const page = { limit: request.limit, offset: request.offset };
  const requests = freelancerPageRequests;
  const httpRequest =
    request.resource === 'projects'
      ? requests.searchActiveProjects({ ...page, fromTime: request.fromTime, jobIds: options.jobIds ?? [], languages: options.languages ?? [] })
      : request.resource === 'bids'
        ? requests.getOwnBids(options.selfId, { ...page, fromTime: request.fromTime })
        : request.resource === 'threads'
          ? requests.getThreads({ ...page, fromUpdatedTime: request.fromTime })
          : requests.getMessages({ ...page, fromUpdatedTime: request.fromTime });
  return options.pages.read({ resource: request.resource, request: httpRequest, context }, options.projectTitle);
};

type Ahead = { request: PageRequest; answer: Promise<FreelancerAnswer<PageData>> };

const isSameRequest = (a: PageRequest, b: PageRequest): boolean =>
  a.resource === b.resource && a.fromTime === b.fromTime && a.offset === b.offset && a.limit === b.limit;

/** Answers asked for and not wanted after all: left unread, and no rejection of theirs left unhandled. */
const forget = (ahead: readonly Ahead[]): Ahead[] => {
  for (const entry of ahead) entry.answer.catch(() => undefined);
  return [];
};

type BidCheckOutcome = { requests: number; changed: number; error: FreelancerError | null };

/** Hands the records of a page's wanted entries to the sink, with the clients they name. */
const sinkEntries = async (options: PullRunOptions, value: PageData, wanted: (index: number) => boolean): Promise<number> => {
  const records: MappedRecord[] = [];
  let count = 0;
  for (let index = 0; index < value.count; index += 1) {
    if (!wanted(index)) continue;
    records.push(...value.records(index));
    count += 1;
  }
  if (records.length > 0) await options.sink(withClients(records, value.clients()));
  return count;
};

/**
 * The decisions of a bids run (poller.ts planBidCheck): the bids alone, by id or the whole list, without
 * projections; those whose JSON differs from what the workspace holds are read again with their projects, 100
 * a request, and stored. An idle poll asks ceil(open / 100) small pages and writes nothing.
 */
const checkBids = async (check: BidCheck, options: PullRunOptions, context: MapContext, limit: number): Promise<BidCheckOutcome> => {
  const { endpoints, selfId } = options;
  let requests = 0;
  const changed: number[] = [];
  const compare = (bids: readonly unknown[]): void => {
    for (const raw of bids) {
      const id = raw && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined;
      if (typeof id !== 'number') continue;
      if (!(options.holdsBid?.(id, JSON.stringify(raw)) ?? false)) changed.push(id);
    }
  };
  const pages: { bidIds?: number[]; offset: number; limit: number }[] =
    check.kind === 'ids' ? check.batches.map((bidIds) => ({ bidIds, offset: 0, limit: bidIds.length })) : check.kind === 'list' ? [{ offset: 0, limit }] : [];
  for (let page = pages.shift(); page; page = pages.shift()) {
    requests += 1;
    const answer = await endpoints.getOwnBids(selfId, { ...page, bare: true });
    if (!answer.ok) return { requests, changed: 0, error: answer.error };
    compare(answer.value.bids);
    if (check.kind === 'list') {
      const next = nextListOffset(page.offset, page.limit, answer.value.bids.length, answer.value.total_count ?? null);
      if (next !== null) pages.push({ offset: next, limit: page.limit });
    }
  }
  let stored = 0;
  const unique = [...new Set(changed)];
  for (let start = 0; start < unique.length; start += maxPageSize) {
    const bidIds = unique.slice(start, start + maxPageSize);
    requests += 1;
    const answer = await endpoints.getOwnBids(selfId, { bidIds, offset: 0, limit: bidIds.length });
    if (!answer.ok) return { requests, changed: stored, error: answer.error };
    stored += await sinkEntries(options, mapPage('bids', answer.value, context), () => true);
  }
  return { requests, changed: stored, error: null };
};

/**
 * Polls one resource to the end of its run. Only records new to the account reach the sink (an idle poll
 * writes nothing); for own bids, also those whose decision changed (checkBids).
 */
export const runResource = async (state: PollerState, resource: PollResource, options: PullRunOptions): Promise<PullRunResult> => {
  const context: MapContext = { selfId: options.selfId, observedAtMs: options.observedAtMs ?? options.nowMs };
  const started = startRun(state, resource, options.nowMs, options.pageSize);
  let run: RunProgress = started.run;
  let request: PageRequest | null = started.request;
  let requests = 1;
  // The requests already sent, in order: the next page's first (and, during a first sync, the one after it).
  let ahead: Ahead[] = [{ request, answer: fetchPage(options, request, context) }];
  const ask = (next: PageRequest): void => {
    requests += 1;
    ahead.push({ request: next, answer: fetchPage(options, next, context) });
  };
  while (request) {
    const answer = await ahead.shift()!.answer;
    if (!answer.ok) {
      forget(ahead);
      return { state: failRun(state, resource, answer.error, options.nowMs), requests, fresh: run.freshCount, error: answer.error };
    }
    const { value } = answer;
    // Fresh: neither earlier in this run nor at the old watermark's second (judged before recordPage grows `seen`).
    const fresh = value.entries.map((entry) => entry === null || (!run.seen.has(entry.id) && isFresh(run.watermarkAtStart, entry)));
    const recorded = recordPage(run, request, { count: value.count, items: value.entries.filter((entry): entry is Entry => entry !== null), totalCount: value.totalCount });
    // One page read ahead: the platform prepares the next while this one is stored (a run cut short by a
    // failure or a stop only leaves an unread answer: the watermark has not moved). A first sync, whose size the
    // answer tells, reads further ahead (`readAhead`): the answers after next are on their way, and mapped on the
    // page reader's thread, while this core is busy storing; one not wanted after all is dropped.
    if (recorded.next) {
      if (ahead.length > 0 && !isSameRequest(ahead[0]!.request, recorded.next)) ahead = forget(ahead);
      if (ahead.length === 0) ask(recorded.next);
      while (ahead.length < (options.readAhead ?? 1) && value.totalCount !== null) {
        const last = ahead.at(-1)!.request;
        const after: PageRequest = { ...last, offset: last.offset + last.limit };
        if (after.offset >= value.totalCount) break;
        ask(after);
      }
    } else ahead = forget(ahead);
    await sinkEntries(options, value, (index) => fresh[index] === true);
    run = recorded.run;
    request = recorded.next;
  }
  if (resource !== 'bids') return { state: finishRun(state, run, options.nowMs, options.activity), requests, fresh: run.freshCount, error: null };
  const check = planBidCheck(state, run, options.nowMs, options.openBids?.() ?? []);
  const checked = await checkBids(check, options, context, started.request.limit);
  requests += checked.requests;
  if (checked.error) return { state: failRun(state, resource, checked.error, options.nowMs), requests, fresh: run.freshCount + checked.changed, error: checked.error };
  return { state: finishBidsRun(state, run, check, checked.changed, options.nowMs, options.activity), requests, fresh: run.freshCount + checked.changed, error: null };
};
