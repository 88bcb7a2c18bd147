import type { Contract } from '../../../shared/contract';
import { RpcError } from '../../../shared/rpc/errors';
import { insertPendingMessage, threadExists } from '../db/repositories/messages-repository';
import { enqueueWrite } from '../db/repositories/outbox-repository';
import type { DomainHandlers } from '../rpc/rpc-server';
import { newPlatformId } from '../sync/push';
import type { CoreContext } from './context';

export const createMessagesHandlers = ({ db, sync }: CoreContext) =>
  ({
    sendMessage: ({ threadId, body }) => {
      if (!threadExists(db, threadId)) throw new RpcError({ code: 'not_found', message: 'No such conversation.' });
      const id = newPlatformId('message');
      const now = new Date();
      // The message and its outbox entry are one write: neither exists without the other.
      db.transaction(() => {
        insertPendingMessage(db, { id, threadId, body, sentAt: now });
        enqueueWrite(db, { entityType: 'message', entityId: id, op: 'post_message', payload: { threadId, id, body }, now });
      }).immediate();
      sync.notifyLocalWrite();
      return { id, state: 'pending' as const };
    },
  }) satisfies DomainHandlers<Contract, 'messages'>;
