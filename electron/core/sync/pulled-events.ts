import type { RecordType } from '../../../shared/platform/records';

export type PulledEvent = 'projectsChanged' | 'messagesChanged' | 'portfolioChanged' | 'proposalsChanged' | 'communityChanged';

/**
 * Which change events a pull that applied records of `types` must send: only the views reading those records
 * read again (a page of messages no longer makes the portfolio and the feed reload). Clients show in the feed's
 * and the conversations' views; projects in the proposals'.
 */
const eventsOf: Record<RecordType, readonly PulledEvent[]> = {
  profile: ['portfolioChanged'],
  portfolio_item: ['portfolioChanged'],
  client: ['projectsChanged', 'messagesChanged'],
  project: ['projectsChanged', 'proposalsChanged'],
  proposal: ['proposalsChanged'],
  thread: ['messagesChanged'],
  message: ['messagesChanged'],
  story: ['communityChanged'],
  forum_topic: ['communityChanged'],
  forum_post: ['communityChanged'],
  event: ['communityChanged'],
};

export const pulledEvents = (types: Iterable<RecordType>): Set<PulledEvent> => new Set([...types].flatMap((type) => eventsOf[type]));
