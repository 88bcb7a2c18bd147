import { z } from 'zod';
import type { Contract } from '../../../shared/contract';
import type { WriteState } from '../../../shared/contract/sync';
import type { OutboxEntry } from '../db/repositories/outbox-repository';
import type { RpcServer } from '../rpc/rpc-server';

const threadOf = z.object({ threadId: z.string() });
const topicOf = z.object({ topicId: z.string() });

/**
 * Tells the renderer that a local write moved (sent, accepted, refused, conflict) through the change event of
 * the domain it belongs to, so the list showing it as pending or failed refreshes without waiting for a pull.
 */
export const announceWrite = (emit: RpcServer<Contract>['emit'], entry: OutboxEntry, state: WriteState): void => {
  const write = { entityType: entry.entityType, entityId: entry.entityId, state };
  switch (entry.entityType) {
    case 'portfolio_item':
    case 'profile':
      emit('portfolioChanged', { write });
      return;
    case 'proposal':
      emit('proposalsChanged', { id: entry.entityId, write });
      return;
    case 'message': {
      const payload = threadOf.safeParse(entry.payload);
      emit('messagesChanged', { threadId: payload.success ? payload.data.threadId : null, write });
      return;
    }
    case 'thread':
      emit('messagesChanged', { threadId: entry.entityId, write });
      return;
    case 'forum_topic':
    case 'forum_post':
    case 'story':
    case 'event': {
      const payload = topicOf.safeParse(entry.payload);
      emit('communityChanged', { topicId: payload.success ? payload.data.topicId : null, write });
      return;
    }
    case 'project':
    case 'client':
      // Nothing in the workspace writes these; a pull brings them.
      return;
  }
};
