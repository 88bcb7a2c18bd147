import { RpcError } from '../../../shared/rpc/errors';
import type { WritableDB } from '../db/database';
import { insertPendingPost, postInTopic, readMe, readTopicState } from '../db/repositories/community-repository';
import { newPlatformId } from '../sync/write-unit';
import { enqueueWrite } from '../sync/writes/enqueue-write';

const notFound = (what: string): RpcError => new RpcError({ code: 'not_found', message: `No such ${what}.` });

/** A reply to a forum topic, written here and queued for the platform. */
export const replyToTopic = (
  db: WritableDB,
  { topicId, body, replyTo }: { topicId: string; body: string; replyTo: string | null },
  now = new Date(),
): { id: string; state: 'pending' } => {
  const topic = readTopicState(db, topicId);
  if (!topic) throw notFound('topic');
  // The platform would refuse these; saying so now beats a reply that fails later, out of sight.
  if (topic.locked) throw new RpcError({ code: 'conflict', message: 'The topic is closed to replies.' });
  if (replyTo !== null && !postInTopic(db, replyTo, topicId)) throw notFound('post in this topic');
  const id = newPlatformId('forum_post');
  const me = readMe(db);
  // The reply and its outbox entry are one write: neither exists without the other.
  db.transaction(() => {
    insertPendingPost(db, { id, topicId, body, replyTo, authorId: me.id, authorName: me.name, createdAt: now });
    enqueueWrite(db, { entityType: 'forum_post', entityId: id, op: 'post_forum_reply', payload: { topicId, id, body, replyTo }, now });
  }).immediate();
  return { id, state: 'pending' };
};
