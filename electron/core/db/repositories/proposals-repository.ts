import type { ProposalDetail, ProposalRevision, ProposalSummary, ProposalVariantItem } from '../../../../shared/contract/proposals';
import { isVariantOutdated, sumMilestones, type MilestoneDraft, type VariantState } from '../../../../shared/domain/proposal';
import type { AccountBadge, AccountId } from '../../../../shared/domain/accounts';
import { prepare, type ReadableDB, type WritableDB } from '../database';
import { accountFilterClause, badgeOf, readAccountBadges } from './account-badges';

type SummaryRow = {
  id: string;
  project_id: string;
  project_title: string | null;
  client_name: string | null;
  status: string;
  kind: 'fixed' | 'hourly';
  amount_minor: number | null;
  currency: string;
  default_locale: string;
  locales: string | null;
  pending: number;
  updated_at: string;
  account_id: string | null;
};

type DetailRow = SummaryRow & {
  version: number | null;
  period_days: number | null;
  milestones: string;
  withdraw_reason: string | null;
  submitted_at: string | null;
};

type VariantRow = {
  locale: string;
  body_json: string;
  body_text: string;
  revision: number;
  source_locale: string | null;
  source_revision: number | null;
  updated_at: string;
};

// A proposal's account is its own (the one that brought it, or its project's when drafted here), else its project's.
const accountOfProposal = 'coalesce(pr.account_id, p.account_id)';

const summaryColumns = `pr.id, pr.project_id, p.title AS project_title, c.name AS client_name, pr.status, pr.kind, pr.amount_minor,
  pr.currency, pr.default_locale, pr.updated_at, ${accountOfProposal} AS account_id,
  (SELECT group_concat(locale, ',') FROM (SELECT locale FROM proposal_variants v WHERE v.proposal_id = pr.id ORDER BY locale)) AS locales,
  EXISTS (SELECT 1 FROM outbox o WHERE o.entity_type = 'proposal' AND o.entity_id = pr.id AND o.state <> 'sent') AS pending`;

const summaryFrom = 'FROM proposals pr LEFT JOIN projects p ON p.id = pr.project_id LEFT JOIN clients c ON c.id = p.client_id';

const toSummary = (row: SummaryRow, badges: ReadonlyMap<string, AccountBadge>): ProposalSummary => ({
  id: row.id,
  projectId: row.project_id,
  projectTitle: row.project_title,
  clientName: row.client_name,
  status: row.status,
  kind: row.kind,
  amountMinor: row.amount_minor,
  currency: row.currency,
  defaultLocale: row.default_locale,
  locales: row.locales ? row.locales.split(',') : [],
  pending: row.pending === 1,
  updatedAt: row.updated_at,
  account: badgeOf(badges, row.account_id),
});

// The platform's milestones carry snake_case fields and ids; local drafts carry the editor's shape. Both read the same.
const toMilestones = (json: string): MilestoneDraft[] =>
  (JSON.parse(json) as Record<string, unknown>[]).map((m) => ({
    title: typeof m.title === 'string' ? m.title : '',
    amountMinor: Number(m.amountMinor ?? m.amount_minor ?? 0),
    dueInDays: (m.dueInDays ?? m.due_in_days ?? null) as number | null,
  }));

/** Proposals by recency; `text` matches project title, client name or any variant's text (substring, case-folded by SQLite's LIKE). */
export const listProposals = (
  db: ReadableDB,
  query: { text: string; status: string | null; projectId: string | null; locale: string | null; limit: number; accountIds?: readonly string[] },
): ProposalSummary[] => {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (query.status) {
    where.push('pr.status = ?');
    params.push(query.status);
  }
  if (query.projectId) {
    where.push('pr.project_id = ?');
    params.push(query.projectId);
  }
  if (query.locale) {
    where.push('EXISTS (SELECT 1 FROM proposal_variants v WHERE v.proposal_id = pr.id AND v.locale = ?)');
    params.push(query.locale);
  }
  const accounts = accountFilterClause(accountOfProposal, query.accountIds ?? []);
  if (accounts) {
    where.push(accounts.sql);
    params.push(...accounts.params);
  }
  const text = query.text.trim();
  if (text) {
    // Escaped: a % or _ typed by the user is a character, not a wildcard.
    const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(`(p.title LIKE ? ESCAPE '\\' OR c.name LIKE ? ESCAPE '\\'
      OR EXISTS (SELECT 1 FROM proposal_variants v WHERE v.proposal_id = pr.id AND v.body_text LIKE ? ESCAPE '\\'))`);
    params.push(like, like, like);
  }
  const sql = `SELECT ${summaryColumns} ${summaryFrom} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY pr.updated_at DESC LIMIT ?`;
  const badges = readAccountBadges(db);
  return (db.prepare(sql).all(...params, query.limit) as SummaryRow[]).map((row) => toSummary(row, badges));
};

const readVariantRows = (db: ReadableDB, id: string): VariantRow[] =>
  prepare(
    db,
    `SELECT locale, body_json, body_text, revision, source_locale, source_revision, updated_at
     FROM proposal_variants WHERE proposal_id = ? ORDER BY locale`,
  ).all(id) as VariantRow[];

const toVariantState = (row: VariantRow): VariantState => ({
  locale: row.locale,
  bodyText: row.body_text,
  revision: row.revision,
  sourceLocale: row.source_locale,
  sourceRevision: row.source_revision,
});

export const readVariants = (db: ReadableDB, id: string): ProposalVariantItem[] => {
  const rows = readVariantRows(db, id);
  const states = rows.map(toVariantState);
  return rows.map((row, index) => ({
    locale: row.locale,
    bodyJson: row.body_json,
    bodyText: row.body_text,
    revision: row.revision,
    sourceLocale: row.source_locale,
    sourceRevision: row.source_revision,
    outdated: isVariantOutdated(states[index]!, states),
    updatedAt: row.updated_at,
  }));
};

/** Letter and terms; questions, answers and linked items come from proposal-parts-repository, the fee and problems from the handler. */
export type ProposalRecord = Omit<ProposalDetail, 'problems' | 'questions' | 'answers' | 'portfolioItemIds' | 'fee'>;

export const readProposal = (db: ReadableDB, id: string): ProposalRecord | null => {
  const row = prepare(
    db,
    `SELECT ${summaryColumns}, pr.version, pr.period_days, pr.milestones, pr.withdraw_reason, pr.submitted_at
     ${summaryFrom} WHERE pr.id = ?`,
  ).get(id) as DetailRow | undefined;
  if (!row) return null;
  const milestones = toMilestones(row.milestones);
  return {
    ...toSummary(row, readAccountBadges(db)),
    version: row.version,
    periodDays: row.period_days,
    milestones,
    milestonesTotalMinor: sumMilestones(milestones),
    withdrawReason: row.withdraw_reason,
    submittedAt: row.submitted_at,
    variants: readVariants(db, id),
  };
};

/** The project a draft is written for: its currency, kind and language come from there. */
export const readProjectTerms = (
  db: ReadableDB,
  projectId: string,
): { kind: 'fixed' | 'hourly'; currency: string; language: string } | null =>
  (prepare(db, 'SELECT kind, currency, language FROM projects WHERE id = ?').get(projectId) as
    | { kind: 'fixed' | 'hourly'; currency: string; language: string }
    | undefined) ?? null;

/** The user's live proposal for the project (draft or sent): the platform takes one bid per project, so a second would only compete. */
export const findDraftForProject = (db: ReadableDB, projectId: string): string | null =>
  (
    prepare(db, "SELECT id FROM proposals WHERE project_id = ? AND status <> 'withdrawn' ORDER BY created_at DESC LIMIT 1").get(
      projectId,
    ) as { id: string } | undefined
  )?.id ?? null;

/** A new draft, of its project's account (the account a proposal goes out through). */
export const insertDraft = (
  db: WritableDB,
  draft: { id: string; projectId: string; kind: 'fixed' | 'hourly'; currency: string; locale: string; now: Date },
): void => {
  const at = draft.now.toISOString();
  prepare(
    db,
    `INSERT INTO proposals (id, version, project_id, status, kind, currency, default_locale, created_at, updated_at, account_id)
     VALUES (?, NULL, ?, 'draft', ?, ?, ?, ?, ?, (SELECT account_id FROM projects WHERE id = ?))`,
  ).run(draft.id, draft.projectId, draft.kind, draft.currency, draft.locale, at, at, draft.projectId);
  insertVariant(db, { id: draft.id, locale: draft.locale, bodyJson: '', bodyText: '', sourceLocale: null, sourceRevision: null, now: draft.now });
};

export const insertVariant = (
  db: WritableDB,
  variant: { id: string; locale: string; bodyJson: string; bodyText: string; sourceLocale: string | null; sourceRevision: number | null; now: Date },
): void => {
  const at = variant.now.toISOString();
  prepare(
    db,
    `INSERT INTO proposal_variants (proposal_id, locale, body_json, body_text, revision, source_locale, source_revision, updated_at)
     VALUES (?, ?, ?, ?, 1, ?, ?, ?)`,
  ).run(variant.id, variant.locale, variant.bodyJson, variant.bodyText, variant.sourceLocale, variant.sourceRevision, at);
  prepare(
    db,
    `INSERT INTO proposal_revisions (proposal_id, locale, revision, body_json, body_text, created_at, saved_at)
     VALUES (?, ?, 1, ?, ?, ?, ?)`,
  ).run(variant.id, variant.locale, variant.bodyJson, variant.bodyText, at, at);
  touchProposal(db, variant.id, variant.now);
};

/**
 * Removes a language with its revisions, kept restorable (removed_variants, removed_revisions) until purged: Undo
 * brings back the letter and its whole history. A language removed before and not restored gives way to this one.
 */
export const deleteVariant = (db: WritableDB, id: string, locale: string, now: Date): boolean => {
  if (!variantExists(db, id, locale)) return false;
  prepare(db, 'DELETE FROM removed_variants WHERE proposal_id = ? AND locale = ?').run(id, locale);
  prepare(
    db,
    `INSERT INTO removed_variants (proposal_id, locale, body_json, body_text, revision, source_locale, source_revision, updated_at, removed_at)
     SELECT proposal_id, locale, body_json, body_text, revision, source_locale, source_revision, updated_at, ?
     FROM proposal_variants WHERE proposal_id = ? AND locale = ?`,
  ).run(now.toISOString(), id, locale);
  prepare(
    db,
    `INSERT INTO removed_revisions (proposal_id, locale, revision, body_json, body_text, created_at, saved_at)
     SELECT proposal_id, locale, revision, body_json, body_text, created_at, saved_at
     FROM proposal_revisions WHERE proposal_id = ? AND locale = ?`,
  ).run(id, locale);
  prepare(db, 'DELETE FROM proposal_revisions WHERE proposal_id = ? AND locale = ?').run(id, locale);
  prepare(db, 'DELETE FROM proposal_variants WHERE proposal_id = ? AND locale = ?').run(id, locale);
  touchProposal(db, id, now);
  return true;
};

/**
 * A removed language back as it was, with its revisions. 'exists': the language was written again meanwhile (the
 * removed one stays restorable, nothing is overwritten); 'missing': nothing of it is kept (never removed, or purged).
 */
export const restoreRemovedVariant = (db: WritableDB, id: string, locale: string, now: Date): 'restored' | 'exists' | 'missing' => {
  if (variantExists(db, id, locale)) return 'exists';
  const restored = prepare(
    db,
    `INSERT INTO proposal_variants (proposal_id, locale, body_json, body_text, revision, source_locale, source_revision, updated_at)
     SELECT proposal_id, locale, body_json, body_text, revision, source_locale, source_revision, updated_at
     FROM removed_variants WHERE proposal_id = ? AND locale = ?`,
  ).run(id, locale).changes;
  if (restored === 0) return 'missing';
  prepare(
    db,
    `INSERT INTO proposal_revisions (proposal_id, locale, revision, body_json, body_text, created_at, saved_at)
     SELECT proposal_id, locale, revision, body_json, body_text, created_at, saved_at
     FROM removed_revisions WHERE proposal_id = ? AND locale = ? ORDER BY revision`,
  ).run(id, locale);
  prepare(db, 'DELETE FROM removed_variants WHERE proposal_id = ? AND locale = ?').run(id, locale);
  touchProposal(db, id, now);
  return 'restored';
};

/**
 * Any local change: a proposal the platform holds, or one whose first submit is queued, now has edits that are
 * not sent yet (the platform's answer to that submit must not take them back).
 */
export const touchProposal = (db: WritableDB, id: string, now: Date): void => {
  prepare(
    db,
    "UPDATE proposals SET updated_at = ?, local_edits = CASE WHEN version IS NULL AND status = 'draft' THEN local_edits ELSE 1 END WHERE id = ?",
  ).run(now.toISOString(), id);
};

/** The edits are in the outbox now (or were given up by a withdraw): the outbox guards them from here. */
export const clearLocalEdits = (db: WritableDB, id: string): void => {
  prepare(db, 'UPDATE proposals SET local_edits = 0 WHERE id = ?').run(id);
};

export const hasLocalEdits = (db: ReadableDB, id: string): boolean =>
  prepare(db, 'SELECT 1 FROM proposals WHERE id = ? AND local_edits = 1').get(id) !== undefined;

/** The newest revision of a variant and when it was opened; null when the variant has no history yet. */
export const readLatestRevision = (db: ReadableDB, id: string, locale: string): { revision: number; createdAt: Date } | null => {
  const row = prepare(
    db,
    'SELECT revision, created_at AS createdAt FROM proposal_revisions WHERE proposal_id = ? AND locale = ? ORDER BY revision DESC LIMIT 1',
  ).get(id, locale) as { revision: number; createdAt: string } | undefined;
  return row ? { revision: row.revision, createdAt: new Date(row.createdAt) } : null;
};

export const variantExists = (db: ReadableDB, id: string, locale: string): boolean =>
  prepare(db, 'SELECT 1 FROM proposal_variants WHERE proposal_id = ? AND locale = ?').get(id, locale) !== undefined;

/**
 * Writes the variant's body. `newRevision` opens a history row (numbered after the newest); otherwise the
 * newest history row is amended, so history keeps one row per editing session rather than per keystroke.
 */
export const writeVariantBody = (
  db: WritableDB,
  body: { id: string; locale: string; bodyJson: string; bodyText: string; newRevision: boolean; now: Date },
): number => {
  const at = body.now.toISOString();
  const latest = readLatestRevision(db, body.id, body.locale);
  const revision = body.newRevision || latest === null ? (latest?.revision ?? 0) + 1 : latest.revision;
  prepare(
    db,
    `INSERT INTO proposal_revisions (proposal_id, locale, revision, body_json, body_text, created_at, saved_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (proposal_id, locale, revision) DO UPDATE SET body_json = excluded.body_json, body_text = excluded.body_text,
       saved_at = excluded.saved_at`,
  ).run(body.id, body.locale, revision, body.bodyJson, body.bodyText, at, at);
  prepare(
    db,
    'UPDATE proposal_variants SET body_json = ?, body_text = ?, revision = ?, updated_at = ? WHERE proposal_id = ? AND locale = ?',
  ).run(body.bodyJson, body.bodyText, revision, at, body.id, body.locale);
  touchProposal(db, body.id, body.now);
  return revision;
};

export const setVariantSource = (db: WritableDB, id: string, locale: string, sourceRevision: number): void => {
  prepare(db, 'UPDATE proposal_variants SET source_revision = ? WHERE proposal_id = ? AND locale = ?').run(sourceRevision, id, locale);
};

export const listRevisions = (db: ReadableDB, id: string, locale: string): ProposalRevision[] =>
  prepare(
    db,
    `SELECT revision, body_json AS bodyJson, body_text AS bodyText, created_at AS createdAt, coalesce(saved_at, created_at) AS savedAt
     FROM proposal_revisions WHERE proposal_id = ? AND locale = ? ORDER BY revision DESC`,
  ).all(id, locale) as ProposalRevision[];

export const readRevision = (db: ReadableDB, id: string, locale: string, revision: number): ProposalRevision | null =>
  listRevisions(db, id, locale).find((row) => row.revision === revision) ?? null;

export const writeTerms = (
  db: WritableDB,
  terms: { id: string; kind: 'fixed' | 'hourly'; amountMinor: number | null; periodDays: number | null; milestones: MilestoneDraft[]; now: Date },
): void => {
  prepare(db, 'UPDATE proposals SET kind = ?, amount_minor = ?, period_days = ?, milestones = ?, updated_at = ? WHERE id = ?').run(
    terms.kind,
    terms.amountMinor,
    terms.periodDays,
    JSON.stringify(terms.milestones),
    terms.now.toISOString(),
    terms.id,
  );
  touchProposal(db, terms.id, terms.now);
};

export const writeProposalStatus = (db: WritableDB, id: string, status: string, now: Date, withdrawReason?: string | null): void => {
  prepare(db, 'UPDATE proposals SET status = ?, withdraw_reason = coalesce(?, withdraw_reason), updated_at = ? WHERE id = ?').run(
    status,
    withdrawReason ?? null,
    now.toISOString(),
    id,
  );
};

/**
 * A later submit folds into the proposal's newest outbox write when that write was never tried (its key has
 * not reached the platform): one request instead of two racing on the same base version.
 */
export const replaceUntriedProposalWrite = (db: WritableDB, entry: { id: string; op: string; payload: unknown }): boolean =>
  prepare(
    db,
    `UPDATE outbox SET payload = ? WHERE op = ? AND state = 'queued' AND attempts = 0
       AND seq = (SELECT max(seq) FROM outbox WHERE entity_type = 'proposal' AND entity_id = ?)`,
  ).run(JSON.stringify(entry.payload), entry.op, entry.id).changes > 0;

/** What merge fields are filled with: the project's title and client, and the user's own profile. */
export const readMergeSources = (
  db: ReadableDB,
  id: string,
): { clientName: string | null; projectTitle: string | null; myName: string | null; myRateMinor: number | null; myCurrency: string | null } =>
  (prepare(
    db,
    `SELECT c.name AS clientName, p.title AS projectTitle, me.name AS myName, me.hourly_rate_minor AS myRateMinor, me.currency AS myCurrency
     FROM proposals pr LEFT JOIN projects p ON p.id = pr.project_id LEFT JOIN clients c ON c.id = p.client_id
       LEFT JOIN profile me ON me.id = 1
     WHERE pr.id = ?`,
  ).get(id) as ReturnType<typeof readMergeSources> | undefined) ?? { clientName: null, projectTitle: null, myName: null, myRateMinor: null, myCurrency: null };

export type TemplateRow = { id: string; kind: 'template' | 'snippet'; locale: string; name: string; bodyJson: string; updatedAt: string };

/** The user's library of reusable blocks, by language then name. */
export const listTemplates = (db: ReadableDB, locale: string | null): TemplateRow[] =>
  prepare(
    db,
    `SELECT id, kind, locale, name, body_json AS bodyJson, updated_at AS updatedAt FROM templates
     WHERE deleted_at IS NULL AND (? IS NULL OR locale = ?) ORDER BY locale, name COLLATE NOCASE`,
  ).all(locale, locale) as TemplateRow[];

export const writeTemplate = (db: WritableDB, template: Omit<TemplateRow, 'updatedAt'>, now: Date): void => {
  const at = now.toISOString();
  prepare(
    db,
    `INSERT INTO templates (id, kind, locale, name, body_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, locale = excluded.locale, name = excluded.name,
       body_json = excluded.body_json, updated_at = excluded.updated_at, deleted_at = NULL`,
  ).run(template.id, template.kind, template.locale, template.name, template.bodyJson, at, at);
};

/** Marks a template or snippet deleted: gone from the library, restorable until purged. */
export const deleteTemplate = (db: WritableDB, id: string, now: Date): boolean =>
  prepare(db, 'UPDATE templates SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(now.toISOString(), id).changes > 0;

/** A deleted template or snippet back in the library; false when it is not deleted (or no longer kept). */
export const restoreTemplate = (db: WritableDB, id: string): boolean =>
  prepare(db, 'UPDATE templates SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL').run(id).changes > 0;

/** How long a deletion stays restorable. */
export const restorableForMs = 30 * 24 * 60 * 60_000;

/** Deletes for good what was deleted before `before` (templates, removed languages with their revisions). */
export const purgeDeleted = (db: WritableDB, before: Date): number => {
  const cutoff = before.toISOString();
  return (
    prepare(db, 'DELETE FROM templates WHERE deleted_at IS NOT NULL AND deleted_at < ?').run(cutoff).changes +
    prepare(db, 'DELETE FROM removed_variants WHERE removed_at < ?').run(cutoff).changes
  );
};

/** The account a proposal goes out through (its own, else its project's); null for neither (a local project). */
export const readProposalAccount = (db: ReadableDB, id: string): AccountId | null =>
  (
    prepare(db, 'SELECT COALESCE(p.account_id, pr.account_id) AS accountId FROM proposals p LEFT JOIN projects pr ON pr.id = p.project_id WHERE p.id = ?').get(
      id,
    ) as { accountId: AccountId | null } | undefined
  )?.accountId ?? null;

/** The platform version the row holds: the one the user saw, or one our own accepted writes taught it since. */
export const readProposalVersion = (db: ReadableDB, id: string): number | null =>
  (prepare(db, 'SELECT version FROM proposals WHERE id = ?').get(id) as { version: number | null } | undefined)?.version ?? null;

/**
 * The platform took our write while more of ours is still to go: the row learns the version (the next write's
 * If-Match) but keeps what the user has here. `status` too, unless a write queued behind (a withdraw) set it.
 */
export const learnProposalVersion = (
  db: WritableDB,
  record: { id: string; version: number; status: string; submitted_at: string },
  fetchedAt: string,
  takeStatus: boolean,
): void => {
  prepare(
    db,
    `UPDATE proposals SET version = ?, raw = ?, fetched_at = ?,
       status = CASE WHEN ? THEN ? ELSE status END, submitted_at = coalesce(submitted_at, ?)
     WHERE id = ? AND COALESCE(version, 0) < ?`,
  ).run(record.version, JSON.stringify(record), fetchedAt, takeStatus ? 1 : 0, record.status, record.submitted_at, record.id, record.version);
};
