/** How long to wait before trying the platform again, from what it said and how often we failed. */

export const retryLimits = {
  baseMs: 500,
  capMs: 5 * 60_000,
  /** A Retry-After beyond this is treated as this: a wrong server clock must not park sync for days. */
  maxRetryAfterMs: 15 * 60_000,
  minRetryAfterMs: 250,
} as const;

/** Exponential backoff with full jitter (AWS architecture blog): spreads retries, caps the wait. */
export const backoffDelay = (attempt: number, random: () => number = Math.random): number => {
  const ceiling = Math.min(retryLimits.capMs, retryLimits.baseMs * 2 ** Math.max(0, Math.min(attempt, 30)));
  return Math.floor(random() * ceiling);
};

const clampRetryAfter = (ms: number): number =>
  Math.min(retryLimits.maxRetryAfterMs, Math.max(retryLimits.minRetryAfterMs, ms));

/**
 * Retry-After as delta-seconds or as an HTTP date. A date is read against the response's own Date header
 * (the server's clock), never against ours, so a local clock that is off changes nothing. Zero, negative,
 * past and absurd values are clamped; garbage gives null (the caller backs off instead).
 */
export const parseRetryAfter = (value: string | null, responseDate: string | null): number | null => {
  if (value === null) return null;
  const text = value.trim();
  if (/^-?\d+(\.\d+)?$/.test(text)) return clampRetryAfter(Number(text) * 1000);
  const until = Date.parse(text);
  if (Number.isNaN(until)) return null;
  const serverNow = responseDate === null ? Number.NaN : Date.parse(responseDate);
  if (Number.isNaN(serverNow)) return clampRetryAfter(retryLimits.minRetryAfterMs);
  return clampRetryAfter(until - serverNow);
};
