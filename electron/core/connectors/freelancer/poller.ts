/**
 * How a Freelancer account is polled, as pure planning: no timers, no I/O. The caller (the connector's sync
 * loop) asks which resources are due, runs each one's pages, and hands back what it saw; this file says which
 * request comes next, where the watermarks move and when each resource is due again.
 *
 * Freelancer has no change feed and no push (tests/platform/freelancer/CONNECTOR-NOTES.md): each resource is
 * polled with an inclusive time watermark and offset pages, newest first. Over a live list an item arriving
 * between two pages shifts the next page by one, so a run sees duplicates, never gaps; a watermark moves only
 * when a run has stored all its pages, so a run cut short starts over from the old one. The ids already seen
 * at the watermark's second are kept, so a poll with nothing new costs one request and yields nothing to write.
 */
import type { FreelancerError } from './api-client';

export const pollResources = ['projects', 'bids', 'threads', 'messages'] as const;
export type PollResource = (typeof pollResources)[number];

/** Freelancer refuses (and the fixture refuses) pages above 100. */
export const maxPageSize = 100;

/** The first sync's window for the feed; threads, messages and own bids are taken whole. */
export const backfillDays = 30;

/**
 * Own bids (issue #14): new ones by a time watermark on `time_submitted` (`from_time`), like the other resources;
 * an award, a rejection or a retraction moves no time, so the bids still open (no decision yet, or awarded and not
 * complete) of the last `bidWatchDays` are read again by id (`bids[]`, 100 a request) on every bids poll, and once
 * every `bidRescanMs` the whole list is read, without projections, for what those miss (a late award on an older
 * bid, a completion). Freelancer keeps a project open for bids 7 days, and its owner may still award it after
 * (freelancer.com support, "Project statuses"): twice that is watched closely, the rest once a day.
 */
export const bidWatchDays = 14;
export const bidRescanMs = 24 * 3_600_000;

/** Poll intervals while the app is in use, and when it is idle (window hidden, user away). */
export const cadence = {
  messages: { activeMs: 60_000, idleMs: 5 * 60_000 },
  threads: { activeMs: 5 * 60_000, idleMs: 15 * 60_000 },
  projects: { activeMs: 5 * 60_000, idleMs: 20 * 60_000 },
  // New own bids come only from the user; their decisions are read again by id (bidWatchDays), so less often.
  bids: { activeMs: 15 * 60_000, idleMs: 60 * 60_000 },
} as const satisfies Record<PollResource, { activeMs: number; idleMs: number }>;

/** After this many rounds in a row with nothing new, an active resource is polled half as often (never slower than idle). */
export const quietRounds = 10;
/** The longest any failure pauses a resource or the account. */
export const maxBackoffMs = 30 * 60_000;

export type Activity = 'active' | 'idle';

/** Inclusive lower bound (Unix seconds) and the ids already stored at exactly that second. */
export type Watermark = { time: number; idsAtTime: readonly number[] };

export type ResourceState = {
  /** null: never completed a run (the next one is the backfill; for own bids, the whole list). */
  watermark: Watermark | null;
  unchangedRounds: number;
  failures: number;
  dueAtMs: number;
};

export type PollerState = {
  resources: Readonly<Record<PollResource, ResourceState>>;
  /** A 429 pauses the whole account (its limits are per account), never another account. */
  pausedUntilMs: number;
  /** A 401/403: nothing is due until the account signs in again. */
  signedOut: boolean;
  /** When own bids are next read whole (0: at the next bids poll). */
  bidRescanAtMs: number;
  /** When the account's profile and portfolio on Freelancer are next read (0: at the next round). */
  profileAtMs: number;
};

export type PageRequest = { resource: PollResource; fromTime: number | null; offset: number; limit: number };

/**
 * What a page held: how many entries (readable or not: the offset counts them all), and the id and time of each
 * readable one (time_submitted, time_updated, time_created; a bid's time_submitted).
 */
export type PageSummary = { count: number; items: readonly { id: number; time: number }[]; totalCount: number | null };

export type RunProgress = {
  resource: PollResource;
  watermarkAtStart: Watermark | null;
  seen: Set<number>;
  maxTime: number | null;
  idsAtMaxTime: readonly number[];
  /** Items not seen before (neither earlier in this run nor at the old watermark's second). */
  freshCount: number;
};

const perResource = <T>(make: (resource: PollResource) => T): Record<PollResource, T> => ({
  projects: make('projects'),
  bids: make('bids'),
  threads: make('threads'),
  messages: make('messages'),
});

export const initialPollerState = (nowMs: number): PollerState => ({
  resources: perResource(() => ({ watermark: null, unchangedRounds: 0, failures: 0, dueAtMs: nowMs })),
  pausedUntilMs: 0,
  signedOut: false,
  bidRescanAtMs: 0,
  profileAtMs: 0,
});

/** The resources to poll now, in the order their records are best applied (projects before bids and threads). */
export const dueResources = (state: PollerState, nowMs: number): PollResource[] =>
  state.signedOut || nowMs < state.pausedUntilMs ? [] : pollResources.filter((resource) => state.resources[resource].dueAtMs <= nowMs);

/** When the next resource falls due (for the caller's one timer), or null when signed out. */
export const nextDueAtMs = (state: PollerState): number | null =>
  state.signedOut ? null : Math.max(state.pausedUntilMs, Math.min(...pollResources.map((resource) => state.resources[resource].dueAtMs)));

export const startRun = (state: PollerState, resource: PollResource, nowMs: number, pageSize = maxPageSize): { run: RunProgress; request: PageRequest } => {
  const { watermark } = state.resources[resource];
  const backfillFrom = resource === 'projects' ? Math.floor(nowMs / 1000) - backfillDays * 86_400 : null;
  return {
    run: { resource, watermarkAtStart: watermark, seen: new Set(), maxTime: null, idsAtMaxTime: [], freshCount: 0 },
    request: { resource, fromTime: watermark?.time ?? backfillFrom, offset: 0, limit: Math.min(maxPageSize, Math.max(1, pageSize)) },
  };
};

/** Whether an item is new to this account: not at the old watermark's second with an id already stored. */
export const isFresh = (watermark: Watermark | null, item: { id: number; time: number }): boolean =>
  !(watermark !== null && item.time === watermark.time && watermark.idsAtTime.includes(item.id));

/**
 * Records a stored page; answers the next page's request, or null when the run is complete. The returned run
 * shares and grows the given run's `seen` set (copying it per page made a backfill of 100k messages, 1,000
 * pages, quadratic: 3 of its 27 CPU-seconds): the run passed in is done with once this returns.
 */
export const recordPage = (run: RunProgress, request: PageRequest, page: PageSummary): { run: RunProgress; next: PageRequest | null } => {
  const { seen } = run;
  let { maxTime, idsAtMaxTime, freshCount } = run;
  for (const item of page.items) {
    if (!seen.has(item.id) && isFresh(run.watermarkAtStart, item)) freshCount += 1;
    seen.add(item.id);
    if (maxTime === null || item.time > maxTime) {
      maxTime = item.time;
      idsAtMaxTime = [item.id];
    } else if (item.time === maxTime && !idsAtMaxTime.includes(item.id)) idsAtMaxTime = [...idsAtMaxTime, item.id];
  }
  const nextOffset = request.offset + page.count;
  const done = page.count < request.limit || (page.totalCount !== null && nextOffset >= page.totalCount);
  return { run: { ...run, seen, maxTime, idsAtMaxTime, freshCount }, next: done ? null : { ...request, offset: nextOffset } };
};

const intervalMs = (resource: PollResource, activity: Activity, unchangedRounds: number): number => {
  const { activeMs, idleMs } = cadence[resource];
  if (activity === 'idle') return idleMs;
  return Math.min(idleMs, unchangedRounds >= quietRounds ? activeMs * 2 : activeMs);
};

const withResource = (state: PollerState, resource: PollResource, next: ResourceState): PollerState => ({
  ...state,
  resources: { ...state.resources, [resource]: next },
});

/** A run stored all its pages: the watermark moves to the newest second seen, and the resource is due again later. */
export const finishRun = (state: PollerState, run: RunProgress, nowMs: number, activity: Activity): PollerState => {
  const previous = state.resources[run.resource];
  const old = run.watermarkAtStart;
  let watermark: Watermark | null = old;
  if (run.maxTime !== null) {
    if (old === null || run.maxTime > old.time) watermark = { time: run.maxTime, idsAtTime: run.idsAtMaxTime };
    else if (run.maxTime === old.time) watermark = { time: old.time, idsAtTime: [...new Set([...old.idsAtTime, ...run.idsAtMaxTime])] };
  }
  // A first run of a resource that is empty still completes its backfill: later runs start from its window.
  if (watermark === null && run.resource === 'projects') watermark = { time: Math.floor(nowMs / 1000) - backfillDays * 86_400, idsAtTime: [] };
  const unchangedRounds = run.freshCount === 0 ? previous.unchangedRounds + 1 : 0;
  return withResource(state, run.resource, { watermark, unchangedRounds, failures: 0, dueAtMs: nowMs + intervalMs(run.resource, activity, unchangedRounds) });
};

const backoffMs = (resource: PollResource, failures: number): number => Math.min(maxBackoffMs, cadence[resource].activeMs * 2 ** Math.min(failures, 10));

/**
 * A request of the run failed: the watermark stays where it was (the run starts over), and the error decides
 * when anything is tried again. Retry-After is honoured for the whole account; without one, the wait doubles.
 */
export const failRun = (state: PollerState, resource: PollResource, error: FreelancerError, nowMs: number): PollerState => {
  const previous = state.resources[resource];
  const failures = previous.failures + 1;
  if (error.kind === 'auth') return { ...withResource(state, resource, { ...previous, failures }), signedOut: true };
  if (error.kind === 'rate_limited') {
    const pausedUntilMs = nowMs + Math.min(maxBackoffMs, error.retryAfterMs ?? backoffMs(resource, failures));
    return { ...withResource(state, resource, { ...previous, failures, dueAtMs: Math.max(pausedUntilMs, nowMs + cadence[resource].activeMs) }), pausedUntilMs };
  }
  const retryAfter = error.kind === 'server' ? (error.retryAfterMs ?? 0) : 0;
  // Refused or unreadable answers will not mend by asking sooner: wait the idle interval (the problem is reported).
  const wait = error.kind === 'refused' || error.kind === 'invalid_answer' ? cadence[resource].idleMs : Math.max(retryAfter, backoffMs(resource, failures));
  return withResource(state, resource, { ...previous, failures, dueAtMs: nowMs + Math.min(maxBackoffMs, wait) });
};

/** The account signed in again (or its token was replaced): everything is due now, watermarks kept. */
export const resumeAfterSignIn = (state: PollerState, nowMs: number): PollerState => ({
  resources: perResource((resource) => ({ ...state.resources[resource], failures: 0, dueAtMs: nowMs })),
  pausedUntilMs: 0,
  signedOut: false,
  bidRescanAtMs: state.bidRescanAtMs,
  profileAtMs: state.profileAtMs,
});

// ---- the account's profile and portfolio ---------------------------------------------------------------------

/** The profile and portfolio on Freelancer change when the user edits them there: read once a day, read-only. */
export const profileEveryMs = 24 * 3_600_000;
/** A failed read (other than a 401 or a 429, which stop the round) is tried again this much later. */
export const profileRetryMs = 60 * 60_000;

export const isProfileDue = (state: PollerState, nowMs: number): boolean => !state.signedOut && nowMs >= state.profileAtMs;

export const finishProfileRead = (state: PollerState, nowMs: number, ok: boolean): PollerState => ({
  ...state,
  profileAtMs: nowMs + (ok ? profileEveryMs : profileRetryMs),
});

// ---- own bids: decisions -----------------------------------------------------------------------------------

/**
 * What a bids run reads after its new bids: nothing after a first run (it listed every bid), the whole list when
 * the rescan is due, else the open bids of the watch window by id, in requests of at most 100 ids.
 */
export type BidCheck = { kind: 'none' } | { kind: 'list' } | { kind: 'ids'; batches: number[][] };

/**
 * `open`: the account's bids the workspace holds as still open (submitted, or awarded and not complete: retracted,
 * declined and completed ones do not change again), with their `time_submitted`.
 */
export const planBidCheck = (state: PollerState, run: RunProgress, nowMs: number, open: readonly { id: number; time: number }[]): BidCheck => {
  if (run.watermarkAtStart === null) return { kind: 'none' };
  if (nowMs >= state.bidRescanAtMs) return { kind: 'list' };
  const since = Math.floor(nowMs / 1000) - bidWatchDays * 86_400;
  const ids = [...new Set(open.filter((bid) => bid.time >= since).map((bid) => bid.id))];
  const batches: number[][] = [];
  for (let start = 0; start < ids.length; start += maxPageSize) batches.push(ids.slice(start, start + maxPageSize));
  return { kind: 'ids', batches };
};

/** The offset of a plain list's next page, or null when this one was its last (short, or total_count reached). */
export const nextListOffset = (offset: number, limit: number, count: number, totalCount: number | null): number | null =>
  count < limit || (totalCount !== null && offset + count >= totalCount) ? null : offset + count;

/**
 * A bids run stored its new bids and the decisions that changed (`changed`): the watermark moves as for any run,
 * a quiet streak counts both, and a whole listing (the first run, or the rescan) sets the next rescan.
 */
export const finishBidsRun = (state: PollerState, run: RunProgress, check: BidCheck, changed: number, nowMs: number, activity: Activity): PollerState => {
  const finished = finishRun(state, { ...run, freshCount: run.freshCount + changed }, nowMs, activity);
  return check.kind === 'ids' ? finished : { ...finished, bidRescanAtMs: nowMs + bidRescanMs };
};
