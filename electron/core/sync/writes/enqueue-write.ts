import type { RecordType } from '../../../../shared/platform/records';
import type { WritableDB } from '../../db/database';
import { insertOutboxWrite } from '../../db/repositories/outbox-repository';
import { findWriteUnit, type WriteName, type WritePayload } from './write-registry';

/** A write no unit declares, or a payload its unit's schema refuses: a bug in the caller, never queued. */
export class UnsendableWriteError extends Error {}

/**
 * Queues a local write for the platform. Call in the same transaction as the write itself, so that the two
 * are never apart (this throws before storing anything, and the throw rolls the transaction back). The payload
 * is typed by the unit's schema at compile time and checked against it here, so the push never meets one it
 * cannot read.
 */
export const enqueueWrite = <Name extends WriteName>(
  db: WritableDB,
  entry: { entityType: RecordType; entityId: string; op: Name; payload: WritePayload<Name>; baseVersion?: number | null; now: Date },
): number => {
  const unit = findWriteUnit(entry.op);
  if (!unit) throw new UnsendableWriteError(`No write is called ${JSON.stringify(entry.op)}.`);
  const checked = unit.payload.safeParse(entry.payload);
  if (!checked.success) throw new UnsendableWriteError(`The payload of ${entry.op} does not fit it: ${checked.error.message}`);
  return insertOutboxWrite(db, entry);
};
