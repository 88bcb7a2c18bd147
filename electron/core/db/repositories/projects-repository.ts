import { scoreMatch, type MatchProfile } from '../../../../shared/domain/match-score';
import {
  emptyFeedFilter,
  type FeedFacets,
  type FeedFilter,
  type ProjectSort,
  type ProjectSummary,
} from '../../../../shared/domain/project';
import { toFtsQuery } from '../../../../shared/domain/search-text';
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
  pk: number;
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
  match: 'match_score DESC NULLS LAST, pk DESC',
} as const satisfies Record<ProjectSort, string>;

const summaryColumns =
  'pk, id, title, language, kind, currency, budget_min_minor, budget_max_minor, skills, country, bid_count, status, posted_at';

const toSummary = (row: ProjectRow, profile: MatchProfile | null): ProjectSummary => {
  const skills = JSON.parse(row.skills) as string[];
  return {
    id: row.id,
    title: row.title,
    language: row.language,
    kind: row.kind,
    currency: row.currency,
    budgetMinMinor: row.budget_min_minor,
    budgetMaxMinor: row.budget_max_minor,
    skills,
    country: row.country,
    bidCount: row.bid_count,
    status: row.status,
    postedAt: row.posted_at,
    match: profile
      ? scoreMatch(
          { skills, language: row.language, kind: row.kind, currency: row.currency, budgetMaxMinor: row.budget_max_minor },
          profile,
        )
      : null,
  };
};

/** The freelancer's profile as the match score sees it; null before the first sync brought one. */
export const readMatchProfile = (db: ReadableDB): MatchProfile | null => {
  const row = prepare(db, 'SELECT skills, languages, hourly_rate_minor, currency FROM profile WHERE id = 1').get() as
    | { skills: string; languages: string; hourly_rate_minor: number | null; currency: string | null }
    | undefined;
  if (!row) return null;
  const languages = JSON.parse(row.languages) as ({ tag?: string } | string)[];
  return {
    skills: JSON.parse(row.skills) as string[],
    languages: languages.map((language) => (typeof language === 'string' ? language : (language.tag ?? ''))),
    hourlyRateMinor: row.hourly_rate_minor,
    currency: row.currency,
  };
};

type Where = { clauses: string[]; params: (string | number)[] };

/**
 * The WHERE clause for a filter. Values are always bound parameters; only the shape (how many "?") comes
 * from the filter. Full text goes through FTS5 with the user's words quoted (see toFtsQuery).
 */
const buildWhere = (filter: FeedFilter, now: Date): Where => {
  const where: Where = { clauses: [], params: [] };
  const add = (clause: string, ...params: (string | number)[]): void => {
    where.clauses.push(clause);
    where.params.push(...params);
  };
  const list = (values: readonly unknown[]): string => values.map(() => '?').join(', ');
  // `+pk`: the matches are a set to probe while walking the sort's index, never the driver of the query
  // (which would sort every match of a common word or skill before returning the first page).
  const match = toFtsQuery(filter.text);
  if (match) add('+pk IN (SELECT rowid FROM projects_fts WHERE projects_fts MATCH ?)', match);
  if (filter.skills.length > 0) {
    add(`+pk IN (SELECT project_pk FROM project_skills WHERE skill IN (${list(filter.skills)}))`, ...filter.skills);
  }
  if (filter.languages.length > 0) add(`language IN (${list(filter.languages)})`, ...filter.languages);
  if (filter.countries.length > 0) add(`country IN (${list(filter.countries)})`, ...filter.countries);
  if (filter.statuses.length > 0) add(`status IN (${list(filter.statuses)})`, ...filter.statuses);
  if (filter.kind) add('kind = ?', filter.kind);
  if (filter.currency) add('currency = ?', filter.currency);
  // A budget range keeps projects whose own range overlaps it; an open-ended budget reaches any maximum.
  if (filter.budgetMinMinor !== null) add('(budget_max_minor IS NULL OR budget_max_minor >= ?)', filter.budgetMinMinor);
  if (filter.budgetMaxMinor !== null) add('budget_min_minor <= ?', filter.budgetMaxMinor);
  if (filter.postedWithinDays !== null) {
    add('posted_at >= ?', new Date(now.getTime() - filter.postedWithinDays * 86_400_000).toISOString());
  }
  return where;
};

const whereSql = (where: Where): string => (where.clauses.length > 0 ? `WHERE ${where.clauses.join(' AND ')}` : '');

export const listProjects = (
  db: ReadableDB,
  query: { offset: number; limit: number; sort: ProjectSort; filter?: FeedFilter | undefined },
  now = new Date(),
): ProjectSummary[] => {
  const where = buildWhere(query.filter ?? emptyFeedFilter, now);
  const profile = readMatchProfile(db);
  return (
    prepare(db, `SELECT ${summaryColumns} FROM projects ${whereSql(where)} ORDER BY ${orderBy[query.sort]} LIMIT ? OFFSET ?`).all(
      ...where.params,
      query.limit,
      query.offset,
    ) as ProjectRow[]
  ).map((row) => toSummary(row, profile));
};

export const countProjects = (db: ReadableDB, filter?: FeedFilter, now = new Date()): number => {
  const where = buildWhere(filter ?? emptyFeedFilter, now);
  return (prepare(db, `SELECT count(*) AS n FROM projects ${whereSql(where)}`).get(...where.params) as { n: number }).n;
};

/** Projects that match a filter and arrived after `afterPk` (pks only grow): a saved search's new matches. */
export const countProjectsAfter = (db: ReadableDB, filter: FeedFilter, afterPk: number, now = new Date()): number => {
  const where = buildWhere(filter, now);
  where.clauses.push('pk > ?');
  where.params.push(afterPk);
  return (prepare(db, `SELECT count(*) AS n FROM projects ${whereSql(where)}`).get(...where.params) as { n: number }).n;
};

export const readMaxProjectPk = (db: ReadableDB): number =>
  (prepare(db, 'SELECT coalesce(max(pk), 0) AS n FROM projects').get() as { n: number }).n;

type DetailRow = ProjectRow & {
  client_id: string | null;
  description: string;
  category: string | null;
  remote: number;
  deadline: string | null;
};

export const readProject = (
  db: ReadableDB,
  id: string,
): (ProjectSummary & { clientId: string | null; description: string; category: string | null; remote: boolean; deadline: string | null }) | null => {
  const row = prepare(
    db,
    `SELECT ${summaryColumns}, client_id, description, category, remote, deadline FROM projects WHERE id = ?`,
  ).get(id) as DetailRow | undefined;
  if (!row) return null;
  return {
    ...toSummary(row, readMatchProfile(db)),
    clientId: row.client_id,
    description: row.description,
    category: row.category,
    remote: row.remote === 1,
    deadline: row.deadline,
  };
};

export const listProjectsOfClient = (db: ReadableDB, clientId: string, limit: number): ProjectSummary[] => {
  const profile = readMatchProfile(db);
  return (
    prepare(db, `SELECT ${summaryColumns} FROM projects WHERE client_id = ? ORDER BY posted_at DESC LIMIT ?`).all(
      clientId,
      limit,
    ) as ProjectRow[]
  ).map((row) => toSummary(row, profile));
};

const facet = (db: ReadableDB, sql: string): FeedFacets['skills'] => prepare(db, sql).all() as FeedFacets['skills'];

/** What the filters can offer, most frequent first. */
export const readFeedFacets = (db: ReadableDB): FeedFacets => ({
  skills: facet(db, 'SELECT skill AS value, count(*) AS count FROM project_skills GROUP BY skill ORDER BY count DESC, skill LIMIT 200'),
  languages: facet(db, 'SELECT language AS value, count(*) AS count FROM projects GROUP BY language ORDER BY count DESC'),
  countries: facet(
    db,
    'SELECT country AS value, count(*) AS count FROM projects WHERE country IS NOT NULL GROUP BY country ORDER BY count DESC',
  ),
  currencies: facet(db, 'SELECT currency AS value, count(*) AS count FROM projects GROUP BY currency ORDER BY count DESC'),
});

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
