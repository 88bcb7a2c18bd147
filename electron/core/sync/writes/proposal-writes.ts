import { z } from 'zod';
import { confirmedBidSchema } from '../../../../shared/domain/bid-confirmation';
import { proposalSchema } from '../../../../shared/platform/records';
import type { WritableDB } from '../../db/database';
import { hasLaterUnsentWrites, markWriteSent, type OutboxEntry } from '../../db/repositories/outbox-repository';
import { applyRecord } from '../../db/repositories/platform-records-repository';
import { hasLocalEdits, learnProposalVersion, readProposalVersion } from '../../db/repositories/proposals-repository';
import { defineWriteUnit } from '../write-unit';

/**
 * If-Match for a write to a proposal already on the platform: the version it was made against, or a newer
 * one the row learnt from our own writes accepted since (an update queued before it). Nobody else's version
 * can be in the row meanwhile: a pull leaves a proposal alone while a write of ours to it is unsent.
 */
const ifMatchOf = ({ db, entry }: { db: WritableDB; entry: OutboxEntry }): number | null => {
  const learnt = readProposalVersion(db, entry.entityId);
  return entry.baseVersion === null && learnt === null ? null : Math.max(entry.baseVersion ?? 0, learnt ?? 0);
};

/**
 * The platform's answer becomes the row, unless more of ours is still to come (a withdraw queued behind an
 * update, edits typed since): then the row only learns the version, and keeps what the user has here.
 */
const settle = (answer: unknown, { db, entry }: { db: WritableDB; entry: OutboxEntry }): void => {
  const record = proposalSchema.safeParse(answer);
  const fetchedAt = new Date().toISOString();
  if (record.success) {
    const writesBehind = hasLaterUnsentWrites(db, entry);
    if (writesBehind || hasLocalEdits(db, entry.entityId)) {
      learnProposalVersion(db, record.data, fetchedAt, !writesBehind);
    } else {
      applyRecord(db, 'proposal', record.data, fetchedAt, entry.accountId);
    }
  }
  // An answer we cannot read is still an acceptance: the next pull brings the record.
  markWriteSent(db, entry.seq, record.success ? record.data.version : 1);
};

/** The first submit of a proposal drafted here, with the id made at draft time. */
export const createProposal = defineWriteUnit({
  name: 'create_proposal',
  payload: z.object({
    id: z.string(),
    body: z.record(z.string(), z.unknown()),
    /** The terms the user confirmed (submit): a connector whose platform forbids automatic bids sends none without them. */
    confirmation: confirmedBidSchema.optional(),
  }),
  create: true,
  toRequest: ({ payload: { body } }) => ({ method: 'POST', path: '/v1/proposals', body }),
  settle,
});

/** A partial update of the user's proposal. */
export const updateProposal = defineWriteUnit({
  name: 'update_proposal',
  payload: z.object({ id: z.string(), changes: z.record(z.string(), z.unknown()) }),
  create: false,
  ifMatch: ifMatchOf,
  toRequest: ({ payload: { id, changes } }) => ({ method: 'PATCH', path: `/v1/proposals/${encodeURIComponent(id)}`, body: changes }),
  settle,
});

export const withdrawProposal = defineWriteUnit({
  name: 'withdraw_proposal',
  payload: z.object({ id: z.string(), reason: z.string().nullable() }),
  create: false,
  ifMatch: ifMatchOf,
  toRequest: ({ payload: { id, reason } }) => ({
    method: 'POST',
    path: `/v1/proposals/${encodeURIComponent(id)}/withdraw`,
    body: reason === null ? {} : { reason },
  }),
  settle,
});
