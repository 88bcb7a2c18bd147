import type { Contract } from '../../../shared/contract';
import { buildEventIcs, icsFileName } from '../../../shared/domain/ics';
import { formatRegionName } from '../../../shared/i18n/format';
import { RpcError } from '../../../shared/rpc/errors';
import {
  getEvent,
  getProfessionMap,
  getStory,
  getStoryFacets,
  getTopic,
  listEvents,
  listStories,
  listTopics,
  markTopicRead,
  readTopicState,
  setStorySaved,
  storyExists,
} from '../db/repositories/community-repository';
import type { DomainHandlers } from '../rpc/rpc-server';
import { replyToTopic } from '../community/forum-writes';
import type { CoreContext } from './context';

const notFound = (what: string): RpcError => new RpcError({ code: 'not_found', message: `No such ${what}.` });
const found = <T>(value: T | null, what: string): T => {
  if (value === null) throw notFound(what);
  return value;
};

export const createCommunityHandlers = ({ db, sync, info }: CoreContext) =>
  ({
    listStories: ({ filter, offset, limit }) => listStories(db, filter, { offset, limit }),
    getStory: ({ id }) => found(getStory(db, id), 'story'),
    setStorySaved: ({ id, saved }) => {
      if (!storyExists(db, id)) throw notFound('story');
      setStorySaved(db, id, saved, new Date());
      return { saved };
    },
    getStoryFacets: ({ language }) => getStoryFacets(db, language),
    getProfessionMap: (filter) => getProfessionMap(db, filter),
    listTopics: (query) => listTopics(db, query),
    getTopic: ({ id }) => found(getTopic(db, id), 'topic'),
    markTopicRead: ({ id }) => {
      if (!readTopicState(db, id)) throw notFound('topic');
      markTopicRead(db, id);
      return { unreadCount: getTopic(db, id)?.topic.unreadCount ?? 0 };
    },
    replyToTopic: (input) => {
      const reply = replyToTopic(db, input);
      sync.notifyLocalWrite();
      return reply;
    },
    listEvents: ({ language, includePast }) => listEvents(db, { language, includePast, now: new Date() }),
    exportEventIcs: ({ id }) => {
      const event = found(getEvent(db, id), 'event');
      const country = event.country ? formatRegionName(event.country, event.language) : null;
      const location = [event.venue, event.city, country].filter((part): part is string => Boolean(part)).join(', ');
      const content = buildEventIcs(
        {
          uid: `${event.id}@community.bottega`,
          title: event.title,
          description: event.description,
          language: event.language,
          startsAt: event.startsAt,
          endsAt: event.endsAt,
          location: location || null,
          url: event.onlineUrl,
          cancelled: event.cancelled,
          sequence: event.version - 1,
        },
        { now: new Date(), productId: `-//Bottega//Bottega ${info.version}//EN` },
      );
      return { fileName: icsFileName(event.title), content };
    },
  }) satisfies DomainHandlers<Contract, 'community'>;
