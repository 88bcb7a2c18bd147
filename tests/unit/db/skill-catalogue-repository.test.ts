import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWritableDatabase } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { rescoreMatchesIfCatalogueChanged, skillMatchSchema } from '../../../electron/core/db/repositories/skill-catalogue-repository';
import { readSyncValue, writeSyncValue } from '../../../electron/core/db/repositories/sync-state-repository';
import { useTempDirs } from '../../support/temp-dir';

const makeTempDir = useTempDirs();

describe('rescoreMatchesIfCatalogueChanged', () => {
  it('scores the stored projects again when they were scored with another skills catalogue, once', async () => {
    const file = path.join(makeTempDir(), 'workspace.sqlite');
    const db = openWritableDatabase(file);
    await migrate(db, { file, migrations });
    db.prepare(
      `INSERT INTO profile (id, skills, languages, hourly_rate_minor, currency, updated_at) VALUES (1, '["seo"]', '[{"tag":"de"}]', NULL, NULL, 'x')`,
    ).run();
    db.prepare(
      `INSERT INTO projects (id, version, title, description, language, kind, currency, budget_max_minor, skills, status, posted_at, updated_at, raw, fetched_at)
       VALUES ('p1', 1, 'SEO', '', 'de', 'fixed', 'EUR', NULL, '["Search Engine Optimization"]', 'open', 'x', 'x', '{}', 'x')`,
    ).run();
    const score = (): unknown => db.prepare("SELECT match_score FROM projects WHERE id = 'p1'").pluck().get();
    // 60 (the one skill, through the catalogue) + 25 (German) + 7.5 (no rate to compare).
    expect(score()).toBe(93);

    const upToDate = { from: skillMatchSchema, to: skillMatchSchema };
    // A workspace never scored with a recorded catalogue: rescored, the fingerprint kept; then nothing to do.
    expect(rescoreMatchesIfCatalogueChanged(db, upToDate)).toBe(true);
    expect(readSyncValue(db, 'skill_catalogue')).toMatch(/^[0-9a-f]{16}$/);
    expect(rescoreMatchesIfCatalogueChanged(db, upToDate)).toBe(false);

    // Scores an older build wrote with another catalogue (where the two skills were strangers): computed again.
    db.prepare("UPDATE projects SET match_score = 33 WHERE id = 'p1'").run();
    writeSyncValue(db, 'skill_catalogue', 'an-older-build');
    expect(rescoreMatchesIfCatalogueChanged(db, upToDate)).toBe(true);
    expect(score()).toBe(93);
    db.close();
  });

  it('only records the catalogue after a start whose migrations ran v21, which scored every project with this build', async () => {
    const file = path.join(makeTempDir(), 'workspace.sqlite');
    const db = openWritableDatabase(file);
    const migration = await migrate(db, { file, migrations });
    expect(migration.from).toBeLessThan(skillMatchSchema);
    db.prepare(`INSERT INTO profile (id, skills, languages, updated_at) VALUES (1, '["seo"]', '[]', 'x')`).run();
    db.prepare(
      `INSERT INTO projects (id, version, title, description, language, kind, currency, skills, status, posted_at, updated_at, raw, fetched_at)
       VALUES ('p1', 1, 'SEO', '', 'de', 'fixed', 'EUR', '["seo"]', 'open', 'x', 'x', '{}', 'x')`,
    ).run();
    // A score no rescore would leave: proves nothing was scored again.
    db.prepare("UPDATE projects SET match_score = 1 WHERE id = 'p1'").run();
    expect(rescoreMatchesIfCatalogueChanged(db, migration)).toBe(false);
    expect(db.prepare("SELECT match_score FROM projects WHERE id = 'p1'").pluck().get()).toBe(1);
    expect(readSyncValue(db, 'skill_catalogue')).toMatch(/^[0-9a-f]{16}$/);
    db.close();
  });
});
