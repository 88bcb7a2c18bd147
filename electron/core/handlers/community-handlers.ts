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
  insertPendingPost,
  listEvents,
  listStories,
  listTopics,
  markTopicRead,
  postInTopic,
  readMe,
  readTopicState,
  setStorySaved,
  storyExists,
} from '../db/repositories/community-repository';
import type { DomainHandlers } from '../rpc/rpc-server';
import { newPlatformId } from '../sync/write-unit';
import { enqueueWrite } from '../sync/writes/enqueue-write';
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
    replyToTopic: ({ topicId, body, replyTo }) => {
      const topic = readTopicState(db, topicId);
      if (!topic) throw notFound('topic');
      // The platform would refuse these; saying so now beats a reply that fails later, out of sight.
      if (topic.locked) throw new RpcError({ code: 'conflict', message: 'The topic is closed to replies.' });
      if (replyTo !== null && !postInTopic(db, replyTo, topicId)) throw notFound('post in this topic');
      const id = newPlatformId('forum_post');
      const me = readMe(db);
      const now = new Date();
      // The reply and its outbox entry are one write: neither exists without the other.
      db.transaction(() => {
        insertPendingPost(db, { id, topicId, body, replyTo, authorId: me.id, authorName: me.name, createdAt: now });
        enqueueWrite(db, {
          entityType: 'forum_post',
          entityId: id,
          op: 'post_forum_reply',
          payload: { topicId, id, body, replyTo },
          now,
        });
      }).immediate();
      sync.notifyLocalWrite();
      return { id, state: 'pending' as const };
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
