import type { AccountBadge } from '../../../../shared/domain/accounts';
import type { ClientSummary, ProposalSummary } from '../../../../shared/domain/project';
import { readNameSortKey } from '../../../../shared/domain/name-order';
import { toFtsQuery } from '../../../../shared/domain/search-text';
import { prepare, type ReadableDB, type WritableDB } from '../database';
import { accountFilterClause, badgeOf, readAccountBadges } from './account-badges';

type ClientRow = {
  id: string;
  name: string;
  company: string | null;
  country: string | null;
  city: string | null;
  languages: string;
  reputation: number | null;
  reviews_count: number;
  payment_verified: number;
  projects_posted: number;
  registered_at: string | null;
  account_id: string | null;
};

const clientColumns =
  'c.id, c.name, c.company, c.country, c.city, c.languages, c.reputation, c.reviews_count, c.payment_verified, c.projects_posted, c.registered_at, c.account_id';

const toClient = (row: ClientRow, badges: ReadonlyMap<string, AccountBadge>): ClientSummary => ({
  id: row.id,
  name: row.name,
  company: row.company,
  country: row.country,
  city: row.city,
  languages: JSON.parse(row.languages) as string[],
  reputation: row.reputation,
  reviewsCount: row.reviews_count,
  paymentVerified: row.payment_verified === 1,
  projectsPosted: row.projects_posted,
  registeredAt: row.registered_at,
  account: badgeOf(badges, row.account_id),
});

// The connections that have name_sort_key (better-sqlite3 cannot register a collation: see name-order.ts).
const sortKeyed = new WeakSet<ReadableDB>();
const registerNameSortKey = (db: ReadableDB): void => {
  if (sortKeyed.has(db)) return;
  db.function('name_sort_key', { deterministic: true }, (name: unknown) => (typeof name === 'string' ? readNameSortKey(name) : name));
  sortKeyed.add(db);
};

/** Clients by name (accents sorted as a reader expects: Céline before Chloé); `text` goes through the clients' FTS index (name, company); `accountIds` narrows to those accounts' clients. */
export const listClients = (
  db: ReadableDB,
  query: { text: string; offset: number; limit: number; accountIds?: readonly string[] },
): { total: number; items: ClientSummary[] } => {
  const match = toFtsQuery(query.text);
  const clauses: string[] = [];
  const params: string[] = [];
  if (match) {
    clauses.push('c.pk IN (SELECT rowid FROM clients_fts WHERE clients_fts MATCH ?)');
    params.push(match);
  }
  const accounts = accountFilterClause('c.account_id', query.accountIds ?? []);
  if (accounts) {
    clauses.push(accounts.sql);
    params.push(...accounts.params);
  }
  const where = clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '';
  const total = (prepare(db, `SELECT count(*) AS n FROM clients c ${where}`).get(...params) as { n: number }).n;
  registerNameSortKey(db);
  const rows = prepare(db, `SELECT ${clientColumns} FROM clients c ${where} ORDER BY name_sort_key(c.name), c.name, c.pk LIMIT ? OFFSET ?`).all(
    ...params,
    query.limit,
    query.offset,
  ) as ClientRow[];
  const badges = readAccountBadges(db);
  return { total, items: rows.map((row) => toClient(row, badges)) };
};

export const readClient = (db: ReadableDB, id: string): ClientSummary | null => {
  const row = prepare(db, `SELECT ${clientColumns} FROM clients c WHERE c.id = ?`).get(id) as ClientRow | undefined;
  return row ? toClient(row, readAccountBadges(db)) : null;
};

type ProposalRow = {
  id: string;
  project_id: string;
  title: string | null;
  status: string;
  kind: 'fixed' | 'hourly';
  currency: string;
  amount_minor: number | null;
  submitted_at: string | null;
  account_id: string | null;
};

const toProposal = (row: ProposalRow, badges: ReadonlyMap<string, AccountBadge>): ProposalSummary => ({
  id: row.id,
  projectId: row.project_id,
  projectTitle: row.title,
  status: row.status,
  kind: row.kind,
  currency: row.currency,
  amountMinor: row.amount_minor,
  submittedAt: row.submitted_at,
  account: badgeOf(badges, row.account_id),
});

const proposalColumns = 'pr.id, pr.project_id, p.title, pr.status, pr.kind, pr.currency, pr.amount_minor, pr.submitted_at, pr.account_id';

/** The user's bids on this client's projects, newest first. */
export const listProposalsWithClient = (db: ReadableDB, clientId: string, limit: number): ProposalSummary[] => {
  const badges = readAccountBadges(db);
  return (
    prepare(
      db,
      `SELECT ${proposalColumns} FROM proposals pr JOIN projects p ON p.id = pr.project_id
       WHERE p.client_id = ? ORDER BY coalesce(pr.submitted_at, pr.created_at) DESC LIMIT ?`,
    ).all(clientId, limit) as ProposalRow[]
  ).map((row) => toProposal(row, badges));
};

export const readProposalForProject = (db: ReadableDB, projectId: string): ProposalSummary | null => {
  const row = prepare(
    db,
    `SELECT ${proposalColumns} FROM proposals pr LEFT JOIN projects p ON p.id = pr.project_id
     WHERE pr.project_id = ? ORDER BY pr.updated_at DESC LIMIT 1`,
  ).get(projectId) as ProposalRow | undefined;
  return row ? toProposal(row, readAccountBadges(db)) : null;
};

export const readClientNote = (db: ReadableDB, clientId: string): { body: string; updatedAt: string } | null =>
  (prepare(db, 'SELECT body, updated_at AS updatedAt FROM client_notes WHERE client_id = ?').get(clientId) as
    | { body: string; updatedAt: string }
    | undefined) ?? null;

/** Private notes stay local: no outbox row, and a cache rebuild never clears them. An empty note is removed. */
export const writeClientNote = (db: WritableDB, clientId: string, body: string, now: Date): void => {
  if (body.trim() === '') {
    prepare(db, 'DELETE FROM client_notes WHERE client_id = ?').run(clientId);
    return;
  }
  prepare(
    db,
    `INSERT INTO client_notes (client_id, body, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (client_id) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
  ).run(clientId, body, now.toISOString());
};
