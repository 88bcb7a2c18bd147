import { createHash } from 'node:crypto';
import type { UpdateChannel, UpdateFailure } from '../../../shared/contract/updates';

/** Pure decisions around electron-updater: versions, channels, rollout buckets, retries, error kinds. */

type ParsedVersion = { core: [number, number, number]; pre: string[] };

const versionPattern = /^v?(\d{1,9})\.(\d{1,9})\.(\d{1,9})(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export const parseVersion = (version: string): ParsedVersion | undefined => {
  const match = versionPattern.exec(version.trim());
  if (!match) return undefined;
  return {
    core: [Number(match[1]), Number(match[2]), Number(match[3])],
    pre: match[4] ? match[4].split('.') : [],
  };
};

const comparePre = (a: string[], b: string[]): number => {
  // A release ranks above any of its pre-releases (1.2.0 > 1.2.0-beta.3).
  if (a.length === 0 || b.length === 0) return b.length - a.length;
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const left = a[index];
    const right = b[index];
    if (left === undefined) return -1;
    if (right === undefined) return 1;
    if (left === right) continue;
    const leftNumeric = /^\d+$/.test(left);
    const rightNumeric = /^\d+$/.test(right);
    if (leftNumeric && rightNumeric) return Number(left) - Number(right);
    if (leftNumeric !== rightNumeric) return leftNumeric ? -1 : 1;
    return left < right ? -1 : 1;
  }
  return 0;
};

/** Semantic-version order: negative, zero or positive; undefined when either is not a version. */
export const compareVersions = (a: string, b: string): number | undefined => {
  const left = parseVersion(a);
  const right = parseVersion(b);
  if (!left || !right) return undefined;
  for (let index = 0; index < 3; index++) {
    const difference = left.core[index]! - right.core[index]!;
    if (difference !== 0) return Math.sign(difference);
  }
  return Math.sign(comparePre(left.pre, right.pre));
};

/** Never downgrade: only a strictly newer, well-formed version is an update, whatever the channel. */
export const isUpgrade = (offered: string, current: string): boolean => (compareVersions(offered, current) ?? 0) > 0;

/** The feed file electron-updater reads: `latest.yml` for stable, `beta.yml` for beta (per OS suffix added by it). */
export const feedChannelFor = (channel: UpdateChannel): 'latest' | 'beta' => (channel === 'beta' ? 'beta' : 'latest');

/**
 * The installation's staged-rollout bucket, 0–99: derived from a random id created once per
 * installation, so the same machine stays in or out of a rollout across restarts and checks.
 */
export const rolloutBucket = (installationId: string): number =>
  createHash('sha256').update(`bottega-rollout:${installationId}`).digest().readUInt32BE(0) % 100;

/**
 * Whether this installation takes a release published with `stagingPercentage`. No percentage means
 * a full rollout; a value that is not a number is read as a full rollout too (as electron-updater does).
 */
export const isWithinRollout = (stagingPercentage: unknown, installationId: string): boolean => {
  if (stagingPercentage === undefined || stagingPercentage === null) return true;
  const percentage = typeof stagingPercentage === 'number' ? stagingPercentage : Number.parseInt(String(stagingPercentage), 10);
  if (!Number.isFinite(percentage)) return true;
  return rolloutBucket(installationId) < Math.min(100, Math.max(0, percentage));
};

export type RetryPolicy = {
  baseDelayMs: number;
  maxDelayMs: number;
  /** Consecutive failures retried quickly; after that, wait for the next regular check (no crash loop). */
  maxRetries: number;
};

export const defaultRetryPolicy: RetryPolicy = { baseDelayMs: 60_000, maxDelayMs: 30 * 60_000, maxRetries: 5 };

/** Delay before retry number `attempt` (1-based): exponential, capped, with jitter in [50 %, 100 %]; null once retries are used up. */
export const retryDelayMs = (attempt: number, random: number, policy: RetryPolicy = defaultRetryPolicy): number | null => {
  if (attempt > policy.maxRetries) return null;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling * (0.5 + 0.5 * Math.min(1, Math.max(0, random))));
};

export const updateSchedule = {
  /** First check shortly after start, so it does not compete with opening the workspace. */
  startupDelayMs: 30_000,
  /** Then every four hours. */
  intervalMs: 4 * 60 * 60_000,
} as const;

const read = (value: unknown, key: string): unknown =>
  value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;

/** What the user is told about a failure; the raw error goes to the log only. */
export const classifyUpdateError = (error: unknown): UpdateFailure => {
  const code = String(read(error, 'code') ?? '');
  const message = String(read(error, 'message') ?? error ?? '');
  const status = Number(read(error, 'statusCode'));
  if (/SIGNATURE|CHECKSUM|SHA512|sha512 checksum mismatch/i.test(`${code} ${message}`)) return 'integrity';
  if (/^(ENOSPC|EACCES|EPERM|EROFS)$/.test(code)) return 'disk';
  if (/^(ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH)$/.test(code) || /net::ERR_(INTERNET_DISCONNECTED|NAME_NOT_RESOLVED|CONNECTION|NETWORK|TIMED_OUT)/.test(message)) {
    return 'offline';
  }
  if ((Number.isInteger(status) && status >= 400) || /HttpError: \d{3}/.test(message)) return 'server';
  return 'unknown';
};
