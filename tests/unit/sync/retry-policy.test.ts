import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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
