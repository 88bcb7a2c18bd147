import { z } from 'zod';
import { proposalSchema } from '../../../shared/platform/records';
import type { WritableDB } from '../db/database';
import { hasLaterUnsentWrites, markWriteSent, type OutboxEntry } from '../db/repositories/outbox-repository';
import { applyRecord } from '../db/repositories/platform-records-repository';
import { hasLocalEdits, learnProposalVersion, readProposalVersion } from '../db/repositories/proposals-repository';
import type { Operation } from './push';

const proposalPatchPayload = z.object({ id: z.string(), changes: z.record(z.string(), z.unknown()) });
const proposalCreatePayload = z.object({ id: z.string(), body: z.record(z.string(), z.unknown()) });
const proposalWithdrawPayload = z.object({ id: z.string(), reason: z.string().nullable() });

/**
 * If-Match for a write to a proposal already on the platform: the version it was made against, or a newer
 * one the row learnt from our own writes accepted since (an update queued before it). Nobody else's version
 * can be in the row meanwhile: a pull leaves a proposal alone while a write of ours to it is unsent.
 */
const ifMatchOf = (db: WritableDB, entry: OutboxEntry): number | null => {
  const learnt = readProposalVersion(db, entry.entityId);
  return entry.baseVersion === null && learnt === null ? null : Math.max(entry.baseVersion ?? 0, learnt ?? 0);
};

/**
 * The platform's answer becomes the row, unless more of ours is still to come (a withdraw queued behind an
 * update, edits typed since): then the row only learns the version, and keeps what the user has here.
 */
const settle = (db: WritableDB, entry: OutboxEntry, body: unknown): void => {
  const record = proposalSchema.safeParse(body);
  const fetchedAt = new Date().toISOString();
  if (record.success) {
    const writesBehind = hasLaterUnsentWrites(db, entry);
    if (writesBehind || hasLocalEdits(db, entry.entityId)) {
      learnProposalVersion(db, record.data, fetchedAt, !writesBehind);
    } else {
      applyRecord(db, 'proposal', record.data, fetchedAt);
    }
  }
  // An answer we cannot read is still an acceptance: the next pull brings the record.
  markWriteSent(db, entry.seq, record.success ? record.data.version : 1);
};

export const proposalOperations: Record<string, Operation> = {
  /** The first submit of a proposal drafted here, with the id made at draft time. */
  create_proposal: {
    create: true,
    toRequest: (entry) => {
      const { body } = proposalCreatePayload.parse(entry.payload);
      return { method: 'POST', path: '/v1/proposals', body };
    },
    onAccepted: settle,
  },
  /** A partial update of the user's proposal. */
  update_proposal: {
    create: false,
    ifMatch: ifMatchOf,
    toRequest: (entry) => {
      const { id, changes } = proposalPatchPayload.parse(entry.payload);
      return { method: 'PATCH', path: `/v1/proposals/${encodeURIComponent(id)}`, body: changes };
    },
    onAccepted: settle,
  },
  withdraw_proposal: {
    create: false,
    ifMatch: ifMatchOf,
    toRequest: (entry) => {
      const { id, reason } = proposalWithdrawPayload.parse(entry.payload);
      return { method: 'POST', path: `/v1/proposals/${encodeURIComponent(id)}/withdraw`, body: reason === null ? {} : { reason } };
    },
    onAccepted: settle,
  },
};
