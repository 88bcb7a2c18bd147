import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWritableDatabase, readUserVersion } from '../../../../electron/core/db/database';
import { migrate } from '../../../../electron/core/db/migrate';
import { migration0001Initial } from '../../../../electron/core/db/migrations/0001-initial';
import { migration0002Sync } from '../../../../electron/core/db/migrations/0002-sync';
import { migration0003Workspace } from '../../../../electron/core/db/migrations/0003-workspace';
import { useTempDirs } from '../../../support/temp-dir';

const makeTempDir = useTempDirs();

describe('schema v3', () => {
  it('upgrades a v2 workspace: skills indexed, match scores filled, workspace tables ready', async () => {
    const file = path.join(makeTempDir(), 'workspace.sqlite');
    const db = openWritableDatabase(file);
    await migrate(db, { file, migrations: [migration0001Initial, migration0002Sync] });
    db.prepare(
      `INSERT INTO profile (id, skills, languages, hourly_rate_minor, currency, updated_at)
       VALUES (1, '["React"]', '[{"tag":"it","level":"native"}]', 5000, 'EUR', 'x')`,
    ).run();
    db.prepare(
      `INSERT INTO projects (id, version, title, description, language, kind, currency, budget_max_minor, skills, status,
         posted_at, updated_at, raw, fetched_at)
       VALUES ('p1', 1, 'Sito', '', 'it', 'hourly', 'EUR', 5000, '["React","Go"]', 'open', 'x', 'x', '{}', 'x')`,
    ).run();

    const report = await migrate(db, { file, migrations: [migration0001Initial, migration0002Sync, migration0003Workspace] });
    expect(report).toMatchObject({ from: 2, to: 3 });
    expect(report.backupFile).not.toBeNull();
    expect(readUserVersion(db)).toBe(3);
    expect(db.prepare('SELECT skill FROM project_skills ORDER BY skill').all()).toEqual([{ skill: 'Go' }, { skill: 'React' }]);
    // 60 * 1/2 + 25 (speaks Italian) + 15 (the hourly budget pays the rate)
    expect(db.prepare("SELECT match_score FROM projects WHERE id = 'p1'").get()).toEqual({ match_score: 70 });

    // Triggers keep the skills index current through updates and deletes.
    db.prepare(`UPDATE projects SET skills = '["Rust"]' WHERE id = 'p1'`).run();
    expect(db.prepare('SELECT skill FROM project_skills').all()).toEqual([{ skill: 'Rust' }]);
    db.prepare("DELETE FROM projects WHERE id = 'p1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM project_skills').get()).toEqual({ n: 0 });

    for (const table of ['saved_searches', 'thread_drafts', 'thread_reads']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
    expect(() => db.prepare("INSERT INTO saved_searches (name, query, opened_at, created_at) VALUES ('', '{}', 'x', 'x')").run()).toThrow(/CHECK/);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
