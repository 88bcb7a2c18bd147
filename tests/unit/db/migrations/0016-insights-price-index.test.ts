import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWritableDatabase, readUserVersion } from '../../../../electron/core/db/database';
import { migrate } from '../../../../electron/core/db/migrate';
import { migrations } from '../../../../electron/core/db/migrations';
import { listSubmittedPrices, openPeriod } from '../../../../electron/core/db/repositories/insights-repository';
import { useTempDirs } from '../../../support/temp-dir';

const makeTempDir = useTempDirs();

describe('schema v16', () => {
  it('groups the submitted proposals by currency, kind and status from one ordered index, without a sort', async () => {
    const file = path.join(makeTempDir(), 'workspace.sqlite');
    const db = openWritableDatabase(file);
    await migrate(db, { file, migrations: migrations.filter((migration) => migration.version <= 15) });
    const insert = db.prepare(
      `INSERT INTO proposals (id, project_id, status, kind, currency, amount_minor, default_locale, submitted_at, created_at, updated_at)
       VALUES (?, 'prj_1', ?, ?, ?, ?, 'it', ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
    );
    insert.run('prp_1', 'awarded', 'fixed', 'EUR', 50_000, '2026-01-02T00:00:00.000Z');
    insert.run('prp_2', 'awarded', 'fixed', 'EUR', null, '2026-01-03T00:00:00.000Z');
    insert.run('prp_3', 'declined', 'hourly', 'JPY', 3_000, '2026-01-04T00:00:00.000Z');
    insert.run('prp_draft', 'draft', 'fixed', 'EUR', 10_000, null);

    const report = await migrate(db, { file, migrations: migrations.filter((migration) => migration.version <= 16) });
    expect(report).toMatchObject({ from: 15, to: 16 });
    expect(readUserVersion(db)).toBe(16);
    expect(listSubmittedPrices(db, openPeriod(null, null))).toEqual([
      { currency: 'EUR', kind: 'fixed', status: 'awarded', amounts: [50_000, null] },
      { currency: 'JPY', kind: 'hourly', status: 'declined', amounts: [3_000] },
    ]);
    const plan = (
      db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT pr.currency, pr.kind, pr.status, json_group_array(pr.amount_minor) FROM proposals pr INDEXED BY proposals_insights_price
           WHERE pr.submitted_at IS NOT NULL AND pr.submitted_at >= ? AND pr.submitted_at < ? GROUP BY pr.currency, pr.kind, pr.status`,
        )
        .all('', '~') as { detail: string }[]
    ).map((row) => row.detail);
    expect(plan.some((detail) => /TEMP B-TREE/.test(detail))).toBe(false);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
