import { RpcError } from '../../../shared/rpc/errors';
import type { MessageItem } from '../../../shared/contract/messages';
import type { WritableDB } from '../db/database';
import {
  findFailedSend,
  insertPendingMessage,
  markMessagePending,
  markThreadRead,
  readMessageState,
  readThread,
  threadExists,
  writeDraft,
} from '../db/repositories/messages-repository';
import { requeueWrite } from '../db/repositories/outbox-repository';
import { newPlatformId } from '../sync/write-unit';
import { enqueueWrite } from '../sync/writes/enqueue-write';

const requireThread = (db: WritableDB, threadId: string): void => {
  if (!threadExists(db, threadId)) throw new RpcError({ code: 'not_found', message: 'No such conversation.' });
};

/** The message, its outbox entry and the cleared draft are one write: neither exists without the other. */
export const sendMessage = (db: WritableDB, { threadId, body }: { threadId: string; body: string }, now = new Date()): { id: string; state: 'pending' } => {
  requireThread(db, threadId);
  const id = newPlatformId('message');
  db.transaction(() => {
    insertPendingMessage(db, { id, threadId, body, sentAt: now });
    enqueueWrite(db, { entityType: 'message', entityId: id, op: 'post_message', payload: { threadId, id, body }, now });
    writeDraft(db, threadId, '', now);
  }).immediate();
  return { id, state: 'pending' };
};

/** A failed send queued again under its first key; `requeued` false when there was none to retry. */
export const retryMessage = (db: WritableDB, id: string): { id: string; state: MessageItem['state']; requeued: boolean } => {
  const seq = findFailedSend(db, id);
  if (seq === null) {
    const state = readMessageState(db, id);
    if (!state) throw new RpcError({ code: 'not_found', message: 'No such message.' });
    return { id, state, requeued: false };
  }
  db.transaction(() => {
    requeueWrite(db, seq);
    markMessagePending(db, id);
  }).immediate();
  return { id, state: 'pending', requeued: true };
};

/** Read here means read everywhere: the platform hears of it through the outbox, offline or not. */
export const readThreadEverywhere = (db: WritableDB, threadId: string, now = new Date()): { unreadCount: number; queued: boolean } => {
  requireThread(db, threadId);
  const queued = (readThread(db, threadId)?.unreadCount ?? 0) > 0;
  db.transaction(() => {
    markThreadRead(db, threadId, now);
    if (queued) enqueueWrite(db, { entityType: 'thread', entityId: threadId, op: 'mark_thread_read', payload: { threadId }, now });
  }).immediate();
  return { unreadCount: readThread(db, threadId)?.unreadCount ?? 0, queued };
};

export const saveDraft = (db: WritableDB, { threadId, body }: { threadId: string; body: string }, now = new Date()): { saved: true } => {
  requireThread(db, threadId);
  writeDraft(db, threadId, body, now);
  return { saved: true };
};
