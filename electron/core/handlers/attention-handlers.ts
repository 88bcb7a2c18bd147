import type { Contract } from '../../../shared/contract';
import type { DomainHandlers } from '../rpc/rpc-server';
import type { CoreContext } from './context';

export const createAttentionHandlers = ({ attention, emit }: CoreContext) =>
  ({
    getPreferences: () => attention.preferences(),
    setPreferences: (patch) => attention.setPreferences(patch),
    getUnread: () => attention.unread(),
    listFollowUps: () => attention.listFollowUps(),
    startFollowUp: ({ proposalId, body }) => {
      const started = attention.startFollowUp(proposalId, body);
      if (started && !started.draftKept) emit('messagesChanged', { threadId: started.threadId });
      return started;
    },
    reportActivity: (activity) => ({ state: attention.reportActivity(activity).state }),
  }) satisfies DomainHandlers<Contract, 'attention'>;
