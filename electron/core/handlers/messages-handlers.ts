import type { Contract } from '../../../shared/contract';
import { toFtsQuery } from '../../../shared/domain/search-text';
import { RpcError } from '../../../shared/rpc/errors';
import {
  findFailedSend,
  insertPendingMessage,
  listMessages,
  listThreads,
  locateMessage,
  markMessagePending,
  markThreadRead,
  readMessageState,
  readThread,
  searchMessages,
  threadExists,
  writeDraft,
} from '../db/repositories/messages-repository';
import { requeueWrite } from '../db/repositories/outbox-repository';
import type { DomainHandlers } from '../rpc/rpc-server';
import { newPlatformId } from '../sync/write-unit';
import { enqueueWrite } from '../sync/writes/enqueue-write';
import type { CoreContext } from './context';

export const createMessagesHandlers = ({ db, sync, emit }: CoreContext) =>
  ({
    sendMessage: ({ threadId, body }) => {
      if (!threadExists(db, threadId)) throw new RpcError({ code: 'not_found', message: 'No such conversation.' });
      const id = newPlatformId('message');
      const now = new Date();
      // The message, its outbox entry and the cleared draft are one write: neither exists without the other.
      db.transaction(() => {
        insertPendingMessage(db, { id, threadId, body, sentAt: now });
        enqueueWrite(db, { entityType: 'message', entityId: id, op: 'post_message', payload: { threadId, id, body }, now });
        writeDraft(db, threadId, '', now);
      }).immediate();
      sync.notifyLocalWrite();
      emit('messagesChanged', { threadId });
      return { id, state: 'pending' as const };
    },
    listThreads: (query) => listThreads(db, query),
    getThread: ({ id }) => readThread(db, id),
    listMessages: (query) => listMessages(db, query),
    locateMessage: ({ id }) => locateMessage(db, id),
    searchMessages: ({ text, limit }) => {
      const match = toFtsQuery(text);
      return match ? searchMessages(db, match, limit) : [];
    },
    retryMessage: ({ id }) => {
      const seq = findFailedSend(db, id);
      if (seq === null) {
        const state = readMessageState(db, id);
        if (!state) throw new RpcError({ code: 'not_found', message: 'No such message.' });
        return { id, state };
      }
      db.transaction(() => {
        requeueWrite(db, seq);
        markMessagePending(db, id);
      }).immediate();
      sync.notifyLocalWrite();
      emit('messagesChanged', { threadId: locateMessage(db, id)?.threadId ?? null });
      return { id, state: 'pending' as const };
    },
    saveDraft: ({ threadId, body }) => {
      if (!threadExists(db, threadId)) throw new RpcError({ code: 'not_found', message: 'No such conversation.' });
      writeDraft(db, threadId, body, new Date());
      // The thread list marks conversations with a draft.
      emit('messagesChanged', { threadId });
      return { saved: true };
    },
    markThreadRead: ({ id }) => {
      if (!threadExists(db, id)) throw new RpcError({ code: 'not_found', message: 'No such conversation.' });
      const hadUnread = (readThread(db, id)?.unreadCount ?? 0) > 0;
      const now = new Date();
      // Read here means read everywhere: the platform hears of it through the outbox, offline or not.
      db.transaction(() => {
        markThreadRead(db, id, now);
        if (hadUnread) enqueueWrite(db, { entityType: 'thread', entityId: id, op: 'mark_thread_read', payload: { threadId: id }, now });
      }).immediate();
      if (hadUnread) sync.notifyLocalWrite();
      emit('messagesChanged', { threadId: id });
      return { unreadCount: readThread(db, id)?.unreadCount ?? 0 };
    },
  }) satisfies DomainHandlers<Contract, 'messages'>;
