import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWritableDatabase, readUserVersion, type WritableDB } from '../../../../electron/core/db/database';
import { migrate } from '../../../../electron/core/db/migrate';
import { migrations } from '../../../../electron/core/db/migrations';
import { countOutcomesBy, openPeriod, sumBidFees } from '../../../../electron/core/db/repositories/insights-repository';
import { useTempDirs } from '../../../support/temp-dir';

const makeTempDir = useTempDirs();

// Rows as the sync's statements write them (plain SQL: this test is about the schema and its triggers).
const insertProject = (db: WritableDB, id: string, skills: string[]): void => {
  db.prepare(
    `INSERT INTO projects (id, version, title, description, language, kind, currency, status, posted_at, updated_at, raw, fetched_at, skills, account_id)
     VALUES (?, 1, 'Sito', '', 'it', 'fixed', 'EUR', 'open', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '{}', '2026-01-01T00:00:00.000Z', ?, 'acc_1')`,
  ).run(id, JSON.stringify(skills));
};
const insertProposal = (db: WritableDB, id: string, account: string | null, status = 'submitted'): void => {
  db.prepare(
    `INSERT INTO proposals (id, version, project_id, status, currency, default_locale, submitted_at, created_at, updated_at, account_id)
     VALUES (?, 1, 'prj_1', ?, 'EUR', 'it', '2026-01-03T09:00:00.000Z', '2026-01-02T00:00:00.000Z', '2026-01-02T00:00:00.000Z', ?)`,
  ).run(id, status, account);
};
const skillAccounts = (db: WritableDB) =>
  db.prepare('SELECT proposal_id AS id, skill, account_id AS account FROM proposal_skills ORDER BY proposal_id, skill').all() as {
    id: string;
    skill: string | null;
    account: string | null;
  }[];
const planOf = (db: WritableDB, sql: string): string[] =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ from: '', to: '~', account: 'acc_2' }) as { detail: string }[]).map((row) => row.detail);

describe('schema v18', () => {
  it('gives the insights indexes and proposal_skills the account, and proposals what their bid cost', async () => {
    const file = path.join(makeTempDir(), 'workspace.sqlite');
    const db = openWritableDatabase(file);
    await migrate(db, { file, migrations: migrations.filter((migration) => migration.version <= 17) });
    for (const id of ['acc_1', 'acc_2']) {
      db.prepare(`INSERT INTO accounts (id, platform, label, base_url, created_at) VALUES (?, 'bottega', ?, '', '2026-01-01T00:00:00.000Z')`).run(id, id);
    }
    insertProject(db, 'prj_1', ['React', 'SEO']);
    insertProposal(db, 'prp_1', 'acc_1', 'awarded');
    insertProposal(db, 'prp_2', 'acc_2');
    insertProposal(db, 'prp_local', null);

    const report = await migrate(db, { file, migrations: migrations.filter((migration) => migration.version <= 18) });
    expect(report).toMatchObject({ from: 17, to: 18 });
    expect(readUserVersion(db)).toBe(18);
    // Filled from the proposals that were there; nothing reported what a bid cost before.
    expect(skillAccounts(db)).toEqual([
      { id: 'prp_1', skill: 'React', account: 'acc_1' },
      { id: 'prp_1', skill: 'SEO', account: 'acc_1' },
      { id: 'prp_2', skill: 'React', account: 'acc_2' },
      { id: 'prp_2', skill: 'SEO', account: 'acc_2' },
      { id: 'prp_local', skill: 'React', account: null },
      { id: 'prp_local', skill: 'SEO', account: null },
    ]);
    expect(db.prepare('SELECT count(*) AS n FROM proposals WHERE bid_fee_minor IS NOT NULL').get()).toEqual({ n: 0 });

    // The other account brings prp_1 since (it owns the shared record now): its skill rows follow.
    db.prepare("UPDATE proposals SET account_id = 'acc_2' WHERE id = 'prp_1'").run();
    expect(skillAccounts(db).filter((row) => row.id === 'prp_1').map((row) => row.account)).toEqual(['acc_2', 'acc_2']);
    expect(countOutcomesBy(db, openPeriod(null, null, 'acc_2'), 'skill')).toEqual([
      { key: 'React', submitted: 2, awarded: 1, declined: 0, withdrawn: 0 },
      { key: 'SEO', submitted: 2, awarded: 1, declined: 0, withdrawn: 0 },
    ]);
    expect(countOutcomesBy(db, openPeriod(null, null), 'account')).toEqual([
      { key: 'acc_2', submitted: 2, awarded: 1, declined: 0, withdrawn: 0 },
      { key: null, submitted: 1, awarded: 0, declined: 0, withdrawn: 0 },
    ]);

    // A cost is never negative; a reported one is summed per currency, in the account's proposals only.
    expect(() => db.prepare("UPDATE proposals SET bid_fee_minor = -1 WHERE id = 'prp_2'").run()).toThrow(/CHECK/);
    db.prepare("UPDATE proposals SET bid_fee_minor = 450 WHERE id = 'prp_2'").run();
    db.prepare("UPDATE proposals SET bid_fee_minor = 0 WHERE id = 'prp_local'").run();
    expect(sumBidFees(db, openPeriod(null, null, 'acc_2'))).toEqual([{ currency: 'EUR', submitted: 2, bids: 1, feeMinor: 450 }]);
    expect(sumBidFees(db, openPeriod(null, null))).toEqual([{ currency: 'EUR', submitted: 3, bids: 2, feeMinor: 450 }]);

    // Grouping by account, and a figure filtered to one, read one covering index without a sort.
    const byAccount = planOf(
      db,
      `SELECT pr.account_id, pr.status, count(*) FROM proposals pr INDEXED BY proposals_insights_account
       WHERE pr.submitted_at IS NOT NULL AND pr.submitted_at >= @from AND pr.submitted_at < @to AND (@account IS NULL OR pr.account_id = @account)
       GROUP BY pr.account_id, pr.status`,
    );
    expect(byAccount.some((detail) => /TEMP B-TREE/.test(detail))).toBe(false);
    expect(byAccount.some((detail) => /COVERING INDEX proposals_insights_account/.test(detail))).toBe(true);
    const byLanguage = planOf(
      db,
      `SELECT pr.default_locale, pr.status, count(*) FROM proposals pr INDEXED BY proposals_insights_language
       WHERE pr.submitted_at IS NOT NULL AND pr.submitted_at >= @from AND pr.submitted_at < @to AND (@account IS NULL OR pr.account_id = @account)
       GROUP BY pr.default_locale, pr.status`,
    );
    expect(byLanguage.some((detail) => /TEMP B-TREE/.test(detail))).toBe(false);
    expect(byLanguage.some((detail) => /COVERING INDEX proposals_insights_language/.test(detail))).toBe(true);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
