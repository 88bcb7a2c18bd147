import type { UnreadTotals } from '../../../../shared/contract/attention';
import { announcedProposalStatuses, type AnnouncedProposalStatus, type ThreadNews } from '../../../../shared/domain/attention';
import { prepare, type ReadableDB } from '../database';

/** The newest message row: messages after it are news to the next round. */
export const readMaxMessagePk = (db: ReadableDB): number =>
  (prepare(db, 'SELECT coalesce(max(pk), 0) AS pk FROM messages').get() as { pk: number }).pk;

/**
 * Messages from others that arrived after `afterPk` and were sent after `sentSince` (a cache rebuilt from scratch
 * gives old messages new rows: they are not news), unread, per thread. A first reply: the client had not written
 * in the thread before, and the user had (a message) or bid on its project.
 */
export const listThreadNews = (db: ReadableDB, query: { afterPk: number; sentSince: string }): ThreadNews[] => {
  const rows = prepare(
    db,
    `SELECT m.thread_id AS thread_id, count(*) AS count, coalesce(t.muted, 0) AS muted,
       (NOT EXISTS (SELECT 1 FROM messages o WHERE o.thread_id = m.thread_id AND o.from_me = 0 AND o.pk <= @afterPk)
        AND (EXISTS (SELECT 1 FROM messages o WHERE o.thread_id = m.thread_id AND o.from_me = 1)
             OR EXISTS (SELECT 1 FROM proposals p WHERE p.project_id = t.project_id AND p.submitted_at IS NOT NULL))) AS first_reply
     FROM messages m
     LEFT JOIN threads t ON t.id = m.thread_id
     WHERE m.pk > @afterPk AND m.from_me = 0 AND m.state = 'synced' AND m.read_at IS NULL AND m.sent_at >= @sentSince
     GROUP BY m.thread_id
     ORDER BY max(m.pk)`,
  ).all(query) as { thread_id: string; count: number; muted: number; first_reply: number }[];
  return rows.map((row) => ({ threadId: row.thread_id, count: row.count, muted: row.muted === 1, firstReply: row.first_reply === 1 }));
};

/** Proposals now in a status worth a notice (shortlisted, awarded, declined). */
export const listDecidedProposals = (db: ReadableDB): { proposalId: string; status: AnnouncedProposalStatus }[] =>
  prepare(db, `SELECT id AS proposalId, status FROM proposals WHERE status IN (${announcedProposalStatuses.map(() => '?').join(', ')}) ORDER BY id`).all(
    ...announcedProposalStatuses,
  ) as { proposalId: string; status: AnnouncedProposalStatus }[];

/**
 * Proposals submitted before `submittedBefore` that are still waiting (submitted or shortlisted) and whose
 * client has written nothing since: in a thread about the project, after the proposal went out.
 */
export type AwaitingProposal = {
  proposalId: string;
  submittedAt: string;
  projectId: string;
  projectTitle: string | null;
  /** The project's language (a BCP 47 tag), for the follow-up's words; null when the project is not here. */
  language: string | null;
  /** The newest conversation about the project, where a follow-up can be written; null when there is none. */
  threadId: string | null;
  /** The account the proposal went out through (its follow-up days apply); null for one no account brought. */
  accountId: string | null;
};

export const listProposalsAwaitingReply = (db: ReadableDB, submittedBefore: string): AwaitingProposal[] =>
  prepare(
    db,
    `SELECT p.id AS proposalId, p.submitted_at AS submittedAt, p.project_id AS projectId, j.title AS projectTitle, j.language AS language,
       p.account_id AS accountId,
       (SELECT t.id FROM threads t WHERE t.project_id = p.project_id ORDER BY t.last_message_at DESC, t.id LIMIT 1) AS threadId
     FROM proposals p
     LEFT JOIN projects j ON j.id = p.project_id
     WHERE p.status IN ('submitted', 'shortlisted') AND p.submitted_at IS NOT NULL AND p.submitted_at < ?
       AND NOT EXISTS (SELECT 1 FROM threads t JOIN messages m ON m.thread_id = t.id
                       WHERE t.project_id = p.project_id AND m.from_me = 0 AND m.sent_at >= p.submitted_at)
     ORDER BY p.submitted_at`,
  ).all(submittedBefore) as AwaitingProposal[];

/** Each account's own follow-up days, where it has set them (account_state, by its key index). */
export const readAccountFollowUpDays = (db: ReadableDB): Map<string, number> => {
  const days = new Map<string, number>();
  for (const row of prepare(db, "SELECT account_id AS accountId, value FROM account_state WHERE key = 'follow_up_days'").all() as { accountId: string; value: string }[]) {
    const value = Number(row.value);
    if (Number.isInteger(value) && value >= 1 && value <= 60) days.set(row.accountId, value);
  }
  return days;
};

export const hasThreadDraft = (db: ReadableDB, threadId: string): boolean =>
  prepare(db, 'SELECT 1 FROM thread_drafts WHERE thread_id = ?').get(threadId) !== undefined;

/** Unread messages in conversations that are not muted (the counting of messages-repository's thread list). */
export const readUnreadTotals = (db: ReadableDB): UnreadTotals => {
  const row = prepare(
    db,
    `SELECT coalesce(sum(unread), 0) AS messages, count(*) FILTER (WHERE unread > 0) AS threads FROM (
       SELECT CASE WHEN r.read_through IS NULL THEN t.unread_count
                   ELSE min(t.unread_count, (SELECT count(*) FROM messages u
                                             WHERE u.thread_id = t.id AND u.from_me = 0 AND u.sent_at > r.read_through)) END AS unread
       FROM threads t LEFT JOIN thread_reads r ON r.thread_id = t.id
       WHERE t.muted = 0)`,
  ).get() as { messages: number; threads: number };
  return { messages: row.messages, threads: row.threads };
};
