import type { RecordType } from '../../../../shared/platform/records';
import type { WritableDB } from '../../db/database';
import { findWriteAccount, insertOutboxWrite } from '../../db/repositories/outbox-repository';
import { findWriteUnit, type WriteName, type WritePayload } from './write-registry';

/** A write no unit declares, or a payload its unit's schema refuses: a bug in the caller, never queued. */
export class UnsendableWriteError extends Error {}

/**
 * A payload checked against the unit it is for: typed by the unit's schema at compile time, refused here at run
 * time, so the push never meets a payload it cannot read. For a queued write whose payload is replaced too.
 */
export const checkWrite = <Name extends WriteName>(op: Name, payload: WritePayload<Name>): { op: Name; payload: WritePayload<Name> } => {
  const unit = findWriteUnit(op);
  if (!unit) throw new UnsendableWriteError(`No write is called ${JSON.stringify(op)}.`);
  const checked = unit.payload.safeParse(payload);
  if (!checked.success) throw new UnsendableWriteError(`The payload of ${op} does not fit it: ${checked.error.message}`);
  return { op, payload };
};

/**
 * Queues a local write for the platform, through the account its entity came from (a message through its
 * thread's, a proposal through its project's; none for a record made here and never pushed, which the first
 * `bottega` account's push takes). Call in the same transaction as the write itself, so that the two are never
 * apart (a refused write throws before storing anything, and the throw rolls the transaction back).
 */
export const enqueueWrite = <Name extends WriteName>(
  db: WritableDB,
  entry: { entityType: RecordType; entityId: string; op: Name; payload: WritePayload<Name>; baseVersion?: number | null; now: Date },
): number => {
  const checked = checkWrite(entry.op, entry.payload);
  return insertOutboxWrite(db, { ...entry, ...checked, accountId: findWriteAccount(db, entry.entityType, entry.entityId) });
};
