/**
 * Exactly once without idempotency keys. Freelancer has none: a message or bid whose answer was lost (a dropped
 * connection, a timeout, a cut body: the client's `network` error) may or may not have been stored. Before it is
 * sent again, the connector looks for it and adopts what it finds:
 *
 * - a message: the signed-in user's message in that thread with the same text, created no earlier than the
 *   attempt began (less the clock skew allowed), and not already adopted by another outbox entry;
 * - a bid: the user's open bid on that project (one per user and project; a second one is refused anyway).
 *
 * The window that remains: the same text sent on purpose twice to one thread, the first attempt's answer lost
 * and the second sent before the first was reconciled; or a clock off by more than the skew. The outbox sends
 * one write per thread at a time and reconciles first, which keeps the first case to a user's own double send.
 */
import { bidSchema, type FreelancerBid, type FreelancerMessage, messageSchema } from './api-schemas';
import type { Page } from './endpoints';

/** How far the platform's clock may be behind ours when it stamps time_created. */
export const reconcileSkewSeconds = 300;

export type SentMessageAttempt = { threadId: number; selfId: number; body: string; startedAtMs: number };

/** Line endings and the ends of the text are what a form post or the platform may change. */
const sameText = (a: string, b: string): boolean => a.replace(/\r\n?/g, '\n').trim() === b.replace(/\r\n?/g, '\n').trim();

/** The messages request that finds a lost send: that thread, from the attempt's start less the skew. */
export const messageLookup = (attempt: SentMessageAttempt): Page & { fromUpdatedTime: number; threadIds: number[] } => ({
  threadIds: [attempt.threadId],
  fromUpdatedTime: Math.max(0, Math.floor(attempt.startedAtMs / 1000) - reconcileSkewSeconds),
  limit: 100,
  offset: 0,
});

/** The message the lost send stored, oldest first among candidates, or null: send it again. */
export const findSentMessage = (messages: readonly unknown[], attempt: SentMessageAttempt, adoptedIds: ReadonlySet<number>): FreelancerMessage | null => {
  const earliest = Math.floor(attempt.startedAtMs / 1000) - reconcileSkewSeconds;
  const candidates = messages
    .map((raw) => messageSchema.safeParse(raw))
    .flatMap((parsed) => (parsed.success ? [parsed.data] : []))
    .filter(
      (message) =>
        message.thread_id === attempt.threadId &&
        (message.from_user ?? message.from_user_id) === attempt.selfId &&
        message.time_created >= earliest &&
        !adoptedIds.has(message.id) &&
        sameText(message.message ?? '', attempt.body),
    )
    .sort((a, b) => a.time_created - b.time_created || a.id - b.id);
  return candidates[0] ?? null;
};

export type PlacedBidAttempt = { projectId: number; selfId: number };

export const bidLookup = (attempt: PlacedBidAttempt): Page & { projectIds: number[] } => ({ projectIds: [attempt.projectId], limit: 100, offset: 0 });

/** The user's open (not retracted) bid on the project, or null: place it again (after the user confirmed it). */
export const findPlacedBid = (bids: readonly unknown[], attempt: PlacedBidAttempt): FreelancerBid | null =>
  bids
    .map((raw) => bidSchema.safeParse(raw))
    .flatMap((parsed) => (parsed.success ? [parsed.data] : []))
    .find((bid) => bid.project_id === attempt.projectId && bid.bidder_id === attempt.selfId && bid.retracted !== true) ?? null;
