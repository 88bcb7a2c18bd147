import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectSorts, feedFilterSchema, type FeedFilterInput } from '../../../../shared/domain/project';
import { openWritableDatabase, readUserVersion, type WritableDB } from '../../../../electron/core/db/database';
import { migrate } from '../../../../electron/core/db/migrate';
import { migrations } from '../../../../electron/core/db/migrations';
import { insertAccount } from '../../../../electron/core/db/repositories/accounts-repository';
import { countProjects, listProjects } from '../../../../electron/core/db/repositories/projects-repository';
import { useTempDirs } from '../../../support/temp-dir';

const makeTempDir = useTempDirs();
const now = new Date('2026-03-01T00:00:00.000Z');

const openAt = async (version: number): Promise<WritableDB> => {
  const file = path.join(makeTempDir(), 'workspace.sqlite');
  const db = openWritableDatabase(file);
  await migrate(db, { file, migrations: migrations.filter((migration) => migration.version <= version) });
  for (const id of ['acc_a', 'acc_b']) insertAccount(db, { id, platform: 'bottega', label: id, baseUrl: 'http://127.0.0.1:9', now });
  const insert = db.prepare(
    `INSERT INTO projects (id, version, title, description, language, kind, currency, budget_min_minor, budget_max_minor, status, bid_count,
       posted_at, updated_at, raw, fetched_at, skills, country, account_id)
     VALUES (?, 1, 'Sito', 'Una descrizione lunga', ?, 'fixed', 'EUR', 1000, ?, 'open', ?, ?, ?, '{}', ?, '[]', 'IT', ?)`,
  );
  for (let i = 0; i < 60; i++) {
    const at = new Date(Date.UTC(2026, 1, 1 + (i % 28), i % 24)).toISOString();
    insert.run(`prj_${i}`, i % 3 === 0 ? 'de' : 'it', 2000 + i, i, at, at, at, i % 4 === 0 ? 'acc_b' : 'acc_a');
  }
  return db;
};

/**
 * Runs the feed's reads with an account filter and records every statement they ran on projects with its
 * parameters, then the plan SQLite gives each: what the repository really asks, not a copy of its SQL.
 */
const plansOf = (db: WritableDB, filters: FeedFilterInput[]): { sql: string; plan: string[] }[] => {
  const ran: { sql: string; params: unknown[] }[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const statement = prepare(sql);
    for (const method of ['all', 'get'] as const) {
      const original = statement[method].bind(statement) as (...params: unknown[]) => unknown;
      (statement as unknown as Record<string, unknown>)[method] = (...params: unknown[]) => {
        ran.push({ sql, params });
        return original(...params);
      };
    }
    return statement;
  }) as typeof db.prepare;
  try {
    for (const input of filters) {
      const filter = feedFilterSchema.parse(input);
      for (const sort of projectSorts) listProjects(db, { offset: 0, limit: 10, sort, filter }, now);
      countProjects(db, filter, now);
    }
  } finally {
    db.prepare = prepare;
  }
  return ran
    .filter(({ sql }) => /account_id IN/.test(sql))
    .map(({ sql, params }) => ({
      sql,
      plan: (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail),
    }));
};

const filters: FeedFilterInput[] = [
  { accountIds: ['acc_b'] },
  { accountIds: ['acc_a'], languages: ['it'] },
  { accountIds: ['acc_b'], postedWithinDays: 30 },
  { accountIds: ['acc_a', 'acc_b'], kind: 'fixed', budgetMinMinor: 500 },
];

describe('schema v19', () => {
  it('every feed index carries the account: a filtered page or count reads index entries only, never the table', async () => {
    const db = await openAt(19);
    expect(readUserVersion(db)).toBe(19);
    const plans = plansOf(db, filters);
    expect(plans.length).toBeGreaterThanOrEqual(filters.length * 2);
    for (const { sql, plan } of plans) {
      const reads = plan.filter((detail) => /\bprojects\b/.test(detail) && !/projects_fts|project_skills/.test(detail));
      expect(reads.length, sql).toBeGreaterThan(0);
      for (const detail of reads) expect(detail, sql).toMatch(/USING COVERING INDEX projects_feed_\w+/);
    }
    // What the filter keeps is unchanged: one account's projects, counted and paged.
    const onlyB = feedFilterSchema.parse({ accountIds: ['acc_b'] });
    expect(countProjects(db, onlyB, now)).toBe(15);
    const page = listProjects(db, { offset: 0, limit: 100, sort: 'newest', filter: onlyB }, now);
    expect(page.map((project) => project.id).sort()).toEqual(
      Array.from({ length: 15 }, (_, i) => `prj_${i * 4}`).sort(),
    );
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('before it, the same reads looked entries up in the table', async () => {
    const db = await openAt(18);
    const plans = plansOf(db, filters);
    expect(plans.some(({ plan }) => plan.some((detail) => /USING INDEX projects_feed_/.test(detail) && !/COVERING/.test(detail)))).toBe(true);
    db.close();
  });

  it('migrates a workspace that holds projects: the same rows, the indexes rebuilt', async () => {
    const file = path.join(makeTempDir(), 'workspace.sqlite');
    const db = openWritableDatabase(file);
    await migrate(db, { file, migrations: migrations.filter((migration) => migration.version <= 18) });
    db.prepare(
      `INSERT INTO projects (id, version, title, description, language, kind, currency, status, posted_at, updated_at, raw, fetched_at, skills, account_id)
       VALUES ('prj_1', 1, 'Sito', '', 'it', 'fixed', 'EUR', 'open', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '{}', '2026-01-01T00:00:00.000Z', '[]', NULL)`,
    ).run();
    const report = await migrate(db, { file, migrations: migrations.filter((migration) => migration.version <= 19) });
    expect(report).toMatchObject({ from: 18, to: 19 });
    for (const index of ['projects_feed_newest', 'projects_feed_budget', 'projects_feed_bids', 'projects_feed_match', 'projects_feed_filter']) {
      const columns = (db.prepare(`SELECT name FROM pragma_index_info('${index}') ORDER BY seqno`).pluck().all() as string[]);
      expect(columns.at(-1), index).toBe('account_id');
    }
    expect(db.prepare("SELECT count(*) FROM projects INDEXED BY projects_feed_filter WHERE account_id IS NULL").pluck().get()).toBe(1);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
