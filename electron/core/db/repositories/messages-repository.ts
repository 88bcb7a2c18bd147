import type { MessageHit, MessageItem, ThreadDetail, ThreadSummary } from '../../../../shared/contract/messages';
import { decodeSyncProblem } from '../../../../shared/contract/sync-problem';
import type { AccountBadge } from '../../../../shared/domain/accounts';
import { prepare, type ReadableDB, type WritableDB } from '../database';
import { accountFilterClause, badgeOf, readAccountBadges } from './account-badges';

/** The user's own message, shown at once as pending (its thread's account's); the platform will confirm it under the same id. */
export const insertPendingMessage = (
  db: WritableDB,
  message: { id: string; threadId: string; body: string; sentAt: Date },
): void => {
  prepare(
    db,
    `INSERT INTO messages (id, version, thread_id, from_me, body, sent_at, state, account_id)
     VALUES (@id, 0, @threadId, 1, @body, @sentAt, 'pending', (SELECT account_id FROM threads WHERE id = @threadId))`,
  ).run({ id: message.id, threadId: message.threadId, body: message.body, sentAt: message.sentAt.toISOString() });
};

export const markMessageFailed = (db: WritableDB, id: string): void => {
  prepare(db, "UPDATE messages SET state = 'failed' WHERE id = ? AND state = 'pending'").run(id);
};

export const threadExists = (db: WritableDB, id: string): boolean =>
  prepare(db, 'SELECT 1 FROM threads WHERE id = ?').get(id) !== undefined;

type ThreadRow = {
  id: string;
  subject: string;
  client_id: string | null;
  client_name: string | null;
  project_id: string | null;
  project_title: string | null;
  unread: number;
  last_message_at: string | null;
  last_body: string | null;
  last_from_me: number | null;
  has_draft: number;
  account_id: string | null;
  message_count?: number;
  draft?: string | null;
};

// Unread: the platform's count, unless the user read the thread here; then only what arrived after that
// (and never more than the platform says: it may have been read on another device).
const threadSelect = `
  SELECT t.id, t.subject, t.client_id, c.name AS client_name, t.project_id, p.title AS project_title, t.account_id,
    CASE WHEN r.read_through IS NULL THEN t.unread_count
         ELSE min(t.unread_count, (SELECT count(*) FROM messages u
                                   WHERE u.thread_id = t.id AND u.from_me = 0 AND u.sent_at > r.read_through)) END AS unread,
    coalesce(lm.sent_at, t.last_message_at) AS last_message_at, substr(lm.body, 1, 200) AS last_body,
    lm.from_me AS last_from_me, d.thread_id IS NOT NULL AS has_draft
  FROM threads t
  LEFT JOIN clients c ON c.id = t.client_id
  LEFT JOIN projects p ON p.id = t.project_id
  LEFT JOIN thread_reads r ON r.thread_id = t.id
  LEFT JOIN thread_drafts d ON d.thread_id = t.id
  LEFT JOIN messages lm ON lm.pk = (SELECT pk FROM messages WHERE thread_id = t.id ORDER BY sent_at DESC, pk DESC LIMIT 1)`;

const toThread = (row: ThreadRow, badges: ReadonlyMap<string, AccountBadge>): ThreadSummary => ({
  id: row.id,
  subject: row.subject,
  clientId: row.client_id,
  clientName: row.client_name,
  projectId: row.project_id,
  projectTitle: row.project_title,
  unreadCount: row.unread,
  lastMessageAt: row.last_message_at,
  lastMessagePreview: row.last_body,
  lastMessageFromMe: row.last_from_me === 1,
  hasDraft: row.has_draft === 1,
  account: badgeOf(badges, row.account_id),
});

/** Conversations, most recent first (the platform's last-message time, which its index keeps in order). */
export const listThreads = (
  db: ReadableDB,
  query: { offset: number; limit: number; clientId?: string; accountIds?: readonly string[] },
): { total: number; items: ThreadSummary[] } => {
  const clauses: string[] = [];
  const params: string[] = [];
  if (query.clientId) {
    clauses.push('t.client_id = ?');
    params.push(query.clientId);
  }
  const accounts = accountFilterClause('t.account_id', query.accountIds ?? []);
  if (accounts) {
    clauses.push(accounts.sql);
    params.push(...accounts.params);
  }
  const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
  const total = (prepare(db, `SELECT count(*) AS n FROM threads t ${where}`).get(...params) as { n: number }).n;
  const rows = prepare(db, `${threadSelect} ${where} ORDER BY t.last_message_at DESC NULLS LAST, t.id LIMIT ? OFFSET ?`).all(
    ...params,
    query.limit,
    query.offset,
  ) as ThreadRow[];
  const badges = readAccountBadges(db);
  return { total, items: rows.map((row) => toThread(row, badges)) };
};

export const readThread = (db: ReadableDB, id: string): ThreadDetail | null => {
  const row = prepare(
    db,
    `${threadSelect.replace(
      'd.thread_id IS NOT NULL AS has_draft',
      'd.thread_id IS NOT NULL AS has_draft, d.body AS draft, (SELECT count(*) FROM messages WHERE thread_id = t.id) AS message_count',
    )} WHERE t.id = ?`,
  ).get(id) as ThreadRow | undefined;
  if (!row) return null;
  return { ...toThread(row, readAccountBadges(db)), messageCount: row.message_count ?? 0, draft: row.draft ?? '' };
};

type MessageRow = { id: string; thread_id: string; from_me: number; body: string; sent_at: string; state: MessageItem['state']; failure: string | null };

const toMessage = (row: MessageRow): MessageItem => ({
  id: row.id,
  threadId: row.thread_id,
  fromMe: row.from_me === 1,
  body: row.body,
  sentAt: row.sent_at,
  state: row.state,
  failure: row.state === 'failed' ? (decodeSyncProblem(row.failure) ?? { code: 'unexpected' }) : null,
});

/** A page of one conversation, oldest first, walking the (thread_id, sent_at, pk) index. */
export const listMessages = (db: ReadableDB, query: { threadId: string; offset: number; limit: number }): { total: number; items: MessageItem[] } => {
  const total = (prepare(db, 'SELECT count(*) AS n FROM messages WHERE thread_id = ?').get(query.threadId) as { n: number }).n;
  const rows = prepare(
    db,
    `SELECT m.id, m.thread_id, m.from_me, m.body, m.sent_at, m.state,
       CASE WHEN m.state = 'failed' THEN (SELECT last_error FROM outbox o
         WHERE o.entity_type = 'message' AND o.entity_id = m.id ORDER BY o.seq DESC LIMIT 1) END AS failure
     FROM messages m WHERE m.thread_id = ? ORDER BY m.sent_at, m.pk LIMIT ? OFFSET ?`,
  ).all(query.threadId, query.limit, query.offset) as MessageRow[];
  return { total, items: rows.map(toMessage) };
};

/** The message's position in its conversation (the order listMessages uses). */
export const locateMessage = (db: ReadableDB, id: string): { threadId: string; index: number } | null => {
  const row = prepare(db, 'SELECT thread_id, sent_at, pk FROM messages WHERE id = ?').get(id) as
    | { thread_id: string; sent_at: string; pk: number }
    | undefined;
  if (!row) return null;
  const { n } = prepare(
    db,
    'SELECT count(*) AS n FROM messages WHERE thread_id = ? AND (sent_at < ? OR (sent_at = ? AND pk < ?))',
  ).get(row.thread_id, row.sent_at, row.sent_at, row.pk) as { n: number };
  return { threadId: row.thread_id, index: n };
};

/**
 * Full text over all messages: the newest `limit` hits by arrival (FTS rowid order, read backwards from the
 * index's end), never ranking every hit, so a common word costs as little as a rare one.
 */
export const searchMessages = (db: ReadableDB, match: string, limit: number): MessageHit[] => {
  const badges = readAccountBadges(db);
  return (
    prepare(
      db,
      `SELECT m.id AS messageId, m.thread_id AS threadId, coalesce(t.subject, '') AS threadSubject, c.name AS clientName,
         m.sent_at AS sentAt, m.from_me AS fromMe, snippet(messages_fts, 0, char(2), char(3), '…', 16) AS snippet,
         coalesce(m.account_id, t.account_id) AS accountId
       FROM messages_fts f
       JOIN messages m ON m.pk = f.rowid
       LEFT JOIN threads t ON t.id = m.thread_id
       LEFT JOIN clients c ON c.id = t.client_id
       WHERE messages_fts MATCH ? ORDER BY f.rowid DESC LIMIT ?`,
    ).all(match, limit) as (Omit<MessageHit, 'fromMe' | 'account'> & { fromMe: number; accountId: string | null })[]
  ).map(({ accountId, ...hit }) => ({ ...hit, fromMe: hit.fromMe === 1, account: badgeOf(badges, accountId) }));
};

/** The outbox entry of a failed send, to retry it with its own idempotency key. */
export const findFailedSend = (db: ReadableDB, messageId: string): number | null =>
  (
    prepare(db, "SELECT seq FROM outbox WHERE entity_type = 'message' AND entity_id = ? AND state = 'failed' ORDER BY seq DESC LIMIT 1").get(
      messageId,
    ) as { seq: number } | undefined
  )?.seq ?? null;

export const markMessagePending = (db: WritableDB, id: string): void => {
  prepare(db, "UPDATE messages SET state = 'pending' WHERE id = ? AND state = 'failed'").run(id);
};

export const readMessageState = (db: ReadableDB, id: string): MessageItem['state'] | null =>
  (prepare(db, 'SELECT state FROM messages WHERE id = ?').get(id) as { state: MessageItem['state'] } | undefined)?.state ?? null;

/** A draft per conversation, written as the user types; an empty one is removed. */
export const writeDraft = (db: WritableDB, threadId: string, body: string, now: Date): void => {
  if (body.trim() === '') {
    prepare(db, 'DELETE FROM thread_drafts WHERE thread_id = ?').run(threadId);
    return;
  }
  prepare(
    db,
    `INSERT INTO thread_drafts (thread_id, body, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (thread_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
  ).run(threadId, body, now.toISOString());
};

/** Read up to the newest message (or now, for an empty thread). */
export const markThreadRead = (db: WritableDB, threadId: string, now: Date): void => {
  prepare(
    db,
    `INSERT INTO thread_reads (thread_id, read_through)
       VALUES (@threadId, coalesce((SELECT max(sent_at) FROM messages WHERE thread_id = @threadId), @now))
     ON CONFLICT (thread_id) DO UPDATE SET read_through = max(thread_reads.read_through, excluded.read_through)`,
  ).run({ threadId, now: now.toISOString() });
};
