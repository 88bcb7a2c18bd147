import type { UnreadTotals } from '../../../../shared/contract/attention';
import { useCoreQuery } from '../../data/use-core-query';

/** Unread messages outside muted conversations, for the sidebar. */
export const useUnreadTotals = (): UnreadTotals | null =>
  useCoreQuery(['attention.getUnread'], (client) => client.attention.getUnread(), { invalidatedBy: ['messagesChanged', 'unreadChanged'] }).data ?? null;
