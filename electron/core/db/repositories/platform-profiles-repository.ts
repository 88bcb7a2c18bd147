import type { AccountId } from '../../../../shared/domain/accounts';
import type { PlatformProfileView } from '../../../../shared/contract/portfolio';
import { prepare, type ReadableDB, type WritableDB } from '../database';

/**
 * Each account's profile and portfolio as its platform shows them (schema v20): read-only, replaced whole on every
 * read, never mixed into the profile and portfolio the user writes here.
 */

export type PlatformPortfolioItem = PlatformProfileView['portfolio'][number];

export type PlatformProfileRow = {
  accountId: AccountId;
  platformUserId: string;
  name: string;
  username: string | null;
  tagline: string;
  description: string;
  hourlyRateMinor: number | null;
  currency: string | null;
  country: string | null;
  city: string | null;
  skills: readonly string[];
  portfolio: readonly PlatformPortfolioItem[];
  raw: unknown;
  fetchedAt: string;
};

/** Replaces the account's platform profile; the same reading again changes nothing (an idle read writes nothing). Call inside a transaction. */
export const writePlatformProfile = (db: WritableDB, row: PlatformProfileRow): boolean => {
  const raw = JSON.stringify(row.raw ?? null);
  const same = prepare(db, 'SELECT 1 FROM platform_profiles WHERE account_id = ? AND raw = ?').get(row.accountId, raw);
  if (same) return false;
  prepare(
    db,
    `INSERT INTO platform_profiles (account_id, platform_user_id, name, username, tagline, description, hourly_rate_minor, currency, country, city,
       skills, portfolio, raw, fetched_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (account_id) DO UPDATE SET platform_user_id = excluded.platform_user_id, name = excluded.name, username = excluded.username,
       tagline = excluded.tagline, description = excluded.description, hourly_rate_minor = excluded.hourly_rate_minor, currency = excluded.currency,
       country = excluded.country, city = excluded.city, skills = excluded.skills, portfolio = excluded.portfolio, raw = excluded.raw,
       fetched_at = excluded.fetched_at`,
  ).run(
    row.accountId,
    row.platformUserId,
    row.name,
    row.username,
    row.tagline,
    row.description,
    row.hourlyRateMinor,
    row.currency,
    row.country,
    row.city,
    JSON.stringify(row.skills),
    JSON.stringify(row.portfolio),
    raw,
    row.fetchedAt,
  );
  return true;
};

type Stored = Omit<PlatformProfileView, 'skills' | 'portfolio'> & { skills: string; portfolio: string };

/** Every account's platform profile, in the accounts' order, with the account's label and platform for the badge. */
export const listPlatformProfiles = (db: ReadableDB): PlatformProfileView[] =>
  (
    prepare(
      db,
      `SELECT p.account_id AS accountId, a.platform AS platform, a.label AS accountLabel, p.platform_user_id AS platformUserId, p.name AS name,
         p.username AS username, p.tagline AS tagline, p.description AS description, p.hourly_rate_minor AS hourlyRateMinor, p.currency AS currency,
         p.country AS country, p.city AS city, p.skills AS skills, p.portfolio AS portfolio, p.fetched_at AS fetchedAt
       FROM platform_profiles p JOIN accounts a ON a.id = p.account_id ORDER BY a.position, a.created_at`,
    ).all() as Stored[]
  ).map((row) => ({ ...row, skills: JSON.parse(row.skills) as string[], portfolio: JSON.parse(row.portfolio) as PlatformPortfolioItem[] }));
