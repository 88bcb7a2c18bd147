import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWritableDatabase, readUserVersion } from '../../../../electron/core/db/database';
import { migrate } from '../../../../electron/core/db/migrate';
import { migration0001Initial } from '../../../../electron/core/db/migrations/0001-initial';
import { migration0002Sync } from '../../../../electron/core/db/migrations/0002-sync';
import { migration0003Workspace } from '../../../../electron/core/db/migrations/0003-workspace';
import { migration0004Community } from '../../../../electron/core/db/migrations/0004-community';
import { migration0005Proposals } from '../../../../electron/core/db/migrations/0005-proposals';
import { useTempDirs } from '../../../support/temp-dir';

const makeTempDir = useTempDirs();
const upToV4 = [migration0001Initial, migration0002Sync, migration0003Workspace, migration0004Community];

describe('schema v5', () => {
  it('upgrades a v4 workspace in place: existing revisions keep their time, new columns are there, after a backup', async () => {
    const file = path.join(makeTempDir(), 'workspace.sqlite');
    const db = openWritableDatabase(file);
    await migrate(db, { file, migrations: upToV4 });
    db.prepare(
      `INSERT INTO proposals (id, project_id, currency, default_locale, created_at, updated_at)
       VALUES ('prp_1', 'prj_1', 'EUR', 'de', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
    ).run();
    db.prepare(
      `INSERT INTO proposal_revisions (proposal_id, locale, revision, body_json, created_at)
       VALUES ('prp_1', 'de', 1, '"Grüße"', '2026-01-02T00:00:00.000Z')`,
    ).run();

    const report = await migrate(db, { file, migrations: [...upToV4, migration0005Proposals] });
    expect(report).toMatchObject({ from: 4, to: 5 });
    expect(report.backupFile).not.toBeNull();
    expect(readUserVersion(db)).toBe(5);
    expect(db.prepare("SELECT body_text, saved_at FROM proposal_revisions WHERE proposal_id = 'prp_1'").get()).toEqual({
      body_text: '',
      saved_at: '2026-01-02T00:00:00.000Z',
    });
    expect(db.prepare("SELECT status, withdraw_reason FROM proposals WHERE id = 'prp_1'").get()).toEqual({ status: 'draft', withdraw_reason: null });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'proposals_by_status'").get()).toEqual({ name: 'proposals_by_status' });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
