import type { QuickFindItem } from '../../../../shared/contract/search';
import { prepare, type ReadableDB } from '../database';

/**
 * Names that match what the user typed, per kind, newest first: projects and clients through their FTS
 * indexes (`match` is an FTS5 expression of quoted prefix terms), conversations by subject, client or
 * project name (a plain LIKE over the threads table, which is small next to messages).
 */
export const quickFind = (db: ReadableDB, match: string, like: string, limit: number): QuickFindItem[] => [
  ...(prepare(
    db,
    `SELECT 'project' AS kind, p.id, p.title, p.status AS subtitle FROM projects p
     WHERE p.pk IN (SELECT rowid FROM projects_fts WHERE projects_fts MATCH ?) ORDER BY p.posted_at DESC LIMIT ?`,
  ).all(match, limit) as QuickFindItem[]),
  ...(prepare(
    db,
    `SELECT 'client' AS kind, c.id, c.name AS title, c.company AS subtitle FROM clients c
     WHERE c.pk IN (SELECT rowid FROM clients_fts WHERE clients_fts MATCH ?) ORDER BY c.name LIMIT ?`,
  ).all(match, limit) as QuickFindItem[]),
  ...(prepare(
    db,
    `SELECT 'thread' AS kind, t.id, coalesce(p.title, t.subject) AS title, c.name AS subtitle FROM threads t
     LEFT JOIN clients c ON c.id = t.client_id LEFT JOIN projects p ON p.id = t.project_id
     WHERE t.subject LIKE @like ESCAPE '\\' OR c.name LIKE @like ESCAPE '\\' OR p.title LIKE @like ESCAPE '\\'
     ORDER BY t.last_message_at DESC LIMIT @limit`,
  ).all({ like, limit }) as QuickFindItem[]),
  ...(prepare(
    db,
    `SELECT 'proposal' AS kind, pr.id, p.title, pr.status AS subtitle FROM proposals pr JOIN projects p ON p.id = pr.project_id
     WHERE p.pk IN (SELECT rowid FROM projects_fts WHERE projects_fts MATCH ?) ORDER BY pr.updated_at DESC LIMIT ?`,
  ).all(match, limit) as QuickFindItem[]),
];
