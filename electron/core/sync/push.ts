import type { WriteState } from '../../../shared/contract/sync';
import type { AccountId } from '../../../shared/domain/accounts';
import { recordSchemas, type RecordType } from '../../../shared/platform/records';
import type { WritableDB } from '../db/database';
import {
  listQueuedWrites,
  markWriteConflict,
  markWriteFailed,
  markWriteSent,
  noteAttempt,
  type OutboxEntry,
} from '../db/repositories/outbox-repository';
import { applyRecord } from '../db/repositories/platform-records-repository';
import type { PlatformClient, PlatformRequest, PlatformResult } from './platform-client';
import { problemOf, SyncProblemError } from './sync-problem';
import { classifyStorageError } from '../storage/storage-errors';
import type { WriteContext } from './write-unit';
import { findWriteUnit } from './writes/write-registry';

export type PushOutcome =
  | { kind: 'done'; pushed: number; failed: number }
  | Extract<PlatformResult, { kind: 'retry' | 'signed_out' }>;

/**
 * Drains one account's writes from the outbox in order, each with the idempotency key it was given when it was
 * made: a retry after a lost answer, a crash or a restart is the same request to the platform, applied at most
 * once. The first `bottega` account also sends the writes no account owns (listQueuedWrites).
 */
export const pushOutbox = async (options: {
  db: WritableDB;
  client: PlatformClient;
  accountId: AccountId;
  now?: () => Date;
  signal?: AbortSignal;
  /** How many rounds failed in a row before this one: the backoff a failure here asks for grows with it. */
  attempt?: number;
  /** Each time a write's state moves (sent, accepted, refused, conflict), after it is stored: lists showing it refresh. */
  onWrite?: (entry: OutboxEntry, state: WriteState) => void;
}): Promise<PushOutcome> => {
  const { db, client, accountId } = options;
  const announce = (entry: OutboxEntry, state: WriteState): void => options.onWrite?.(entry, state);
  const now = options.now ?? (() => new Date());
  let pushed = 0;
  let failed = 0;
  // Once the platform answers a write, a failure after it in this round is a first failure again.
  let attempt = options.attempt ?? 0;
  for (;;) {
    const batch = listQueuedWrites(db, 50, accountId);
    if (batch.length === 0) return { kind: 'done', pushed, failed };
    for (const entry of batch) {
      const unit = findWriteUnit(entry.op);
      if (!unit) {
        markWriteFailed(db, entry.seq, { code: 'unsendable' }, 'other');
        announce(entry, 'refused');
        failed++;
        continue;
      }
      let request: PlatformRequest;
      let ctx: WriteContext<unknown>;
      try {
        ctx = { db, entry, payload: unit.payload.parse(entry.payload) };
        request = unit.toRequest(ctx);
      } catch (error) {
        // A disk that failed to read the file (EIO) or is full: the write stays queued and the round fails, to be
        // tried again, instead of being marked refused for good.
        if (classifyStorageError(error)) throw error;
        // The write cannot even be formed (an imported file gone from disk): it fails visibly, the rest go on.
        markWriteFailed(db, entry.seq, error instanceof SyncProblemError ? error.problem : { code: 'unsendable' }, 'other');
        announce(entry, 'refused');
        failed++;
        continue;
      }
      const ifMatch = unit.ifMatch ? unit.ifMatch(ctx) : entry.baseVersion;
      noteAttempt(db, entry.seq);
      announce(entry, 'sent');
      const result = await client.send(
        {
          ...request,
          idempotencyKey: entry.idempotencyKey,
          ...(ifMatch !== null ? { ifMatch } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
        },
        attempt,
      );
      if (options.signal?.aborted) throw new Error('push stopped');
      if (result.kind !== 'retry') attempt = 0;
      switch (result.kind) {
        case 'ok': {
          const { settle } = unit;
          if (settle) {
            db.transaction(() => settle(result.body, ctx)).immediate();
            announce(entry, 'accepted');
            pushed++;
            break;
          }
          const record = recordSchemas[entry.entityType as RecordType].safeParse(result.body);
          db.transaction(() => {
            if (record.success) applyRecord(db, entry.entityType, record.data as never, now().toISOString(), accountId);
            // An answer we cannot read is still an acceptance: the next pull brings the record.
            markWriteSent(db, entry.seq, record.success ? record.data.version : 1);
          }).immediate();
          announce(entry, 'accepted');
          pushed++;
          break;
        }
        case 'conflict':
          if (unit.create) {
            markWriteSent(db, entry.seq, result.current.version);
            announce(entry, 'accepted');
            pushed++;
          } else {
            db.transaction(() => markWriteConflict(db, entry, result.current, now())).immediate();
            announce(entry, 'conflict');
            failed++;
          }
          break;
        case 'rejected':
        case 'gone':
          db.transaction(() => {
            // Only the platform's own refusal proves nothing landed under this key: a retry may then take a new one.
            markWriteFailed(db, entry.seq, problemOf(result), result.kind === 'rejected' && result.error !== null ? 'refused' : 'other');
            unit.onRefused?.(ctx);
          }).immediate();
          announce(entry, 'refused');
          failed++;
          break;
        case 'retry':
        case 'signed_out':
          return result;
      }
    }
  }
};
