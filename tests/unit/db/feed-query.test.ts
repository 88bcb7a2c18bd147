import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWritableDatabase, type WritableDB } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import {
  countProjects,
  listProjects,
  upsertProjects,
  type ProjectRecord,
} from '../../../electron/core/db/repositories/projects-repository';
import { emptyFeedFilter, projectSorts, type FeedFilter, type ProjectSort } from '../../../shared/domain/project';
import { toFtsQuery } from '../../../shared/domain/search-text';

/**
 * The feed's query planner (walk, range, rows; see projects-repository) against a brute force: every row read
 * back and filtered and sorted here. 6,000 projects, so that each plan is taken: languages and skills from
 * common to rare, words from everywhere to a handful of postings, budgets whose currency decides where they
 * sort (a filter on euros finds nothing in the first entries of the budget index), a profile for match scores.
 */

const now = new Date('2026-11-20T12:00:00Z');
const day = 86_400_000;

const languages = ['en', 'en', 'en', 'en', 'it', 'it', 'de', 'de', 'fr', 'es', 'pl'] as const;
const countries = ['IT', 'IT', 'DE', 'FR', 'ES', 'GB', 'US', 'CH', 'AT', 'PL'] as const;
const currencies = ['EUR', 'EUR', 'EUR', 'USD', 'GBP', 'CHF', 'SEK'] as const;
const skills = ['seo', 'wordpress', 'react', 'translation', 'copywriting', 'php', 'figma', 'excel', 'tax', 'rust', 'cobol'];
// Frequencies fall steeply: "sito" is everywhere, the last few words are in a handful of postings.
const words = ['sito', 'negozio', 'città', 'München', 'Übersetzung', 'design', 'shop', 'bäckerei', 'castello', 'frantoio', 'zaffiro'];

const createRandom = (seed: number) => {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
};

const makeProjects = (count: number): ProjectRecord[] => {
  const random = createRandom(42);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const steep = <T>(values: readonly T[]): T => values[Math.min(values.length - 1, Math.floor(-Math.log2(random() + 1e-9)))]!;
  return Array.from({ length: count }, (_, i) => {
    const currency = pick(currencies);
    // Kronor budgets are large numbers: they fill the top of the budget sort.
    const scale = currency === 'SEK' ? 1_000 : 1;
    const min = random() < 0.1 ? null : Math.floor(random() * 100_000) * scale;
    const max = random() < 0.15 ? null : (min ?? 0) + Math.floor(random() * 200_000) * scale;
    const text = Array.from({ length: 1 + Math.floor(random() * 4) }, () => steep(words)).join(' ');
    return {
      id: `prj_${i}`,
      version: 1,
      clientId: null,
      title: `${text} ${i}`,
      description: random() < 0.5 ? steep(words) : 'altro',
      language: pick(languages),
      kind: random() < 0.7 ? 'fixed' : 'hourly',
      currency,
      budgetMinMinor: min,
      budgetMaxMinor: max,
      skills: [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => steep(skills)))],
      country: random() < 0.05 ? null : pick(countries),
      bidCount: Math.floor(random() * 40),
      status: random() < 0.8 ? 'open' : pick(['closed', 'awarded', 'cancelled'] as const),
      postedAt: new Date(now.getTime() - Math.floor(random() * 400 * day)).toISOString(),
      updatedAt: now.toISOString(),
      raw: {},
    };
  });
};

type Row = {
  pk: number;
  id: string;
  language: string;
  country: string | null;
  kind: string;
  currency: string;
  status: string;
  budget_min_minor: number | null;
  budget_max_minor: number | null;
  bid_count: number;
  posted_at: string;
  match_score: number | null;
  skills: string;
  account_id: string | null;
};

let dir = '';
let db: WritableDB;
let rows: Row[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'bottega-feed-query-'));
  const file = path.join(dir, 'workspace.sqlite');
  db = openWritableDatabase(file);
  await migrate(db, { file, migrations });
  db.prepare(
    `INSERT INTO profile (id, skills, languages, hourly_rate_minor, currency, updated_at)
     VALUES (1, '["seo","react","rust"]', '[{"tag":"it"},{"tag":"en"}]', 4_000, 'EUR', ?)`,
  ).run(now.toISOString());
  upsertProjects(db, makeProjects(6_000), now);
  // A few rows gone, as tombstones leave them: pks with gaps.
  db.prepare("DELETE FROM projects WHERE id IN ('prj_7', 'prj_500', 'prj_5999')").run();
  // Two accounts' projects and a few no account brought (a local seed): the account filter's three cases.
  db.prepare(
    `INSERT INTO accounts (id, platform, label, base_url, created_at) VALUES
       ('acc_a', 'bottega', 'Studio', 'https://bottega.example', ?), ('acc_b', 'freelancer', 'Freelancer', 'https://www.freelancer.com', ?)`,
  ).run(now.toISOString(), now.toISOString());
  db.prepare("UPDATE projects SET account_id = CASE WHEN pk % 7 = 0 THEN NULL WHEN pk % 3 = 0 THEN 'acc_b' ELSE 'acc_a' END").run();
  rows = db.prepare('SELECT * FROM projects').all() as Row[];
}, 60_000);

afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The filter applied row by row; words through FTS5 itself (its matching is not what is tested here). */
const bruteForce = (filter: FeedFilter, sort: ProjectSort): Row[] => {
  const match = toFtsQuery(filter.text);
  const matched = match
    ? new Set(db.prepare('SELECT rowid FROM projects_fts WHERE projects_fts MATCH ?').pluck().all(match) as number[])
    : null;
  const cutoff = filter.postedWithinDays === null ? null : new Date(now.getTime() - filter.postedWithinDays * day).toISOString();
  const wanted = new Set(filter.skills.map((skill) => skill.toLowerCase()));
  const kept = rows.filter(
    (row) =>
      (filter.languages.length === 0 || filter.languages.includes(row.language)) &&
      (filter.countries.length === 0 || (row.country !== null && filter.countries.includes(row.country))) &&
      (filter.statuses.length === 0 || (filter.statuses as string[]).includes(row.status)) &&
      (filter.kind === null || row.kind === filter.kind) &&
      (filter.currency === null || row.currency === filter.currency) &&
      (filter.budgetMinMinor === null || row.budget_max_minor === null || row.budget_max_minor >= filter.budgetMinMinor) &&
      (filter.budgetMaxMinor === null || (row.budget_min_minor !== null && row.budget_min_minor <= filter.budgetMaxMinor)) &&
      (cutoff === null || row.posted_at >= cutoff) &&
      (wanted.size === 0 || (JSON.parse(row.skills) as string[]).some((skill) => wanted.has(skill.toLowerCase()))) &&
      (matched === null || matched.has(row.pk)) &&
      (filter.accountIds.length === 0 || (row.account_id !== null && filter.accountIds.includes(row.account_id))),
  );
  // Descending, unknown values last, ties by newest stored first: the feed's sorts.
  const key = { newest: 'posted_at', budget: 'budget_max_minor', bids: 'bid_count', match: 'match_score' } as const;
  const column = key[sort];
  return kept.sort((a, b) => {
    const x = a[column];
    const y = b[column];
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return x < y ? 1 : -1;
    }
    return b.pk - a.pk;
  });
};

const filterArbitrary: fc.Arbitrary<FeedFilter> = fc.record({
  text: fc.oneof(
    fc.constant(''),
    fc.constantFrom(...words),
    fc.constantFrom('citta', 'munchen', 'uber', 'bac', 'si', 'zaff', 'sito negozio', 'castello frantoio', 'nessuno'),
  ),
  skills: fc.subarray([...skills, 'SEO'], { maxLength: 3 }),
  languages: fc.subarray(['en', 'it', 'de', 'fr', 'es', 'pl', 'nl'], { maxLength: 3 }),
  countries: fc.subarray([...new Set(countries)], { maxLength: 3 }),
  kind: fc.constantFrom(null, 'fixed' as const, 'hourly' as const),
  currency: fc.constantFrom(null, 'EUR', 'USD', 'SEK'),
  budgetMinMinor: fc.option(fc.integer({ min: 0, max: 250_000 }), { freq: 3 }),
  budgetMaxMinor: fc.option(fc.integer({ min: 0, max: 250_000 }), { freq: 3 }),
  postedWithinDays: fc.constantFrom(null, 1, 7, 30, 365, 3650),
  statuses: fc.subarray(['open', 'closed', 'awarded', 'cancelled'] as const, { maxLength: 2 }),
  accountIds: fc.oneof({ weight: 3, arbitrary: fc.constant<string[]>([]) }, { weight: 1, arbitrary: fc.subarray(['acc_a', 'acc_b'], { minLength: 1 }) }),
});

describe('feed query', () => {
  it('reads every page through the indexes it names, never a sort of the table', () => {
    // The plans are pinned: each statement the feed runs either walks or seeks one index, or looks rows up.
    // Runs first in this file: statements are prepared (and so seen here) once per connection.
    const plans: string[] = [];
    // A filter by account reads the rows an index walk passes (no feed index carries the account): still an index.
    const accountPlans: string[] = [];
    const original = db.prepare;
    const prepareSql = original.bind(db);
    db.prepare = ((sql: string) => {
      if (/^\s*SELECT/i.test(sql)) {
        const nulls = Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => null);
        const explained = prepareSql(`EXPLAIN QUERY PLAN ${sql}`).all(...nulls) as { detail: string }[];
        (sql.includes('account_id IN') ? accountPlans : plans).push(...explained.map((row) => row.detail));
      }
      return prepareSql(sql);
    }) as typeof db.prepare;
    try {
      fc.assert(
        fc.property(filterArbitrary, fc.constantFrom(...projectSorts), (filter, sort) => {
          listProjects(db, { offset: 0, limit: 100, sort, filter }, now);
          countProjects(db, filter, now);
        }),
        { numRuns: 150, seed: 7 },
      );
    } finally {
      db.prepare = original;
    }
    // Never the wide rows read in bulk: an index that covers the query, or rows looked up by pk.
    const projectReads = plans.filter((detail) => /^(SCAN|SEARCH) projects\b/.test(detail));
    expect(projectReads.length).toBeGreaterThan(20);
    for (const detail of projectReads) expect(detail).toMatch(/USING (COVERING INDEX|INTEGER PRIMARY KEY)/);
    expect(projectReads.some((detail) => detail.includes('projects_feed_filter'))).toBe(true);
    const accountReads = accountPlans.filter((detail) => /^(SCAN|SEARCH) projects\b/.test(detail));
    expect(accountReads.length).toBeGreaterThan(5);
    for (const detail of accountReads) expect(detail).toMatch(/USING (COVERING INDEX|INDEX|INTEGER PRIMARY KEY)/);
  });

  it('pages and totals match a brute force for random filters, sorts and offsets', () => {
    fc.assert(
      fc.property(
        filterArbitrary,
        fc.constantFrom(...projectSorts),
        fc.constantFrom(0, 0, 100, 1_000),
        fc.constantFrom(1, 50, 100),
        (filter, sort, offset, limit) => {
          const expected = bruteForce(filter, sort);
          const page = listProjects(db, { offset, limit, sort, filter }, now);
          expect(page.map((project) => project.id)).toEqual(expected.slice(offset, offset + limit).map((row) => row.id));
          expect(countProjects(db, filter, now)).toBe(expected.length);
        },
      ),
      { numRuns: 300, seed: 20_261_120 },
    );
  });

  it('covers the cases a random draw may miss: no filter, one rare word, one skill, a sparse combination', () => {
    const cases: [Partial<FeedFilter>, ProjectSort][] = [
      [{}, 'newest'],
      [{ text: 'zaffiro' }, 'bids'],
      [{ skills: ['cobol'] }, 'match'],
      [{ skills: ['seo', 'react'] }, 'budget'],
      [{ text: 'sito' }, 'newest'],
      // Euros over a budget, sorted by budget: the kronor fill the first entries of the budget index.
      [{ currency: 'EUR', budgetMinMinor: 150_000 }, 'budget'],
      [{ languages: ['pl'], countries: ['AT'], kind: 'hourly' }, 'bids'],
      [{ languages: ['en'], statuses: ['cancelled'], postedWithinDays: 30 }, 'match'],
      [{ postedWithinDays: 7, skills: ['figma'] }, 'newest'],
      [{ postedWithinDays: 365, text: 'castello' }, 'bids'],
    ];
    for (const [partial, sort] of cases) {
      const filter = { ...emptyFeedFilter, ...partial };
      const expected = bruteForce(filter, sort);
      for (const offset of [0, 100]) {
        const page = listProjects(db, { offset, limit: 100, sort, filter }, now);
        expect(page.map((project) => project.id), JSON.stringify(partial)).toEqual(
          expected.slice(offset, offset + 100).map((row) => row.id),
        );
      }
      expect(countProjects(db, filter, now), JSON.stringify(partial)).toBe(expected.length);
    }
  });


});
