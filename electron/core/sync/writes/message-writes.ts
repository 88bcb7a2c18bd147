import { z } from 'zod';
import { markMessageFailed } from '../../db/repositories/messages-repository';
import { defineWriteUnit } from '../write-unit';

/** A message typed here, with the id made here: a retry cannot post it twice. */
export const postMessage = defineWriteUnit({
  name: 'post_message',
  payload: z.object({ threadId: z.string(), id: z.string(), body: z.string() }),
  create: true,
  toRequest: ({ payload: { threadId, id, body } }) => ({
    method: 'POST',
    path: `/v1/threads/${encodeURIComponent(threadId)}/messages`,
    body: { id, body },
  }),
  onRefused: ({ db, entry }) => markMessageFailed(db, entry.entityId),
});

export const markThreadRead = defineWriteUnit({
  name: 'mark_thread_read',
  payload: z.object({ threadId: z.string() }),
  create: false,
  toRequest: ({ payload: { threadId } }) => ({ method: 'POST', path: `/v1/threads/${encodeURIComponent(threadId)}/read`, body: {} }),
});
