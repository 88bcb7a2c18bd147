import { termsSchema } from '../../../shared/platform/terms';
import type { WritableDB } from '../db/database';
import type { AccountId } from '../../../shared/domain/accounts';
import { readAccountValue, writeAccountValue } from '../db/repositories/sync-state-repository';
import type { PlatformClient } from './platform-client';

/** Terms change rarely: read them after a pull at most this often. */
export const termsRefreshMs = 6 * 3_600_000;

/**
 * Reads the platform's terms (its fee on proposals) and keeps them, per account, for offline use. Before the first read the
 * proposal editor shows the usual fee and says so; an answer that breaks the contract is ignored, never stored.
 */
export const refreshTerms = async (
  db: WritableDB,
  client: PlatformClient,
  options: { accountId: AccountId; signal?: AbortSignal; now?: Date },
): Promise<'fresh' | 'updated' | 'failed'> => {
  const { accountId } = options;
  const now = options.now ?? new Date();
  const fetchedAt = readAccountValue(db, accountId, 'terms_fetched_at');
  if (fetchedAt !== null && now.getTime() - Date.parse(fetchedAt) < termsRefreshMs) return 'fresh';
  const result = await client.send({ method: 'GET', path: '/v1/terms', ...(options.signal ? { signal: options.signal } : {}) });
  if (result.kind !== 'ok') return 'failed';
  const terms = termsSchema.safeParse(result.body);
  if (!terms.success) return 'failed';
  db.transaction(() => {
    writeAccountValue(db, accountId, 'platform_fee_percent', String(terms.data.proposal_fee_percent));
    writeAccountValue(db, accountId, 'terms_fetched_at', now.toISOString());
  }).immediate();
  return 'updated';
};
