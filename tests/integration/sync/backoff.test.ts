import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SyncStatus } from '../../../shared/contract/sync';
import { enqueueWrite } from '../../../electron/core/sync/writes/enqueue-write';
import { retryLimits } from '../../../electron/core/sync/retry-policy';
import { emptyPage, json, startStubService, type StubRequest } from '../../support/stub-platform';
import { useTempDirs } from '../../support/temp-dir';

const makeTempDir = useTempDirs();
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
  vi.useRealTimers();
});

const start = async (answer: Parameters<typeof startStubService>[1]) => {
  // The longest wait the jitter allows, so each wait is the backoff's ceiling for its attempt.
  const stub = await startStubService(makeTempDir(), answer, { random: () => 0.999 });
  cleanups.push(() => stub.db.close(), () => stub.service.stop());
  return stub;
};

const gaps = (requests: StubRequest[]): number[] => requests.slice(1).map((r, i) => r.at - requests[i]!.at);
const same = (a: SyncStatus, b: SyncStatus): boolean => JSON.stringify(a) === JSON.stringify(b);

describe('the sync service while the platform is down', () => {
  it('waits longer after every failed round (pull and push), capped; realtime reconnects do not skip the wait; status events only on change', async () => {
    let down = true;
    const { db, service, requests, events } = await start((request) => {
      if (down) return new TypeError('fetch failed');
      if (request.path === '/v1/changes') return emptyPage();
      if (request.path === '/v1/events') return json(503, { error: 'unavailable' });
      return json(200, {});
    });
    // A write waiting to be pushed: every round sends it first.
    db.transaction(() => enqueueWrite(db, { entityType: 'thread', entityId: 'thr_1', op: 'mark_thread_read', payload: { threadId: 'thr_1' }, now: new Date() })).immediate();

    await service.start();
    await vi.advanceTimersByTimeAsync(60_000);
    const pulls = requests.filter((r) => r.path === '/v1/changes');
    const pushes = requests.filter((r) => r.path === '/v1/threads/thr_1/read');
    // Waits of 0.5, 1, 2, 4, 8, 16 and 32 s: seven rounds in the first minute (the old loop made 120).
    expect(pulls.length).toBeGreaterThanOrEqual(6);
    expect(pulls.length).toBeLessThanOrEqual(8);
    expect(pushes).toHaveLength(pulls.length);
    for (const [i, gap] of gaps(pulls).entries()) {
      expect(gap).toBeGreaterThanOrEqual(Math.floor(retryLimits.baseMs * 2 ** i * 0.999));
      expect(gap).toBeLessThan(retryLimits.baseMs * 2 ** i + 50);
    }
    // Realtime reconnects (their own growing backoff) in the meantime: none of them started a round.
    expect(requests.filter((r) => r.path === '/v1/events').length).toBeGreaterThan(1);
    // A few events per round (syncing, offline, waiting), never one that repeats the last.
    expect(events.length).toBeLessThanOrEqual(3 * pulls.length + 2);
    for (let i = 1; i < events.length; i++) expect(same(events[i - 1]!, events[i]!)).toBe(false);
    expect(events.at(-1)).toMatchObject({ phase: 'waiting', connection: 'offline', pending: 1 });

    // Local writes while waiting are counted, not sent before the wait is over.
    const before = requests.length;
    db.transaction(() => enqueueWrite(db, { entityType: 'thread', entityId: 'thr_2', op: 'mark_thread_read', payload: { threadId: 'thr_2' }, now: new Date() })).immediate();
    service.notifyLocalWrite();
    await vi.advanceTimersByTimeAsync(10);
    expect(requests.length).toBe(before);
    expect(events.at(-1)).toMatchObject({ pending: 2 });
    // Told again with nothing new: no event (each one makes every list re-read).
    const told = events.length;
    service.notifyLocalWrite();
    expect(events).toHaveLength(told);

    // Hours later the waits stop growing at the cap.
    await vi.advanceTimersByTimeAsync(3 * 3600_000);
    const later = requests.filter((r) => r.path === '/v1/changes');
    expect(Math.max(...gaps(later))).toBeLessThanOrEqual(retryLimits.capMs);
    expect(later.length).toBeLessThan(pulls.length + (3 * 3600_000) / (retryLimits.capMs * 0.99) + 2);

    // The platform is back: the next round succeeds, and the count starts over.
    down = false;
    await vi.advanceTimersByTimeAsync(retryLimits.capMs);
    expect(service.status()).toMatchObject({ phase: 'idle', connection: 'online', lastError: null });
    down = true;
    service.syncNow();
    await vi.advanceTimersByTimeAsync(5_000);
    const again = requests.filter((r) => r.path === '/v1/changes').slice(-4);
    expect(gaps(again)).toEqual([Math.floor(retryLimits.baseMs * 0.999), Math.floor(retryLimits.baseMs * 2 * 0.999), Math.floor(retryLimits.baseMs * 4 * 0.999)].map((g) => expect.closeTo(g, -2)));
  });
});
