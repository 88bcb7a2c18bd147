import type { Contract } from '../../../shared/contract';
import { toFtsQuery } from '../../../shared/domain/search-text';
import { listMessages, listThreads, locateMessage, readThread, searchMessages } from '../db/repositories/messages-repository';
import { readThreadEverywhere, retryMessage, saveDraft, sendMessage } from '../messages/message-writes';
import type { DomainHandlers } from '../rpc/rpc-server';
import type { CoreContext } from './context';

export const createMessagesHandlers = ({ db, sync, emit }: CoreContext) => {
  /** After a write: the push hears of it if one was queued, the views showing the thread read again. */
  const changed = <T>(result: T, threadId: string | null, queued = true): T => {
    if (queued) sync.notifyLocalWrite();
    emit('messagesChanged', { threadId });
    return result;
  };
  return {
    sendMessage: (input) => changed(sendMessage(db, input), input.threadId),
    listThreads: (query) => listThreads(db, query),
    getThread: ({ id }) => readThread(db, id),
    listMessages: (query) => listMessages(db, query),
    locateMessage: ({ id }) => locateMessage(db, id),
    searchMessages: ({ text, limit }) => {
      const match = toFtsQuery(text);
      return match ? searchMessages(db, match, limit) : [];
    },
    retryMessage: ({ id }) => {
      const { requeued, ...result } = retryMessage(db, id);
      return requeued ? changed(result, locateMessage(db, id)?.threadId ?? null) : result;
    },
    // The thread list marks conversations with a draft.
    saveDraft: (input) => changed(saveDraft(db, input), input.threadId, false),
    markThreadRead: ({ id }) => {
      const { queued, ...result } = readThreadEverywhere(db, id);
      return changed(result, id, queued);
    },
  } satisfies DomainHandlers<Contract, 'messages'>;
};
