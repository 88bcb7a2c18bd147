import { prepare, type WritableDB } from '../database';

/** The user's own message, shown at once as pending; the platform will confirm it under the same id. */
export const insertPendingMessage = (
  db: WritableDB,
  message: { id: string; threadId: string; body: string; sentAt: Date },
): void => {
  prepare(
    db,
    `INSERT INTO messages (id, version, thread_id, from_me, body, sent_at, state) VALUES (?, 0, ?, 1, ?, ?, 'pending')`,
  ).run(message.id, message.threadId, message.body, message.sentAt.toISOString());
};

export const markMessageFailed = (db: WritableDB, id: string): void => {
  prepare(db, "UPDATE messages SET state = 'failed' WHERE id = ? AND state = 'pending'").run(id);
};

export const threadExists = (db: WritableDB, id: string): boolean =>
  prepare(db, 'SELECT 1 FROM threads WHERE id = ?').get(id) !== undefined;
