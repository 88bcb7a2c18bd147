import { type BidConfirmation, bidTermsOf, type ConfirmedBid, matchesConfirmation } from '../../../shared/domain/bid-confirmation';
import type { ReadableDB } from '../db/database';
import { readProjectPlatform } from '../db/repositories/connector-records-repository';
import type { toPlatformFields } from './client-view';

type Fields = ReturnType<typeof toPlatformFields>;

/** Whether a bid on this project may leave only with the user's confirmation: its platform forbids automatic bids. */
// The project's account says; its id namespace (connectors/freelancer/ids.ts) as well, so a Freelancer project is
// gated even with no account stamped on it.
export const bidNeedsConfirmation = (db: ReadableDB, projectId: string): boolean =>
  projectId.startsWith('prj_fl-') || readProjectPlatform(db, projectId) === 'freelancer';

export type ConfirmationCheck = { ok: true; confirmed: ConfirmedBid | null } | { ok: false; problem: { code: 'confirmation_required' | 'confirmation_mismatch' } };

/**
 * A first submit to a platform that forbids automatic bids needs the terms the user confirmed, exactly those
 * that would be sent; they travel with the queued write (the connector checks them again before sending).
 * Elsewhere a confirmation, when given, must match as well: it never goes stale silently.
 */
export const checkBidConfirmation = (
  db: ReadableDB,
  projectId: string,
  fields: Fields,
  confirmation: BidConfirmation | undefined,
  now: Date,
): ConfirmationCheck => {
  if (confirmation === undefined) {
    return bidNeedsConfirmation(db, projectId) ? { ok: false, problem: { code: 'confirmation_required' } } : { ok: true, confirmed: null };
  }
  if (!matchesConfirmation(confirmation, bidTermsOf(fields))) return { ok: false, problem: { code: 'confirmation_mismatch' } };
  return { ok: true, confirmed: { ...confirmation, confirmedAt: now.toISOString() } };
};
