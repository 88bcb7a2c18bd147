import type { ProjectSort, ProjectSummary } from '../../../../shared/domain/project';
import { prepare, type ReadableDB, type WritableDB } from '../database';
import { toUtc } from './versioned-rows';

/** A project as the platform describes it, ready to store. */
export type ProjectRecord = ProjectSummary & {
  version: number;
  clientId: string | null;
  description: string;
  updatedAt: string;
  raw: unknown;
};

type ProjectRow = {
  id: string;
  title: string;
  language: string;
  kind: ProjectSummary['kind'];
  currency: string;
  budget_min_minor: number | null;
  budget_max_minor: number | null;
  skills: string;
  country: string | null;
  bid_count: number;
  status: ProjectSummary['status'];
  posted_at: string;
};

// Each sort ends on pk so that paging is stable when values tie; each has an index of the same shape.
const orderBy = {
  newest: 'posted_at DESC, pk DESC',
  budget: 'budget_max_minor DESC NULLS LAST, pk DESC',
  bids: 'bid_count DESC, pk DESC',
} as const satisfies Record<ProjectSort, string>;

const summaryColumns =
  'id, title, language, kind, currency, budget_min_minor, budget_max_minor, skills, country, bid_count, status, posted_at';

const toSummary = (row: ProjectRow): ProjectSummary => ({
  id: row.id,
  title: row.title,
  language: row.language,
  kind: row.kind,
  currency: row.currency,
  budgetMinMinor: row.budget_min_minor,
  budgetMaxMinor: row.budget_max_minor,
  skills: JSON.parse(row.skills) as string[],
  country: row.country,
  bidCount: row.bid_count,
  status: row.status,
  postedAt: row.posted_at,
});


export const listProjects = (
  db: ReadableDB,
  query: { offset: number; limit: number; sort: ProjectSort },
): ProjectSummary[] =>
  (
    prepare(db, `SELECT ${summaryColumns} FROM projects ORDER BY ${orderBy[query.sort]} LIMIT ? OFFSET ?`)
      .all(query.limit, query.offset) as ProjectRow[]
  ).map(toSummary);

export const countProjects = (db: ReadableDB): number =>
  (prepare(db, 'SELECT count(*) AS n FROM projects').get() as { n: number }).n;

/** Inserts or updates by version: an older version never overwrites a newer one. Returns rows changed. */
export const upsertProjects = (db: WritableDB, records: readonly ProjectRecord[], fetchedAt: Date): number => {
  const statement = prepare(db, `
    INSERT INTO projects (id, version, client_id, title, description, language, kind, currency, budget_min_minor,
      budget_max_minor, skills, country, bid_count, status, posted_at, updated_at, raw, fetched_at)
    VALUES (@id, @version, @clientId, @title, @description, @language, @kind, @currency, @budgetMinMinor,
      @budgetMaxMinor, @skills, @country, @bidCount, @status, @postedAt, @updatedAt, @raw, @fetchedAt)
    ON CONFLICT (id) DO UPDATE SET
      version = excluded.version, client_id = excluded.client_id, title = excluded.title,
      description = excluded.description, language = excluded.language, kind = excluded.kind,
      currency = excluded.currency, budget_min_minor = excluded.budget_min_minor,
      budget_max_minor = excluded.budget_max_minor, skills = excluded.skills, country = excluded.country,
      bid_count = excluded.bid_count, status = excluded.status, posted_at = excluded.posted_at,
      updated_at = excluded.updated_at, raw = excluded.raw, fetched_at = excluded.fetched_at
    WHERE excluded.version > projects.version`);
  const fetched = fetchedAt.toISOString();
  return db.transaction(() => {
    let changed = 0;
    for (const record of records) {
      changed += statement.run({
        ...record,
        skills: JSON.stringify(record.skills),
        postedAt: toUtc(record.postedAt),
        updatedAt: toUtc(record.updatedAt),
        raw: JSON.stringify(record.raw),
        fetchedAt: fetched,
      }).changes;
    }
    return changed;
  })();
};

/** Full-text match over title, description and skills; accents and umlauts need not be typed. */
export const searchProjectIds = (db: ReadableDB, match: string, limit: number): string[] =>
  (
    prepare(
      db,
      `SELECT p.id FROM projects_fts f JOIN projects p ON p.pk = f.rowid
         WHERE projects_fts MATCH ? ORDER BY p.posted_at DESC LIMIT ?`,
      )
      .all(match, limit) as { id: string }[]
  ).map((row) => row.id);
