import { accountBadgeSchema, type AccountBadge } from '../../../../shared/domain/accounts';
import { prepare, type ReadableDB } from '../database';

/**
 * Every account's badge (platform and label) by id, read once per list: a workspace has a handful of accounts,
 * so a list maps its rows' account_id through this instead of joining accounts into every list query.
 */
export const readAccountBadges = (db: ReadableDB): Map<string, AccountBadge> =>
  new Map(
    (prepare(db, 'SELECT id, platform, label FROM accounts').all() as unknown[]).map((row) => {
      const badge = accountBadgeSchema.parse(row);
      return [badge.id, badge];
    }),
  );

/** The badge of a row's account; null for a record no account brought (a local draft) or of a removed one. */
export const badgeOf = (badges: ReadonlyMap<string, AccountBadge>, accountId: string | null): AccountBadge | null =>
  accountId === null ? null : (badges.get(accountId) ?? null);

/** `column IN (?, …)` for a list filtered by account, or nothing when it is not. Values are bound, never spliced. */
export const accountFilterClause = (column: string, accountIds: readonly string[]): { sql: string; params: string[] } | null =>
  accountIds.length === 0 ? null : { sql: `${column} IN (${accountIds.map(() => '?').join(', ')})`, params: [...accountIds] };
