import { scoreMatch, type MatchProfile } from '../../../../shared/domain/match-score';
import {
  emptyFeedFilter,
  type FeedFacets,
  type FeedFilter,
  type ProjectSort,
  type ProjectSummary,
} from '../../../../shared/domain/project';
import { toFtsQuery } from '../../../../shared/domain/search-text';
import type { AccountBadge } from '../../../../shared/domain/accounts';
import { prepare, type ReadableDB, type WritableDB } from '../database';
import { accountFilterClause, badgeOf, readAccountBadges } from './account-badges';
import { toUtc } from './versioned-rows';

/** A project as the platform describes it, ready to store. */
export type ProjectRecord = Omit<ProjectSummary, 'account'> & {
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
  account_id: string | null;
};

// Each sort ends on pk so that paging is stable when values tie; each has an index of the same shape.
const orderBy = {
  newest: 'posted_at DESC, pk DESC',
  budget: 'budget_max_minor DESC NULLS LAST, pk DESC',
  bids: 'bid_count DESC, pk DESC',
  match: 'match_score DESC NULLS LAST, pk DESC',
} as const satisfies Record<ProjectSort, string>;

const sortIndex = {
  newest: 'projects_feed_newest',
  budget: 'projects_feed_budget',
  bids: 'projects_feed_bids',
  match: 'projects_feed_match',
} as const satisfies Record<ProjectSort, string>;

/** What a walk along a sort index reads: every filtered column (all feed indexes carry them) and the sort's. */
const filterColumns = 'pk, language, country, status, kind, currency, budget_min_minor, budget_max_minor, posted_at';
const walkColumns = {
  newest: filterColumns,
  budget: filterColumns,
  bids: `${filterColumns}, bid_count`,
  match: `${filterColumns}, match_score`,
} as const satisfies Record<ProjectSort, string>;

const summaryColumns =
  'pk, id, title, language, kind, currency, budget_min_minor, budget_max_minor, skills, country, bid_count, status, posted_at, account_id';

const toSummary = (row: ProjectRow, profile: MatchProfile | null, badges: ReadonlyMap<string, AccountBadge>): ProjectSummary => {
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
    account: badgeOf(badges, row.account_id),
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

/** A set of rows small enough to look up one by one instead of scanning an index for them. */
type RowSource = 'text' | 'skills';

/**
 * The WHERE clause for a filter. Values are always bound parameters; only the shape (how many "?") comes
 * from the filter. Full text goes through FTS5 with the user's words quoted (see toFtsQuery).
 * Plain column tests come first and set probes last: SQLite tests the terms in this order on every index
 * entry it reads, and a failed cheap comparison spares the probe (about half the cost of a scan).
 */
const buildWhere = (
  filter: FeedFilter,
  now: Date,
  { drive = null, probes = true }: { drive?: RowSource | null; probes?: boolean } = {},
): Where => {
  const where: Where = { clauses: [], params: [] };
  const add = (clause: string, ...params: (string | number)[]): void => {
    where.clauses.push(clause);
    where.params.push(...params);
  };
  if (filter.languages.length > 0) add(`language IN (${list(filter.languages)})`, ...filter.languages);
  if (filter.countries.length > 0) add(`country IN (${list(filter.countries)})`, ...filter.countries);
  if (filter.statuses.length > 0) add(`status IN (${list(filter.statuses)})`, ...filter.statuses);
  if (filter.kind) add('kind = ?', filter.kind);
  if (filter.currency) add('currency = ?', filter.currency);
  // A budget range keeps projects whose own range overlaps it; an open-ended budget reaches any maximum.
  if (filter.budgetMinMinor !== null) add('(budget_max_minor IS NULL OR budget_max_minor >= ?)', filter.budgetMinMinor);
  if (filter.budgetMaxMinor !== null) add('budget_min_minor <= ?', filter.budgetMaxMinor);
  const cutoff = postedCutoff(filter, now);
  if (cutoff !== null) add('posted_at >= ?', cutoff);
  // Every feed index carries the account (v19), last: tested in the entry a walk or a count reads.
  const accounts = accountFilterClause('account_id', filter.accountIds);
  if (accounts) add(accounts.sql, ...accounts.params);
  if (!probes) return where;
  // `+pk`: the matches are a set to probe while reading an index, never the driver of the query (which would
  // look up and sort every match of a common word or skill) unless they were counted and found few (`drive`).
  if (filter.skills.length > 0) {
    add(`${drive === 'skills' ? '' : '+'}pk IN (SELECT project_pk FROM project_skills WHERE skill IN (${list(filter.skills)}))`, ...filter.skills);
  }
  const match = toFtsQuery(filter.text);
  if (match) add(`${drive === 'text' ? '' : '+'}pk IN (SELECT rowid FROM projects_fts WHERE projects_fts MATCH ?)`, match);
  return where;
};

const postedCutoff = (filter: FeedFilter, now: Date): string | null =>
  filter.postedWithinDays === null ? null : new Date(now.getTime() - filter.postedWithinDays * 86_400_000).toISOString();

const whereSql = (where: Where): string => (where.clauses.length > 0 ? `WHERE ${where.clauses.join(' AND ')}` : '');

/**
 * Where a filtered query reads its projects. Every plan is pinned (INDEXED BY / NOT INDEXED), so statistics
 * that ANALYZE gathers later cannot move it, and none reads more than one pass over one index or sorts more
 * than offset + limit rows at a time (SQLite's top-N sorter):
 * - `walk`: along the sort's own index, in order, stopping at the page's last match: the plan when matches
 *   are common, and the whole index when they are rare.
 * - `range`: one range of an index, read whole, its matches sorted: the posting languages' part of the filter
 *   index, or the newest index from the posted date (for the newest sort that range is itself a walk).
 * - `rows`: the few projects a rare word or skill names, looked up by pk, their matches sorted.
 */
type Access =
  | { via: 'walk' }
  | { via: 'range'; index: 'projects_feed_filter' | 'projects_feed_newest' }
  | { via: 'rows'; source: RowSource };

// Fewer rows than this are looked up one by one (about twenty index entries' worth each) rather than probed.
const rowsCap = 500;
// A walk that finds no full page in this many entries (or ten per row asked) leaves the rest to a range.
const walkProbe = 5_000;

const list = (values: readonly unknown[]): string => values.map(() => '?').join(', ');

/** A word or skill set of fewer than `rowsCap` projects, counted without reading past the cap. */
const findSmallSet = (db: ReadableDB, filter: FeedFilter): RowSource | null => {
  const below = (sql: string, params: readonly string[]): boolean =>
    (prepare(db, `SELECT count(*) AS n FROM (${sql} LIMIT ${rowsCap})`).get(...params) as { n: number }).n < rowsCap;
  const match = toFtsQuery(filter.text);
  if (match && below('SELECT 1 FROM projects_fts WHERE projects_fts MATCH ?', [match])) return 'text';
  if (filter.skills.length > 0 && below(`SELECT 1 FROM project_skills WHERE skill IN (${list(filter.skills)})`, filter.skills)) {
    return 'skills';
  }
  return null;
};

/**
 * The range that narrows the projects most often: the languages lead the filter index, else the posted date
 * (the newest index, which carries the budget but not bids or match score: for those sorts, or with no
 * `sort` for a count that needs none).
 */
const findRange = (filter: FeedFilter, sort: ProjectSort | null): Access | null => {
  if (filter.languages.length > 0) return { via: 'range', index: 'projects_feed_filter' };
  if (filter.postedWithinDays !== null && (sort === null || sort === 'newest' || sort === 'budget')) {
    return { via: 'range', index: 'projects_feed_newest' };
  }
  return null;
};

/** The FROM and WHERE of a query reading through `access`; `walkIndex` is the index a walk goes along. */
const accessSource = (access: Access, walkIndex: string, filter: FeedFilter, now: Date): { from: string; where: Where } => {
  if (access.via === 'walk') return { from: `projects INDEXED BY ${walkIndex}`, where: buildWhere(filter, now) };
  if (access.via === 'range') return { from: `projects INDEXED BY ${access.index}`, where: buildWhere(filter, now) };
  // NOT INDEXED still looks rows up by pk: the set drives, no index scan can be chosen instead.
  return { from: 'projects NOT INDEXED', where: buildWhere(filter, now, { drive: access.source }) };
};

const selectPks = (db: ReadableDB, sql: string, params: readonly (string | number)[]): number[] =>
  prepare(db, sql).pluck().all(...params) as number[];

/**
 * The pks of one page. A small word or skill set is looked up. Otherwise, when a range narrows the projects,
 * a short walk (column tests only, a fraction of a millisecond) finds the page if matches are common, and the
 * range reads them all and sorts them if the walk comes back short; a filter that also probes a word or skill
 * set goes to the range at once (such combinations are rarely common, and a failed walk would have built the
 * sets for nothing). With no range, the walk goes as far as it must: in order, it stops at the page.
 */
const selectPagePks = (
  db: ReadableDB,
  query: { offset: number; limit: number; sort: ProjectSort; filter: FeedFilter },
  now: Date,
): number[] => {
  const { offset, limit, sort, filter } = query;
  const page = (access: Access): number[] => {
    const { from, where } = accessSource(access, sortIndex[sort], filter, now);
    return selectPks(db, `SELECT pk FROM ${from} ${whereSql(where)} ORDER BY ${orderBy[sort]} LIMIT ? OFFSET ?`, [
      ...where.params,
      limit,
      offset,
    ]);
  };
  const where = buildWhere(filter, now);
  if (where.clauses.length === 0) return page({ via: 'walk' });
  const small = findSmallSet(db, filter);
  if (small !== null) return page({ via: 'rows', source: small });
  // The newest sort over the posted dates' range: that range is itself a walk, in order.
  if (filter.postedWithinDays !== null && sort === 'newest') return page({ via: 'range', index: 'projects_feed_newest' });
  const range = findRange(filter, sort);
  if (range === null) return page({ via: 'walk' });
  if (filter.skills.length > 0 || toFtsQuery(filter.text) !== null) return page(range);
  const walked = selectPks(
    db,
    `SELECT pk FROM (SELECT ${walkColumns[sort]}${filter.accountIds.length > 0 ? ', account_id' : ''} FROM projects INDEXED BY ${sortIndex[sort]} ORDER BY ${orderBy[sort]} LIMIT ?)
       ${whereSql(where)} ORDER BY ${orderBy[sort]} LIMIT ? OFFSET ?`,
    [Math.max(walkProbe, (offset + limit) * 10), ...where.params, limit, offset],
  );
  return walked.length === limit ? walked : page(range);
};

export const listProjects = (
  db: ReadableDB,
  query: { offset: number; limit: number; sort: ProjectSort; filter?: FeedFilter | undefined },
  now = new Date(),
): ProjectSummary[] =>
  // One read transaction: the page's pks and their rows come from the same snapshot.
  db.transaction(() => {
    const pks = selectPagePks(db, { ...query, filter: query.filter ?? emptyFeedFilter }, now);
    if (pks.length === 0) return [];
    const rows = prepare(db, `SELECT ${summaryColumns} FROM projects WHERE pk IN (SELECT value FROM json_each(?))`).all(
      JSON.stringify(pks),
    ) as ProjectRow[];
    const byPk = new Map(rows.map((row) => [row.pk, row]));
    const profile = readMatchProfile(db);
    const badges = readAccountBadges(db);
    return pks.flatMap((pk) => {
      const row = byPk.get(pk);
      return row ? [toSummary(row, profile, badges)] : [];
    });
  })();

/**
 * The exact number of matches: through a small word or skill set, else the range `findRange` names, else one
 * pass over the filter index (the narrowest index carrying every filtered column). A filter of skills alone
 * or words alone is counted in its own table: every row there names a stored project (triggers keep them in
 * step with projects).
 */
export const countProjects = (db: ReadableDB, filter?: FeedFilter, now = new Date()): number => {
  const chosen = filter ?? emptyFeedFilter;
  const count = (sql: string, params: readonly (string | number)[]): number =>
    (prepare(db, sql).get(...params) as { n: number }).n;
  const columnTests = buildWhere(chosen, now, { probes: false }).clauses.length;
  const match = toFtsQuery(chosen.text);
  if (columnTests === 0 && match === null) {
    if (chosen.skills.length === 0) return count('SELECT count(*) AS n FROM projects', []);
    return count(`SELECT count(DISTINCT project_pk) AS n FROM project_skills WHERE skill IN (${list(chosen.skills)})`, chosen.skills);
  }
  if (columnTests === 0 && chosen.skills.length === 0 && match !== null) {
    return count('SELECT count(*) AS n FROM projects_fts WHERE projects_fts MATCH ?', [match]);
  }
  const small = findSmallSet(db, chosen);
  const access: Access = small !== null ? { via: 'rows', source: small } : (findRange(chosen, null) ?? { via: 'walk' });
  const { from, where } = accessSource(access, 'projects_feed_filter', chosen, now);
  return count(`SELECT count(*) AS n FROM ${from} ${whereSql(where)}`, where.params);
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
    ...toSummary(row, readMatchProfile(db), readAccountBadges(db)),
    clientId: row.client_id,
    description: row.description,
    category: row.category,
    remote: row.remote === 1,
    deadline: row.deadline,
  };
};

export const listProjectsOfClient = (db: ReadableDB, clientId: string, limit: number): ProjectSummary[] => {
  const profile = readMatchProfile(db);
  const badges = readAccountBadges(db);
  return (
    prepare(db, `SELECT ${summaryColumns} FROM projects WHERE client_id = ? ORDER BY posted_at DESC LIMIT ?`).all(
      clientId,
      limit,
    ) as ProjectRow[]
  ).map((row) => toSummary(row, profile, badges));
};

const facet = (db: ReadableDB, sql: string): FeedFacets['skills'] => prepare(db, sql).all() as FeedFacets['skills'];

// The facets group every project (100k projects, 500k skills: hundreds of ms on a loaded machine) and the feed
// asks for them each time it opens, in the same breath as its first page, whose answer then waits behind them.
// They change only with the data, so they are kept per database until a write: data_version moves with
// another connection's commits (the sync's), total_changes() with this connection's.
const facetsCache = new WeakMap<ReadableDB, { version: string; facets: FeedFacets }>();

const readDataVersion = (db: ReadableDB): string =>
  `${db.pragma('data_version', { simple: true }) as number}|${(prepare(db, 'SELECT total_changes() AS n').get() as { n: number }).n}`;

/** What the filters can offer, most frequent first. */
export const readFeedFacets = (db: ReadableDB): FeedFacets => {
  const version = readDataVersion(db);
  const cached = facetsCache.get(db);
  if (cached?.version === version) return cached.facets;
  const facets: FeedFacets = {
    skills: facet(db, 'SELECT skill AS value, count(*) AS count FROM project_skills GROUP BY skill ORDER BY count DESC, skill LIMIT 200'),
    languages: facet(db, 'SELECT language AS value, count(*) AS count FROM projects GROUP BY language ORDER BY count DESC'),
    countries: facet(
      db,
      'SELECT country AS value, count(*) AS count FROM projects WHERE country IS NOT NULL GROUP BY country ORDER BY count DESC',
    ),
    currencies: facet(db, 'SELECT currency AS value, count(*) AS count FROM projects GROUP BY currency ORDER BY count DESC'),
  };
  facetsCache.set(db, { version, facets });
  return facets;
};

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
