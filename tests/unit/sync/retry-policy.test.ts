import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPlatformClient } from '../../../electron/core/sync/platform-client';
import { backoffDelay, parseRetryAfter, retryLimits } from '../../../electron/core/sync/retry-policy';

describe('backoff', () => {
  it('grows exponentially, jittered below the ceiling, capped', () => {
    expect(backoffDelay(0, () => 0.999)).toBe(499);
    expect(backoffDelay(3, () => 0.5)).toBe(2000);
    expect(backoffDelay(40, () => 0.999)).toBeLessThan(retryLimits.capMs);
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 1000 }), fc.double({ min: 0, max: 0.9999999, noNaN: true }), (attempt, r) => {
        const delay = backoffDelay(attempt, () => r);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThan(retryLimits.capMs);
      }),
    );
  });
});

describe('the backoff the platform client asks for', () => {
  // What production passes: the sync service sends every request of a round as the number of rounds that
  // failed before it (tests/integration/sync/backoff.test.ts checks the service counts them).
  const failing = (answer: () => Response | Error) =>
    createPlatformClient({
      baseUrl: 'http://127.0.0.1:9',
      tokens: { getAccessToken: () => Promise.resolve('t'), refresh: () => Promise.resolve({ kind: 'refreshed' as const }) },
      random: () => 0.999,
      fetch: (() => {
        const result = answer();
        return result instanceof Error ? Promise.reject(result) : Promise.resolve(result);
      }) as typeof fetch,
    });

  it('doubles with each failed attempt, for a refused connection, a 5xx and a 503 without Retry-After, up to the cap', async () => {
    for (const answer of [() => new TypeError('fetch failed'), () => new Response('', { status: 502 }), () => new Response('', { status: 503 })]) {
      const client = failing(answer);
      const delays: number[] = [];
      for (let attempt = 0; attempt < 14; attempt++) {
        const result = await client.send({ method: 'GET', path: '/v1/changes' }, attempt);
        expect(result.kind).toBe('retry');
        delays.push(result.kind === 'retry' ? result.delayMs : -1);
      }
      expect(delays.slice(0, 4)).toEqual([499, 999, 1998, 3996]);
      expect(delays.at(-1)).toBe(Math.floor(retryLimits.capMs * 0.999));
      for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(delays[i - 1]!);
    }
  });

  it('takes the server’s Retry-After over its own count', async () => {
    const client = failing(() => new Response('', { status: 429, headers: { 'retry-after': '7' } }));
    await expect(client.send({ method: 'GET', path: '/v1/changes' }, 9)).resolves.toMatchObject({ kind: 'retry', delayMs: 7000 });
  });
});

describe('Retry-After', () => {
  const date = 'Mon, 23 Nov 2026 12:00:00 GMT';
  it('reads seconds', () => {
    expect(parseRetryAfter('3', date)).toBe(3000);
    expect(parseRetryAfter(' 120 ', null)).toBe(120_000);
  });

  it('reads an HTTP date against the server’s own clock, not ours', () => {
    expect(parseRetryAfter('Mon, 23 Nov 2026 12:00:30 GMT', date)).toBe(30_000);
  });

  it('clamps zero, negative, past and absurd values', () => {
    expect(parseRetryAfter('0', date)).toBe(retryLimits.minRetryAfterMs);
    expect(parseRetryAfter('-30', date)).toBe(retryLimits.minRetryAfterMs);
    expect(parseRetryAfter('Mon, 23 Nov 2026 11:00:00 GMT', date)).toBe(retryLimits.minRetryAfterMs);
    expect(parseRetryAfter('99999999', date)).toBe(retryLimits.maxRetryAfterMs);
    expect(parseRetryAfter('Fri, 01 Jan 2100 00:00:00 GMT', date)).toBe(retryLimits.maxRetryAfterMs);
  });

  it('gives up on garbage so the caller backs off', () => {
    expect(parseRetryAfter('soon', date)).toBeNull();
    expect(parseRetryAfter(null, date)).toBeNull();
    fc.assert(
      fc.property(fc.string(), fc.option(fc.string(), { nil: null }), (value, responseDate) => {
        const ms = parseRetryAfter(value, responseDate);
        if (ms !== null) {
          expect(ms).toBeGreaterThanOrEqual(retryLimits.minRetryAfterMs);
          expect(ms).toBeLessThanOrEqual(retryLimits.maxRetryAfterMs);
        }
      }),
    );
  });
});
