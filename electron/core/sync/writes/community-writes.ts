import { z } from 'zod';
import { markForumPostFailed } from '../../db/repositories/community-repository';
import { defineWriteUnit } from '../write-unit';

/** A reply to a forum topic, with the id made here. */
export const postForumReply = defineWriteUnit({
  name: 'post_forum_reply',
  payload: z.object({ topicId: z.string(), id: z.string(), body: z.string(), replyTo: z.string().nullable() }),
  create: true,
  toRequest: ({ payload: { topicId, id, body, replyTo } }) => ({
    method: 'POST',
    path: `/v1/forum/topics/${encodeURIComponent(topicId)}/posts`,
    body: { id, body, reply_to: replyTo },
  }),
  onRefused: ({ db, entry }) => markForumPostFailed(db, entry.entityId),
});
