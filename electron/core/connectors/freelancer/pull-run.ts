/**
 * One poll of one resource of a Freelancer account: the poller's pages fetched through the endpoints, each
 * page mapped and handed to the sink (which stores the records and quarantines the rest, durably, before it
 * returns), the watermark moved once every page is stored. What the connector boundary's pull calls for a
 * polling connector; the boundary owns the timer, the account and the sink.
 */
import type { FreelancerAnswer, FreelancerError } from './api-client';
import type { FreelancerEndpoints } from './endpoints';
import { type IdMap, type MapContext, type Mapped, mapClient, mapMessage, mapProject, mapProposal, mapThread } from './mapping';
import { type Activity, failRun, finishRun, isFresh, type PageRequest, type PollerState, type PollResource, recordPage, type RunProgress, startRun } from './poller';
import type { FreelancerRecordType } from './record-schemas';

export type MappedRecord = { [T in FreelancerRecordType]: Mapped<T> }[FreelancerRecordType];

export type PullSink = (records: readonly MappedRecord[]) => void | Promise<void>;

export type PullRunOptions = {
  endpoints: FreelancerEndpoints;
  selfId: number;
  nowMs: number;
  activity: Activity;
  sink: PullSink;
  pageSize?: number;
  /** The feed's filter: the user's Freelancer jobs (ids from /self) and languages. */
  jobIds?: readonly number[];
  languages?: readonly string[];
  /** A stored project's title, for a thread's subject. */
  projectTitle?: (projectId: number) => string | undefined;
};

export type PullRunResult = { state: PollerState; requests: number; fresh: number; error: FreelancerError | null };

type Entry = { id: number; time: number };

/** Entries mapped between two turns of the event loop. */
const mapSlice = 25;

/** The id and time of a raw entry, for the poller (an unreadable one is still counted for the offset). */
const entryOf = (raw: unknown, timeKey: string, nested?: string): Entry | null => {
  const holder = nested && raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[nested] : raw;
  const id = holder && typeof holder === 'object' ? (holder as Record<string, unknown>).id : undefined;
  const time = raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[timeKey] : undefined;
  return typeof id === 'number' && typeof time === 'number' ? { id, time } : null;
};

type PageOutcome = {
  count: number;
  entries: (Entry | null)[];
  totalCount: number | null;
  /** The answer's users map: the owners of its projects and threads, as clients. */
  users: IdMap;
  map: (index: number) => MappedRecord[];
};

/** Clients first (projects and threads point at them): those the page's fresh records name, from its users map. */
const withClients = (records: readonly MappedRecord[], users: IdMap, context: MapContext): MappedRecord[] => {
  const wanted = new Set<string>();
  for (const record of records) if (record.ok && (record.type === 'project' || record.type === 'thread')) wanted.add(record.record.client_id);
  const clients = Object.entries(users)
    .filter(([id]) => Number(id) !== context.selfId)
    .map(([, user]) => mapClient(user, undefined, context))
    .filter((client) => client.id !== null && wanted.has(client.id));
  return [...clients, ...records];
};

const fetchPage = async (options: PullRunOptions, request: PageRequest, context: MapContext): Promise<FreelancerAnswer<PageOutcome>> => {
  const { endpoints } = options;
  const page = { limit: request.limit, offset: request.offset };
  const titles = new Map<number, string>();
  const wrap = <T>(answer: FreelancerAnswer<T>, make: (value: T) => PageOutcome): FreelancerAnswer<PageOutcome> =>
    answer.ok ? { ok: true, value: make(answer.value), requestId: answer.requestId } : answer;
  switch (request.resource) {
    case 'projects':
      return wrap(
        await endpoints.searchActiveProjects({ ...page, fromTime: request.fromTime, jobIds: options.jobIds ?? [], languages: options.languages ?? [] }),
        (value) => ({
          count: value.projects.length,
          entries: value.projects.map((raw) => entryOf(raw, 'time_submitted')),
          totalCount: value.total_count ?? null,
          users: value.users,
          map: (index) => [mapProject(value.projects[index], value.users, context)],
        }),
      );
    case 'bids':
      return wrap(await endpoints.getOwnBids(options.selfId, page), (value) => ({
        count: value.bids.length,
        entries: value.bids.map((raw) => entryOf(raw, 'time_submitted')),
        totalCount: value.total_count ?? null,
        users: value.users,
        // A bid's project comes along (project_details), so its proposal has the project it belongs to.
        map: (index) => {
          const bid = value.bids[index];
          const projectId = bid && typeof bid === 'object' ? (bid as { project_id?: unknown }).project_id : undefined;
          const project = typeof projectId === 'number' ? value.projects[String(projectId)] : undefined;
          return [...(project === undefined ? [] : [mapProject(project, value.users, context)]), mapProposal(bid, value.projects, context)];
        },
      }));
    case 'threads':
      return wrap(await endpoints.getThreads({ ...page, fromUpdatedTime: request.fromTime }), (value) => ({
        count: value.threads.length,
        entries: value.threads.map((raw) => entryOf(raw, 'time_updated', 'thread')),
        totalCount: null,
        users: value.users,
        map: (index) => {
          const raw = value.threads[index];
          const projectId = (raw as { thread?: { context?: { id?: unknown } } } | null)?.thread?.context?.id;
          if (typeof projectId === 'number') {
            const title = options.projectTitle?.(projectId);
            if (title !== undefined) titles.set(projectId, title);
          }
          return [mapThread(raw, titles, context)];
        },
      }));
    case 'messages':
      return wrap(await endpoints.getMessages({ ...page, fromUpdatedTime: request.fromTime }), (value) => ({
        count: value.messages.length,
        entries: value.messages.map((raw) => entryOf(raw, 'time_created')),
        totalCount: value.unfiltered_count ?? null,
        users: {},
        map: (index) => [mapMessage(value.messages[index], context)],
      }));
  }
};

/**
 * Polls one resource to the end of its run. Only records new to the account reach the sink (an idle poll
 * writes nothing), own bids excepted: they are listed whole, since an award changes no time.
 */
export const runResource = async (state: PollerState, resource: PollResource, options: PullRunOptions): Promise<PullRunResult> => {
  const context: MapContext = { selfId: options.selfId, observedAtMs: options.nowMs };
  const started = startRun(state, resource, options.nowMs, options.pageSize);
  let run: RunProgress = started.run;
  let request: PageRequest | null = started.request;
  let requests = 1;
  let pending = fetchPage(options, request, context);
  while (request) {
    const answer = await pending;
    if (!answer.ok) return { state: failRun(state, resource, answer.error, options.nowMs), requests, fresh: run.freshCount, error: answer.error };
    const { value } = answer;
    const seenBefore = run.seen;
    const records: MappedRecord[] = [];
    for (const [index, entry] of value.entries.entries()) {
      // Mapping checks every record: the event loop is turned now and then, so a page does not hold it for long.
      if (index > 0 && index % mapSlice === 0) await new Promise((resolve) => setImmediate(resolve));
      const fresh = entry === null || resource === 'bids' || (!seenBefore.has(entry.id) && isFresh(run.watermarkAtStart, entry));
      if (fresh) records.push(...value.map(index));
    }
    const recorded = recordPage(run, request, { count: value.count, items: value.entries.filter((entry): entry is Entry => entry !== null), totalCount: value.totalCount });
    // One page read ahead: the platform prepares the next while this one is stored (a run cut short by a
    // failure or a stop only leaves an unread answer: the watermark has not moved).
    if (recorded.next) {
      requests += 1;
      pending = fetchPage(options, recorded.next, context);
    }
    if (records.length > 0) await options.sink(withClients(records, value.users, context));
    run = recorded.run;
    request = recorded.next;
  }
  return { state: finishRun(state, run, options.nowMs, options.activity), requests, fresh: run.freshCount, error: null };
};
