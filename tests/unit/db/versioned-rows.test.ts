import { describe, expect, it } from 'vitest';
import { toUtc } from '../../../electron/core/db/repositories/versioned-rows';

describe('toUtc', () => {
  it('stores every instant as the same UTC text with milliseconds as Date would, the platform’s own form without a Date', () => {
    let seed = 20261124;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const samples: string[] = [];
    for (let i = 0; i < 2000; i++) {
      // 1970–2100, leap days and the last millisecond of a year included by chance.
      const iso = new Date(Math.floor(random() * 4_102_444_800_000)).toISOString();
      samples.push(iso, iso.replace(/\.\d{3}Z$/, 'Z'), iso.replace('Z', '+02:00'), iso.replace(/\.(\d)\d\dZ$/, '.$1Z'));
    }
    samples.push('2024-02-29T23:59:59Z', '1999-12-31T23:59:59.999Z', '2020-08-11T22:01:07-11:30');
    for (const instant of samples) expect(toUtc(instant), instant).toBe(new Date(instant).toISOString());
  });
});
