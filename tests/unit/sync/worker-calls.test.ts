import { describe, expect, it } from 'vitest';
import { startWorkerCalls } from '../../../electron/core/sync/worker-calls';

const echo = new URL('../../support/workers/echo-worker.mjs', import.meta.url);
type Request = { text: string; delayMs?: number };

describe('worker calls', () => {
  it('answers each call with its own answer, in whatever order they come back', async () => {
    const stops: string[] = [];
    const calls = startWorkerCalls<Request, string>(echo, { limits: {}, name: 'echo', stopped: (reason) => stops.push(reason) });
    if ('failed' in calls) throw new Error(calls.failed);
    try {
      expect(await Promise.all([calls.call({ text: 'slow', delayMs: 50 }), calls.call({ text: 'fast' })])).toEqual(['SLOW', 'FAST']);
      expect(calls.running).toBe(true);
    } finally {
      calls.close();
    }
    // Closed on purpose: no stop reported, and later calls answer null at once.
    expect(calls.running).toBe(false);
    expect(await calls.call({ text: 'late' })).toBeNull();
    expect(stops).toEqual([]);
  });

  it('answers the calls still waiting with null when the worker exits, and says why once', async () => {
    const stops: string[] = [];
    const calls = startWorkerCalls<Request, string>(echo, { limits: {}, name: 'echo', stopped: (reason) => stops.push(reason) });
    if ('failed' in calls) throw new Error(calls.failed);
    const waiting = calls.call({ text: 'never', delayMs: 10_000 });
    expect(await calls.call({ text: 'exit' })).toBeNull();
    expect(await waiting).toBeNull();
    expect(calls.running).toBe(false);
    expect(stops).toEqual(['the echo worker exited (3)']);
  });

  it('says the worker is missing when the build has no such file', () => {
    const calls = startWorkerCalls(new URL('file:///nonexistent/out/main/echo-worker.js'), { limits: {}, name: 'echo', stopped: () => undefined });
    expect(calls).toEqual({ failed: 'no echo worker at /nonexistent/out/main/echo-worker.js', missing: true });
  });
});
