import type { Contract } from '../../../shared/contract';
import type { DomainHandlers } from '../rpc/rpc-server';
import type { CoreContext } from './context';

export const createAttentionHandlers = ({ attention }: CoreContext) =>
  ({
    getPreferences: () => attention.preferences(),
    setPreferences: (patch) => attention.setPreferences(patch),
    getUnread: () => attention.unread(),
    reportActivity: (activity) => ({ state: attention.reportActivity(activity).state }),
  }) satisfies DomainHandlers<Contract, 'attention'>;
