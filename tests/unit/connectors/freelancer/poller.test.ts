/**
 * The Freelancer poller's planning (electron/core/connectors/freelancer/poller.ts): which request comes next,
 * where watermarks move, when each resource is due again, and how errors change that. Pure: no timers.
 */
import { describe, expect, it } from 'vitest';
import {
  backfillDays,
  bidRescanMs,
  bidWatchDays,
  cadence,
  dueResources,
  failRun,
  finishBidsRun,
  finishRun,
  initialPollerState,
  isFresh,
  maxBackoffMs,
  nextDueAtMs,
  nextListOffset,
  type PageRequest,
  type PageSummary,
  planBidCheck,
  type PollerState,
  quietRounds,
  recordPage,
  resumeAfterSignIn,
  type RunProgress,
  startRun,
} from '../../../../electron/core/connectors/freelancer/poller';

const now = Date.UTC(2026, 10, 16, 9, 0);
const nowSeconds = now / 1000;

/** Runs a resource through the given pages; answers every request made and the finished state. */
type TestPage = Omit<PageSummary, 'count'> & { count?: number };

const runPages = (state: PollerState, resource: 'projects' | 'bids' | 'threads' | 'messages', pages: TestPage[], at = now, pageSize = 100) => {
  const started = startRun(state, resource, at, pageSize);
  let run: RunProgress = started.run;
  let request: PageRequest | null = started.request;
  const requests: PageRequest[] = [];
  for (const page of pages) {
    if (!request) throw new Error('a page after the run was complete');
    requests.push(request);
    const recorded = recordPage(run, request, { ...page, count: page.count ?? page.items.length });
    run = recorded.run;
    request = recorded.next;
  }
  return { requests, pending: request, run, state: finishRun(state, run, at, 'active') };
};

const items = (from: number, count: number, time: (index: number) => number) => Array.from({ length: count }, (_, index) => ({ id: from + index, time: time(index) }));

describe('requests and pages', () => {
  it('the first projects run is the 30-day backfill, pages of at most 100 until total_count', () => {
    const state = initialPollerState(now);
    expect(dueResources(state, now)).toEqual(['projects', 'bids', 'threads', 'messages']);
    const total = 250;
    const pages = [0, 100, 200].map((offset) => ({ items: items(offset + 1, Math.min(100, total - offset), (index) => nowSeconds - 60 - offset - index), totalCount: total }));
    const result = runPages(state, 'projects', pages);
    expect(result.requests.map((request) => [request.fromTime, request.offset, request.limit])).toEqual([
      [nowSeconds - backfillDays * 86_400, 0, 100],
      [nowSeconds - backfillDays * 86_400, 100, 100],
      [nowSeconds - backfillDays * 86_400, 200, 100],
    ]);
    expect(result.pending).toBeNull();
    expect(result.run.freshCount).toBe(250);
    // The watermark is the newest second seen, with the ids stored at that second.
    expect(result.state.resources.projects.watermark).toEqual({ time: nowSeconds - 60, idsAtTime: [1] });
    expect(result.state.resources.projects.dueAtMs).toBe(now + cadence.projects.activeMs);
  });

  it('a page size above 100 is never asked for; a short page or an empty one ends the run; threads (no count) page until short', () => {
    const state = initialPollerState(now);
    expect(startRun(state, 'messages', now, 500).request.limit).toBe(100);
    const threads = runPages(state, 'threads', [{ items: items(1, 100, () => 5), totalCount: null }, { items: items(101, 3, () => 4), totalCount: null }]);
    expect(threads.requests.map((request) => request.offset)).toEqual([0, 100]);
    expect(threads.pending).toBeNull();
    const empty = runPages(state, 'messages', [{ items: [], totalCount: 0 }]);
    expect(empty.pending).toBeNull();
    expect(empty.state.resources.messages.watermark).toBeNull();
    // A live list that grows while paging: the shifted item is seen twice, counted once.
    const shifted = runPages(state, 'messages', [
      { items: items(10, 2, () => 100), totalCount: 4 },
      { items: [{ id: 11, time: 100 }, { id: 12, time: 99 }], totalCount: 4 },
    ], now, 2);
    expect(shifted.pending).toBeNull();
    expect(shifted.run.freshCount).toBe(3);
    // An entry too odd to read (it goes to the quarantine) still counts for the offset.
    const withOdd = runPages(state, 'messages', [{ count: 2, items: [{ id: 1, time: 5 }], totalCount: 3 }, { items: [{ id: 3, time: 4 }], totalCount: 3 }], now, 2);
    expect(withOdd.requests.map((request) => request.offset)).toEqual([0, 2]);
    expect(withOdd.pending).toBeNull();
  });

  it('a later run starts from the watermark, inclusively, and counts nothing already stored as fresh', () => {
    const first = runPages(initialPollerState(now), 'messages', [{ items: [{ id: 7, time: 500 }, { id: 6, time: 500 }, { id: 5, time: 400 }], totalCount: 3 }]);
    expect(first.state.resources.messages.watermark).toEqual({ time: 500, idsAtTime: [7, 6] });
    const later = now + cadence.messages.activeMs;
    expect(dueResources(first.state, later - 1)).not.toContain('messages');
    expect(dueResources(first.state, later)).toContain('messages');
    // Nothing new: the inclusive filter repeats the boundary second, which is not fresh; the watermark stays.
    const idle = runPages(first.state, 'messages', [{ items: [{ id: 7, time: 500 }, { id: 6, time: 500 }], totalCount: 2 }], later);
    expect(idle.requests).toEqual([{ resource: 'messages', fromTime: 500, offset: 0, limit: 100 }]);
    expect(idle.run.freshCount).toBe(0);
    expect(idle.state.resources.messages.watermark).toEqual({ time: 500, idsAtTime: [7, 6] });
    expect(idle.state.resources.messages.unchangedRounds).toBe(1);
    // A message in the same second as the watermark is fresh and joins the ids there.
    const sameSecond = runPages(idle.state, 'messages', [{ items: [{ id: 8, time: 500 }, { id: 7, time: 500 }, { id: 6, time: 500 }], totalCount: 3 }], later);
    expect(sameSecond.run.freshCount).toBe(1);
    expect(sameSecond.state.resources.messages.watermark).toEqual({ time: 500, idsAtTime: [7, 6, 8] });
    expect(sameSecond.state.resources.messages.unchangedRounds).toBe(0);
    expect(isFresh({ time: 500, idsAtTime: [7] }, { id: 7, time: 500 })).toBe(false);
    expect(isFresh({ time: 500, idsAtTime: [7] }, { id: 7, time: 501 })).toBe(true);
  });

  it('own bids: the first run lists them all; later runs ask from the watermark on time_submitted, like the rest', () => {
    const first = runPages(initialPollerState(now), 'bids', [{ items: items(1, 3, (index) => 100 - index), totalCount: 3 }]);
    expect(first.requests[0]?.fromTime).toBeNull();
    expect(first.state.resources.bids.watermark).toEqual({ time: 100, idsAtTime: [1] });
    const again = startRun(first.state, 'bids', now + cadence.bids.activeMs);
    expect(again.request).toEqual({ resource: 'bids', fromTime: 100, offset: 0, limit: 100 });
  });
  it('a run cut short leaves the watermark where it was', () => {
    const first = runPages(initialPollerState(now), 'threads', [{ items: [{ id: 1, time: 900 }], totalCount: null }]);
    const { run, request } = startRun(first.state, 'threads', now);
    const halfway = recordPage(run, request, { count: 100, items: items(2, 100, () => 1000), totalCount: null });
    expect(halfway.next?.offset).toBe(100);
    const failed = failRun(first.state, 'threads', { kind: 'network', reason: 'socket hang up' }, now);
    expect(failed.resources.threads.watermark).toEqual({ time: 900, idsAtTime: [1] });
    expect(startRun(failed, 'threads', now).request.fromTime).toBe(900);
  });
});

describe('own bids: decisions', () => {
  /** A bids run through its new-bid pages, then the check the poller plans for it and its end. */
  const bidsRun = (state: PollerState, at: number, open: { id: number; time: number }[], changed = 0, pages: TestPage[] = [{ items: [], totalCount: 0 }]) => {
    const started = startRun(state, 'bids', at);
    let run: RunProgress = started.run;
    let request: PageRequest | null = started.request;
    for (const page of pages) {
      const recorded = recordPage(run, request!, { ...page, count: page.count ?? page.items.length });
      run = recorded.run;
      request = recorded.next;
    }
    const check = planBidCheck(state, run, at, open);
    return { check, run, state: finishBidsRun(state, run, check, changed, at, 'active') };
  };
  const ageSeconds = (days: number) => nowSeconds - days * 86_400;

  it('after the first run (every bid listed) nothing more is read, and the whole list is due again a day later', () => {
    const first = bidsRun(initialPollerState(now), now, [{ id: 1, time: ageSeconds(1) }], 0, [{ items: items(1, 3, () => 100), totalCount: 3 }]);
    expect(first.check).toEqual({ kind: 'none' });
    expect(first.state.bidRescanAtMs).toBe(now + bidRescanMs);
    expect(bidRescanMs).toBe(24 * 3_600_000);
  });

  it('later runs read the open bids of the watch window by id, at most 100 a request, each once; older ones wait for the rescan', () => {
    const synced = bidsRun(initialPollerState(now), now, [], 0, [{ items: items(1, 3, () => 100), totalCount: 3 }]).state;
    const at = now + cadence.bids.activeMs;
    const open = [
      ...items(1000, 250, (index) => ageSeconds(index % 10)),
      { id: 1000, time: ageSeconds(1) },
      { id: 5, time: ageSeconds(bidWatchDays) + 900 },
      { id: 6, time: ageSeconds(bidWatchDays + 1) },
    ];
    const { check, state } = bidsRun(synced, at, open);
    if (check.kind !== 'ids') throw new Error(check.kind);
    expect(check.batches.map((batch) => batch.length)).toEqual([100, 100, 51]);
    const asked = check.batches.flat();
    expect(new Set(asked).size).toBe(asked.length);
    expect(asked).toContain(5);
    expect(asked).not.toContain(6);
    // A check by id leaves the rescan where it was; nothing open, nothing asked.
    expect(state.bidRescanAtMs).toBe(synced.bidRescanAtMs);
    expect(bidsRun(synced, at, []).check).toEqual({ kind: 'ids', batches: [] });
  });

  it('the whole list once the rescan is due (then a day later again); a changed decision counts as news for the cadence', () => {
    const synced = bidsRun(initialPollerState(now), now, [], 0, [{ items: items(1, 3, () => 100), totalCount: 3 }]).state;
    const quiet = bidsRun(synced, now + 60_000, [{ id: 1, time: ageSeconds(0) }]).state;
    expect(quiet.resources.bids.unchangedRounds).toBe(1);
    const decided = bidsRun(quiet, now + 120_000, [{ id: 1, time: ageSeconds(0) }], 1).state;
    expect(decided.resources.bids.unchangedRounds).toBe(0);
    const dayLater = now + bidRescanMs;
    const rescan = bidsRun(decided, dayLater, [{ id: 1, time: ageSeconds(0) }]);
    expect(rescan.check).toEqual({ kind: 'list' });
    expect(rescan.state.bidRescanAtMs).toBe(dayLater + bidRescanMs);
    // A state written before the rescan existed has it at 0: due at once (and its bids' watermark is null: a whole list).
    expect(planBidCheck({ ...synced, bidRescanAtMs: 0 }, startRun(synced, 'bids', now).run, now, []).kind).toBe('list');
  });

  it('a plain list pages until a short page or total_count', () => {
    expect(nextListOffset(0, 100, 100, 250)).toBe(100);
    expect(nextListOffset(200, 100, 50, 250)).toBeNull();
    expect(nextListOffset(100, 100, 100, 200)).toBeNull();
    expect(nextListOffset(0, 100, 100, null)).toBe(100);
    expect(nextListOffset(0, 100, 0, null)).toBeNull();
  });
});

describe('cadence', () => {
  it('messages about every minute while active, every few minutes when idle; quiet streaks slow it down, news restores it', () => {
    let state = initialPollerState(now);
    const quiet = (at: number) => {
      const { run } = startRun(state, 'messages', at);
      return finishRun(state, run, at, 'active');
    };
    state = quiet(now);
    expect(state.resources.messages.dueAtMs - now).toBe(cadence.messages.activeMs);
    for (let round = 1; round < quietRounds; round += 1) state = quiet(now);
    expect(state.resources.messages.unchangedRounds).toBe(quietRounds);
    expect(state.resources.messages.dueAtMs - now).toBe(cadence.messages.activeMs * 2);
    const news = runPages(state, 'messages', [{ items: [{ id: 99, time: 1 }], totalCount: 1 }]);
    expect(news.state.resources.messages.dueAtMs - now).toBe(cadence.messages.activeMs);
    const { run } = startRun(state, 'projects', now);
    expect(finishRun(state, run, now, 'idle').resources.projects.dueAtMs - now).toBe(cadence.projects.idleMs);
    expect(cadence.messages.activeMs).toBe(60_000);
    expect(cadence.projects.activeMs).toBeLessThanOrEqual(5 * 60_000);
  });

  it('nextDueAtMs is the earliest due resource, never before a pause, null when signed out', () => {
    const state = runPages(initialPollerState(now), 'projects', [{ items: [], totalCount: 0 }]).state;
    expect(nextDueAtMs(state)).toBe(now);
    const paused = failRun(state, 'messages', { kind: 'rate_limited', retryAfterMs: 90_000 }, now);
    expect(nextDueAtMs(paused)).toBe(now + 90_000);
    expect(nextDueAtMs(failRun(state, 'messages', { kind: 'auth', status: 401, errorCode: null, message: 'x' }, now))).toBeNull();
  });
});

describe('errors', () => {
  it('429 with Retry-After pauses the whole account for that long; without one, the wait doubles up to a cap', () => {
    const state = initialPollerState(now);
    const limited = failRun(state, 'projects', { kind: 'rate_limited', retryAfterMs: 120_000 }, now);
    expect(limited.pausedUntilMs).toBe(now + 120_000);
    expect(dueResources(limited, now + 119_999)).toEqual([]);
    expect(dueResources(limited, now + 120_000)).toEqual(['bids', 'threads', 'messages']);
    expect(limited.resources.projects.dueAtMs).toBe(now + cadence.projects.activeMs);
    let unlimited = state;
    const pauses: number[] = [];
    for (let attempt = 0; attempt < 8; attempt += 1) {
      unlimited = failRun(unlimited, 'messages', { kind: 'rate_limited', retryAfterMs: null }, now);
      pauses.push(unlimited.pausedUntilMs - now);
    }
    expect(pauses.slice(0, 4)).toEqual([120_000, 240_000, 480_000, 960_000]);
    expect(Math.max(...pauses)).toBe(maxBackoffMs);
  });

  it('5xx and network errors back off (503 Retry-After at least); refusals wait the idle interval; success resets', () => {
    const state = initialPollerState(now);
    const server = failRun(state, 'messages', { kind: 'server', status: 503, retryAfterMs: 600_000 }, now);
    expect(server.resources.messages.dueAtMs).toBe(now + 600_000);
    expect(server.pausedUntilMs).toBe(0);
    const twice = failRun(failRun(state, 'messages', { kind: 'network', reason: 'x' }, now), 'messages', { kind: 'network', reason: 'x' }, now);
    expect(twice.resources.messages.dueAtMs).toBe(now + 4 * cadence.messages.activeMs);
    const refused = failRun(state, 'threads', { kind: 'refused', status: 400, errorCode: 'X', message: 'bad' }, now);
    expect(refused.resources.threads.dueAtMs).toBe(now + cadence.threads.idleMs);
    const { run } = startRun(twice, 'messages', now);
    expect(finishRun(twice, run, now, 'active').resources.messages.failures).toBe(0);
  });

  it('401/403 sign the account out: nothing is due until it signs in again, watermarks kept', () => {
    const synced = runPages(initialPollerState(now), 'messages', [{ items: [{ id: 1, time: 50 }], totalCount: 1 }]).state;
    const out = failRun(synced, 'messages', { kind: 'auth', status: 401, errorCode: 'RestExceptionCodes.NOT_AUTHENTICATED', message: 'You must be logged in' }, now);
    expect(out.signedOut).toBe(true);
    expect(dueResources(out, now + 24 * 3_600_000)).toEqual([]);
    const back = resumeAfterSignIn(out, now + 1000);
    expect(dueResources(back, now + 1000)).toEqual(['projects', 'bids', 'threads', 'messages']);
    expect(back.resources.messages.watermark).toEqual({ time: 50, idsAtTime: [1] });
  });
});
