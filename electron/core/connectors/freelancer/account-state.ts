/**
 * A Freelancer account's own state, one JSON value in account_state (`poller_state`): the poller's watermarks
 * and cadence, who the account is (from /users/0.1/self/), and the ledger of what its writes adopted. Read and
 * written in the same transaction as the records it describes, so a crash never leaves the two apart.
 */
import { z } from 'zod';
import type { AccountId } from '../../../../shared/domain/accounts';
import type { ReadableDB, WritableDB } from '../../db/database';
import { readAccountValue, writeAccountValue } from '../../db/repositories/accounts-repository';
import { initialPollerState, type PollerState, pollResources } from './poller';

/** How long an adopted message is remembered: longer than any write waits in the outbox before it is sent. */
const sentMessageMemoryMs = 30 * 86_400_000;
const maxSentMessages = 5_000;

const watermarkSchema = z.object({ time: z.number().int(), idsAtTime: z.array(z.number().int()) });
const resourceSchema = z.object({ watermark: watermarkSchema.nullable(), unchangedRounds: z.number().int(), failures: z.number().int(), dueAtMs: z.number() });

const stateSchema = z.object({
  poller: z.object({
    resources: z.object(Object.fromEntries(pollResources.map((resource) => [resource, resourceSchema])) as Record<(typeof pollResources)[number], typeof resourceSchema>),
    pausedUntilMs: z.number(),
    signedOut: z.boolean(),
    // Absent in states written before own bids had a rescan: due at once (the bids' watermark is null there too).
    bidRescanAtMs: z.number().default(0),
    // Absent before the profile was read: due at once.
    profileAtMs: z.number().default(0),
  }),
  /** The signed-in user: own messages and bids, and the feed's filter (job ids, languages). */
  identity: z.object({ selfId: z.number().int().positive(), jobIds: z.array(z.number().int()), languages: z.array(z.string()) }).nullable(),
  /** Messages our writes adopted (sent, or found after a lost answer): a second entry with the same text never takes one twice. */
  sentMessages: z.array(z.object({ id: z.number().int(), atMs: z.number() })),
  /** Bids placed from a proposal drafted here: Freelancer's bid id → the local proposal id the record keeps. */
  adoptedBids: z.record(z.string(), z.string()),
});

export type FreelancerIdentity = NonNullable<z.infer<typeof stateSchema>['identity']>;
export type FreelancerState = { poller: PollerState; identity: FreelancerIdentity | null; sentMessages: { id: number; atMs: number }[]; adoptedBids: Record<string, string> };

export const initialFreelancerState = (nowMs: number): FreelancerState => ({ poller: initialPollerState(nowMs), identity: null, sentMessages: [], adoptedBids: {} });

/** The stored state, or a fresh one (never synced; or a value this version cannot read, whose watermarks start over). */
export const readFreelancerState = (db: ReadableDB, accountId: AccountId, nowMs: number): FreelancerState => {
  const text = readAccountValue(db, accountId, 'poller_state');
  if (text === null) return initialFreelancerState(nowMs);
  try {
    const parsed = stateSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // Not JSON: start over (records are deduplicated by id, so a new backfill only costs requests).
  }
  return initialFreelancerState(nowMs);
};

export const writeFreelancerState = (db: WritableDB, accountId: AccountId, state: FreelancerState): void => {
  writeAccountValue(db, accountId, 'poller_state', JSON.stringify(state));
};

/** Changes the stored state in one step (call inside the transaction that stores what it describes). */
export const updateFreelancerState = (db: WritableDB, accountId: AccountId, nowMs: number, change: (state: FreelancerState) => FreelancerState): FreelancerState => {
  const next = change(readFreelancerState(db, accountId, nowMs));
  writeFreelancerState(db, accountId, next);
  return next;
};

/** Remembers an adopted message, forgetting those older than the memory (and the oldest beyond the cap). */
export const rememberSentMessage = (state: FreelancerState, id: number, nowMs: number): FreelancerState => ({
  ...state,
  sentMessages: [...state.sentMessages.filter((entry) => entry.atMs >= nowMs - sentMessageMemoryMs && entry.id !== id), { id, atMs: nowMs }].slice(-maxSentMessages),
});
