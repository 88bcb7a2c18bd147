import type { QuickFindItem } from '../../../../shared/contract/search';
import { prepare, type ReadableDB } from '../database';
import { badgeOf, readAccountBadges } from './account-badges';

type FoundRow = Omit<QuickFindItem, 'account'> & { accountId: string | null };

/**
 * Names that match what the user typed, per kind, newest first, across every account (each with its account's
 * badge): projects and clients through their FTS indexes (`match` is an FTS5 expression of quoted prefix
 * terms), conversations by subject, client or project name (a plain LIKE over the threads table, which is small
 * next to messages).
 */
export const quickFind = (db: ReadableDB, match: string, like: string, limit: number): QuickFindItem[] => {
  const badges = readAccountBadges(db);
  const rows: FoundRow[] = [
    ...(prepare(
      db,
      `SELECT 'project' AS kind, p.id, p.title, p.status AS subtitle, p.account_id AS accountId FROM projects p
       WHERE p.pk IN (SELECT rowid FROM projects_fts WHERE projects_fts MATCH ?) ORDER BY p.posted_at DESC LIMIT ?`,
    ).all(match, limit) as FoundRow[]),
    ...(prepare(
      db,
      `SELECT 'client' AS kind, c.id, c.name AS title, c.company AS subtitle, c.account_id AS accountId FROM clients c
       WHERE c.pk IN (SELECT rowid FROM clients_fts WHERE clients_fts MATCH ?) ORDER BY c.name LIMIT ?`,
    ).all(match, limit) as FoundRow[]),
    ...(prepare(
      db,
      `SELECT 'thread' AS kind, t.id, coalesce(p.title, t.subject) AS title, c.name AS subtitle, t.account_id AS accountId FROM threads t
       LEFT JOIN clients c ON c.id = t.client_id LEFT JOIN projects p ON p.id = t.project_id
       WHERE t.subject LIKE @like ESCAPE '\\' OR c.name LIKE @like ESCAPE '\\' OR p.title LIKE @like ESCAPE '\\'
       ORDER BY t.last_message_at DESC LIMIT @limit`,
    ).all({ like, limit }) as FoundRow[]),
    ...(prepare(
      db,
      `SELECT 'proposal' AS kind, pr.id, p.title, pr.status AS subtitle, coalesce(pr.account_id, p.account_id) AS accountId
       FROM proposals pr JOIN projects p ON p.id = pr.project_id
       WHERE p.pk IN (SELECT rowid FROM projects_fts WHERE projects_fts MATCH ?) ORDER BY pr.updated_at DESC LIMIT ?`,
    ).all(match, limit) as FoundRow[]),
  ];
  return rows.map(({ accountId, ...item }) => ({ ...item, account: badgeOf(badges, accountId) }));
};
