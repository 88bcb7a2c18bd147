/**
 * A Freelancer account's queued writes, sent in order, one at a time, exactly once without idempotency keys:
 *
 * - Before a write leaves, its attempt is counted durably (the outbox row). A write with an earlier attempt may
 *   have landed (an answer lost, the app killed after the platform committed): it is reconciled first
 *   (reconcile.ts: the own message with that text in that thread since the write was made, not adopted
 *   already; the own open bid on that project) and adopted when found, sent again only when not.
 * - An accepted write is settled in one transaction: the platform's record stored (a message under Freelancer's
 *   id, replacing the pending local row; a bid under the local proposal's id), the ledger updated, the write
 *   removed from the outbox.
 * - A bid leaves only with the terms the user confirmed (proposals-handlers' submit), checked again here
 *   against the request about to be sent: a write without them, or with other terms, is refused and never
 *   reaches the network. Nothing else in the core produces a `create_proposal`.
 *
 * The window that remains (documented in the README): a message whose answer was lost, with the same text as one
 * the user sent in that thread from another device or the website after this write was made and before it was
 * reconciled: the reconcile adopts that one and this write is not sent. And a platform clock behind ours by more
 * than reconcileSkewSeconds.
 */
import { z } from 'zod';
import type { WriteState } from '../../../../shared/contract/sync';
import { bidTermsOf, confirmedBidSchema, matchesConfirmation } from '../../../../shared/domain/bid-confirmation';
import { minorUnitDigits } from '../../../../shared/domain/money';
import type { AccountId } from '../../../../shared/domain/accounts';
import type { WritableDB } from '../../db/database';
import { readProjectRaw, readWriteCreatedAt, removePendingMessage, removeRecordRow, removeSettledWrite, upsertConnectorRecord } from '../../db/repositories/connector-records-repository';
import { markMessageFailed } from '../../db/repositories/messages-repository';
import { listQueuedWrites, markWriteFailed, noteAttempt, type OutboxEntry } from '../../db/repositories/outbox-repository';
import { writeProposalStatus } from '../../db/repositories/proposals-repository';
import { toPlatformMessage } from '../../../../shared/contract/sync-problem';
import { backoffDelay } from '../../sync/retry-policy';
import type { RoundOutcome } from '../connector';
import { type FreelancerState, readFreelancerState, rememberSentMessage, updateFreelancerState } from './account-state';
import type { FreelancerAnswer, FreelancerError } from './api-client';
import { bidSchema, type FreelancerBid, type FreelancerMessage } from './api-schemas';
import type { FreelancerEndpoints } from './endpoints';
import { freelancerIdOf, freelancerIds } from './ids';
import { mapMessage, mapProposal } from './mapping';
import { bidLookup, findPlacedBid, findSentMessage, messageLookup } from './reconcile';

export type PushContext = {
  db: WritableDB;
  accountId: AccountId;
  endpoints: FreelancerEndpoints;
  now: () => Date;
  attempt: number;
  signal: AbortSignal;
  random?: () => number;
  onWrite?: (entry: OutboxEntry, state: WriteState) => void;
};

const messagePayload = z.object({ threadId: z.string(), id: z.string(), body: z.string().min(1) });
const bidPayload = z.object({
  id: z.string(),
  body: z.object({
    project_id: z.string(),
    amount_minor: z.number().int().nonnegative(),
    currency: z.string(),
    period_days: z.number().int().positive(),
    default_locale: z.string(),
    variants: z.record(z.string(), z.object({ cover_letter: z.string() }).loose()),
  }).loose(),
  confirmation: confirmedBidSchema,
});
const withdrawPayload = z.object({ id: z.string(), reason: z.string().nullable() });

/** What one write came to: settled or refused (go on with the next), or the round stops with this outcome. */
type Step = { kind: 'next' } | { kind: 'stop'; outcome: RoundOutcome };

const next: Step = { kind: 'next' };

/** An error that stops the round: the write stays queued (its attempt counted), tried again (reconciled first) later. */
const stopFor = (error: FreelancerError, context: PushContext): Step => {
  switch (error.kind) {
    case 'auth':
      return { kind: 'stop', outcome: { kind: 'signed_out', reason: `Freelancer.com refused the token (${error.status})` } };
    case 'rate_limited':
      return { kind: 'stop', outcome: { kind: 'retry', delayMs: error.retryAfterMs ?? backoffDelay(Math.max(3, context.attempt + 1), context.random), reason: 'rate limited', problem: { code: 'unavailable', status: 429 } } };
    case 'server':
      return { kind: 'stop', outcome: { kind: 'retry', delayMs: error.retryAfterMs ?? backoffDelay(context.attempt + 1, context.random), reason: `server error ${error.status}`, problem: { code: 'unavailable', status: error.status } } };
    case 'network':
      return { kind: 'stop', outcome: { kind: 'retry', delayMs: backoffDelay(context.attempt + 1, context.random), reason: error.reason, problem: { code: 'network' } } };
    case 'invalid_answer':
      // A 2xx we cannot read may still be a write that landed: the next round reconciles it.
      return { kind: 'stop', outcome: { kind: 'retry', delayMs: backoffDelay(Math.max(3, context.attempt + 1), context.random), reason: error.reason, problem: { code: 'bad_answer' } } };
    case 'refused':
      return { kind: 'stop', outcome: { kind: 'rejected', status: error.status, reason: error.message, problem: { code: 'refused', status: error.status, message: toPlatformMessage(error.message) } } };
  }
};

const refuse = (context: PushContext, entry: OutboxEntry, problem: Parameters<typeof markWriteFailed>[2], failure: 'refused' | 'other', also?: () => void): Step => {
  context.db
    .transaction(() => {
      markWriteFailed(context.db, entry.seq, problem, failure);
      also?.();
    })
    .immediate();
  context.onWrite?.(entry, 'refused');
  return next;
};

/** Counted before the request leaves, durably: after a crash the write is known to have maybe landed. */
const countAttempt = (context: PushContext, entry: OutboxEntry): void => {
  context.db.transaction(() => noteAttempt(context.db, entry.seq)).immediate();
  context.onWrite?.(entry, 'sent');
};

const createdAtMs = (context: PushContext, entry: OutboxEntry): number => {
  const created = readWriteCreatedAt(context.db, entry.seq);
  return created === null ? context.now().getTime() : Date.parse(created);
};

/** No answer, a cut or unreadable one, or a 5xx: the platform may have stored the write all the same. */
const mayHaveLanded = (error: FreelancerError): boolean => error.kind === 'network' || error.kind === 'invalid_answer' || error.kind === 'server';

// ---- messages ---------------------------------------------------------------------------------------------

const settleMessage = (context: PushContext, entry: OutboxEntry, localId: string, message: FreelancerMessage): void => {
  const { db, accountId } = context;
  const nowMs = context.now().getTime();
  const state = readFreelancerState(db, accountId, nowMs);
  const mapped = mapMessage(message, { selfId: state.identity?.selfId ?? 0, observedAtMs: nowMs });
  db.transaction(() => {
    removePendingMessage(db, localId);
    if (mapped.ok) upsertConnectorRecord(db, { type: 'message', record: mapped.record, rawText: mapped.rawText, fetchedAt: new Date(nowMs).toISOString(), accountId });
    updateFreelancerState(db, accountId, nowMs, (current) => rememberSentMessage(current, message.id, nowMs));
    removeSettledWrite(db, entry.seq);
  }).immediate();
  context.onWrite?.(entry, 'accepted');
};

/** The own message a lost send stored, paging the thread from the write's creation on; null: it never landed. */
const findLostMessage = async (context: PushContext, state: FreelancerState, attempt: Parameters<typeof messageLookup>[0]): Promise<FreelancerAnswer<FreelancerMessage | null>> => {
  const adopted = new Set(state.sentMessages.map((sent) => sent.id));
  const lookup = messageLookup(attempt);
  for (let offset = 0; ; offset += lookup.limit) {
    const page = await context.endpoints.getMessages({ ...lookup, offset });
    if (!page.ok) return page;
    const found = findSentMessage(page.value.messages, attempt, adopted);
    if (found || page.value.messages.length < lookup.limit) return { ok: true, value: found, requestId: page.requestId };
  }
};

const pushMessage = async (context: PushContext, entry: OutboxEntry, state: FreelancerState): Promise<Step> => {
  const payload = messagePayload.safeParse(entry.payload);
  const threadId = payload.success ? freelancerIdOf(payload.data.threadId) : null;
  if (!payload.success || threadId === null || state.identity === null) {
    return refuse(context, entry, { code: 'unsendable' }, 'other', () => markMessageFailed(context.db, entry.entityId));
  }
  const { id: localId, body } = payload.data;
  if (entry.attempts > 0) {
    const found = await findLostMessage(context, state, { threadId, selfId: state.identity.selfId, body, startedAtMs: createdAtMs(context, entry) });
    if (!found.ok) return stopFor(found.error, context);
    if (found.value) {
      settleMessage(context, entry, localId, found.value);
      return next;
    }
  }
  countAttempt(context, entry);
  const sent = await context.endpoints.postMessage(threadId, body);
  if (context.signal.aborted) throw new Error('push stopped');
  if (sent.ok) {
    settleMessage(context, entry, localId, sent.value);
    return next;
  }
  if (sent.error.kind === 'refused') {
    const { status, message } = sent.error;
    return refuse(context, entry, { code: 'refused', status, message: toPlatformMessage(message) }, 'refused', () => markMessageFailed(context.db, entry.entityId));
  }
  if (mayHaveLanded(sent.error)) {
    // The answer may be lost after the platform stored it: look now, while it answers, instead of next round.
    const found = await findLostMessage(context, state, { threadId, selfId: state.identity.selfId, body, startedAtMs: createdAtMs(context, entry) });
    if (found.ok && found.value) {
      settleMessage(context, entry, localId, found.value);
      return next;
    }
  }
  return stopFor(sent.error, context);
};

// ---- bids -------------------------------------------------------------------------------------------------

/** Major units as the API takes them (250.5 EUR), from the integer minor units the workspace keeps. */
const majorAmount = (minor: number, currency: string): number => minor / 10 ** minorUnitDigits(currency);

const settleBid = (context: PushContext, entry: OutboxEntry, localId: string, projectId: string, bid: FreelancerBid): void => {
  const { db, accountId } = context;
  const nowMs = context.now().getTime();
  const state = readFreelancerState(db, accountId, nowMs);
  const project = readProjectRaw(db, projectId);
  const mapped = mapProposal(bid, project === undefined ? {} : { [String(bid.project_id)]: project }, { selfId: state.identity?.selfId ?? 0, observedAtMs: nowMs });
  db.transaction(() => {
    if (mapped.ok) upsertConnectorRecord(db, { type: 'proposal', record: { ...mapped.record, id: localId }, rawText: mapped.rawText, fetchedAt: new Date(nowMs).toISOString(), accountId });
    else writeProposalStatus(db, localId, 'submitted', new Date(nowMs));
    // A pull that brought the bid before it was adopted stored it under Freelancer's id: one proposal, not two.
    removeRecordRow(db, 'proposal', freelancerIds.proposal(bid.id));
    updateFreelancerState(db, accountId, nowMs, (current) => ({ ...current, adoptedBids: { ...current.adoptedBids, [String(bid.id)]: localId } }));
    removeSettledWrite(db, entry.seq);
  }).immediate();
  context.onWrite?.(entry, 'accepted');
};

const findOwnBid = async (context: PushContext, selfId: number, projectId: number): Promise<FreelancerAnswer<FreelancerBid | null>> => {
  const page = await context.endpoints.getOwnBids(selfId, bidLookup({ projectId, selfId }));
  return page.ok ? { ok: true, value: findPlacedBid(page.value.bids, { projectId, selfId }), requestId: page.requestId } : page;
};

const pushBid = async (context: PushContext, entry: OutboxEntry, state: FreelancerState): Promise<Step> => {
  const payload = bidPayload.safeParse(entry.payload);
  const projectId = payload.success ? freelancerIdOf(payload.data.body.project_id) : null;
  // The last gate before the network: the user confirmed exactly these terms, or nothing leaves.
  if (!payload.success || projectId === null || state.identity === null || !matchesConfirmation(payload.data.confirmation, bidTermsOf(payload.data.body))) {
    return refuse(context, entry, { code: 'unsendable' }, 'other', () => writeProposalStatus(context.db, entry.entityId, 'draft', context.now()));
  }
  const { confirmation, id: localId, body } = payload.data;
  const selfId = state.identity.selfId;
  if (entry.attempts > 0) {
    const found = await findOwnBid(context, selfId, projectId);
    if (!found.ok) return stopFor(found.error, context);
    if (found.value) {
      settleBid(context, entry, localId, body.project_id, found.value);
      return next;
    }
  }
  countAttempt(context, entry);
  const placed = await context.endpoints.placeBid({
    projectId,
    bidderId: selfId,
    amount: majorAmount(confirmation.amountMinor, confirmation.currency),
    period: confirmation.periodDays,
    // The whole amount as one milestone: Bottega's milestones are not Freelancer's upfront share (raw keeps the answer's).
    milestonePercentage: 100,
    description: confirmation.coverLetter.trim(),
  });
  if (context.signal.aborted) throw new Error('push stopped');
  if (placed.ok) {
    settleBid(context, entry, localId, body.project_id, placed.value);
    return next;
  }
  if (mayHaveLanded(placed.error) || (placed.error.kind === 'refused' && placed.error.status === 409)) {
    // No answer (it may have landed: look now, while the platform answers), or a 409: already an open bid of ours
    // on the project, this one or one placed elsewhere.
    const found = await findOwnBid(context, selfId, projectId);
    if (!found.ok) return stopFor(found.error, context);
    if (found.value) {
      settleBid(context, entry, localId, body.project_id, found.value);
      return next;
    }
  }
  if (placed.error.kind === 'refused') {
    const { status, message } = placed.error;
    return refuse(context, entry, { code: 'refused', status, message: toPlatformMessage(message) }, 'refused', () => writeProposalStatus(context.db, localId, 'draft', context.now()));
  }
  return stopFor(placed.error, context);
};

const pushRetract = async (context: PushContext, entry: OutboxEntry, state: FreelancerState): Promise<Step> => {
  const payload = withdrawPayload.safeParse(entry.payload);
  const adopted = payload.success ? Object.entries(state.adoptedBids).find(([, local]) => local === payload.data.id)?.[0] : undefined;
  const bidId = adopted !== undefined ? Number(adopted) : payload.success ? freelancerIdOf(payload.data.id) : null;
  if (bidId === null || state.identity === null) return refuse(context, entry, { code: 'unsendable' }, 'other');
  const settle = (): Step => {
    context.db.transaction(() => removeSettledWrite(context.db, entry.seq)).immediate();
    context.onWrite?.(entry, 'accepted');
    return next;
  };
  countAttempt(context, entry);
  const retracted = await context.endpoints.retractBid(bidId);
  if (context.signal.aborted) throw new Error('push stopped');
  if (retracted.ok) return settle();
  // Retracting twice is refused (400): after a lost answer, the bid itself says whether the first one landed.
  if (retracted.error.kind === 'refused' && entry.attempts > 0) {
    const bids = await context.endpoints.getOwnBids(state.identity.selfId, { bidIds: [bidId], limit: 1, offset: 0 });
    if (!bids.ok) return stopFor(bids.error, context);
    if (bids.value.bids.some((raw) => bidSchema.safeParse(raw).data?.retracted === true)) return settle();
  }
  if (retracted.error.kind === 'refused') {
    const { status, message } = retracted.error;
    return refuse(context, entry, { code: 'refused', status, message: toPlatformMessage(message) }, 'refused');
  }
  return stopFor(retracted.error, context);
};

/** Sends this account's queued writes in order; stops at the first that must wait. */
export const pushFreelancerOutbox = async (context: PushContext): Promise<RoundOutcome> => {
  for (;;) {
    const batch = listQueuedWrites(context.db, 20, context.accountId);
    if (batch.length === 0) return { kind: 'done' };
    for (const entry of batch) {
      if (context.signal.aborted) throw new Error('push stopped');
      const state = readFreelancerState(context.db, context.accountId, context.now().getTime());
      let step: Step;
      switch (entry.op) {
        case 'post_message':
          step = await pushMessage(context, entry, state);
          break;
        case 'create_proposal':
          step = await pushBid(context, entry, state);
          break;
        case 'withdraw_proposal':
          step = await pushRetract(context, entry, state);
          break;
        case 'mark_thread_read':
          // Freelancer's API 0.1 has no read receipt to send (the SDK shows none): read here stays local.
          context.db.transaction(() => removeSettledWrite(context.db, entry.seq)).immediate();
          step = next;
          break;
        default:
          // A bid update, profile, portfolio or upload: Freelancer's API takes none of them from Bottega.
          step = refuse(context, entry, { code: 'unsendable' }, 'other');
      }
      if (step.kind === 'stop') return step.outcome;
    }
  }
};
