import type { WritableDB } from '../../db/database';
import { markWriteSent, type OutboxEntry } from '../../db/repositories/outbox-repository';
import { readRefusedUpload } from '../../db/repositories/portfolio-repository';
import { SyncProblemError } from '../sync-problem';

/**
 * The version to send in If-Match: the newer of the one the write was made against (or, after "keep mine",
 * the platform's) and the one the row learnt from earlier writes of the same record accepted since.
 */
export const newerVersion = (base: number | null, local: number | null): number | null =>
  base === null && local === null ? null : Math.max(base ?? 0, local ?? 0);

/**
 * The platform would refuse a record naming an image it refused: the write waits, failed with that image's
 * reason (the platform's words, shown as they are), for the user's retry.
 */
export const refuseIfImageRefused = (db: WritableDB, imageIds: string[]): void => {
  const refused = readRefusedUpload(db, imageIds);
  if (refused !== null) throw new SyncProblemError(refused);
};

/**
 * The platform's answer only teaches the row its version: the text, revisions and translation sources stay
 * the user's (they are what was sent). An answer we cannot read still means accepted; a pull brings the record.
 */
export const confirmWrite = <R extends { version: number }>(
  db: WritableDB,
  entry: OutboxEntry,
  parsed: { success: true; data: R } | { success: false },
  confirm: (record: R) => void,
): void => {
  if (parsed.success) confirm(parsed.data);
  markWriteSent(db, entry.seq, parsed.success ? parsed.data.version : 1);
};
