import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  classifyUpdateError,
  compareVersions,
  feedChannelFor,
  isUpgrade,
  isWithinRollout,
  retryDelayMs,
  rolloutBucket,
} from '../../../../electron/main/updates/update-policy';

describe('compareVersions and isUpgrade', () => {
  it.each([
    ['1.0.1', '1.0.0', 1],
    ['1.10.0', '1.9.9', 1],
    ['2.0.0', '10.0.0', -1],
    ['1.2.0', '1.2.0-beta.3', 1],
    ['1.2.0-beta.10', '1.2.0-beta.9', 1],
    ['1.2.0-beta.1', '1.2.0-alpha.7', 1],
    ['1.2.0-beta', '1.2.0-beta.1', -1],
    ['1.2.0-1', '1.2.0-beta', -1],
    ['v1.2.3', '1.2.3', 0],
    ['1.2.3+build.5', '1.2.3', 0],
  ])('%s vs %s → %i', (a, b, expected) => expect(compareVersions(a, b)).toBe(expected));

  it.each(['', 'latest', '1.2', '1.2.3.4', '01.2.3x', '../1.2.3', '1.2.3-'])('rejects %j as a version', (bad) => {
    expect(compareVersions(bad, '1.0.0')).toBeUndefined();
    expect(isUpgrade(bad, '1.0.0')).toBe(false);
  });

  it('never calls an equal or older version an upgrade (property)', () => {
    const part = fc.integer({ min: 0, max: 50 });
    const version = fc.tuple(part, part, part).map(([a, b, c]) => `${a}.${b}.${c}`);
    fc.assert(
      fc.property(version, version, (a, b) => {
        expect(isUpgrade(a, b) && isUpgrade(b, a)).toBe(false);
        if (a === b) expect(isUpgrade(a, b)).toBe(false);
        expect(compareVersions(a, b)).toBe(-(compareVersions(b, a) ?? 0) || 0);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('channels and rollouts', () => {
  it('maps channels to feed files', () => {
    expect(feedChannelFor('stable')).toBe('latest');
    expect(feedChannelFor('beta')).toBe('beta');
  });

  it('gives every installation one stable bucket in 0–99', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (id) => {
        const bucket = rolloutBucket(id);
        expect(bucket).toBe(rolloutBucket(id));
        expect(Number.isInteger(bucket) && bucket >= 0 && bucket < 100).toBe(true);
      }),
    );
  });

  it('spreads installations over the buckets', () => {
    const buckets = new Set(Array.from({ length: 2000 }, (_, index) => rolloutBucket(`id-${index}`)));
    expect(buckets.size).toBe(100);
  });

  it('takes a release when the bucket is below the staging percentage', () => {
    const id = 'install-1';
    const bucket = rolloutBucket(id);
    expect(isWithinRollout(bucket, id)).toBe(false);
    expect(isWithinRollout(bucket + 1, id)).toBe(true);
    expect(isWithinRollout(String(bucket + 1), id)).toBe(true);
    expect(isWithinRollout(0, id)).toBe(false);
    expect(isWithinRollout(100, id)).toBe(true);
    expect(isWithinRollout(undefined, id)).toBe(true);
    expect(isWithinRollout(null, id)).toBe(true);
    expect(isWithinRollout('n/a', id)).toBe(true);
  });

  it('rolls out to roughly the published share of installations', () => {
    const ids = Array.from({ length: 4000 }, (_, index) => `machine-${index}`);
    const share = ids.filter((id) => isWithinRollout(25, id)).length / ids.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.3);
  });
});

describe('retryDelayMs', () => {
  it('backs off exponentially up to a cap, with jitter between half and all of it', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelayMs(attempt, 1))).toEqual([60_000, 120_000, 240_000, 480_000, 960_000]);
    expect(retryDelayMs(1, 0)).toBe(30_000);
    expect(retryDelayMs(3, 0.5)).toBe(180_000);
    expect(retryDelayMs(5, 1, { baseDelayMs: 60_000, maxDelayMs: 100_000, maxRetries: 9 })).toBe(100_000);
  });

  it('stops quick retries after the last one', () => {
    expect(retryDelayMs(6, 1)).toBeNull();
  });

  it('stays within bounds for any random value (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.double({ noNaN: true }), (attempt, random) => {
        const delay = retryDelayMs(attempt, random)!;
        expect(delay).toBeGreaterThanOrEqual(30_000);
        expect(delay).toBeLessThanOrEqual(30 * 60_000);
      }),
    );
  });
});

describe('classifyUpdateError', () => {
  it.each([
    [Object.assign(new Error('sha512 checksum mismatch, expected x, got y'), { code: 'ERR_CHECKSUM_MISMATCH' }), 'integrity'],
    [Object.assign(new Error('New version is not signed by the application owner'), { code: 'ERR_UPDATER_INVALID_SIGNATURE' }), 'integrity'],
    [Object.assign(new Error('getaddrinfo ENOTFOUND updates.example'), { code: 'ENOTFOUND' }), 'offline'],
    [new Error('net::ERR_INTERNET_DISCONNECTED'), 'offline'],
    [Object.assign(new Error('HttpError: 503 Service Unavailable'), { statusCode: 503 }), 'server'],
    [Object.assign(new Error('no space left on device'), { code: 'ENOSPC' }), 'disk'],
    [new Error('something odd'), 'unknown'],
    ['a string', 'unknown'],
    [null, 'unknown'],
  ])('%s → %s', (error, reason) => expect(classifyUpdateError(error)).toBe(reason));
});
