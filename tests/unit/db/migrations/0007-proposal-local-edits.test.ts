import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWritableDatabase, readUserVersion } from '../../../../electron/core/db/database';
import { migrate } from '../../../../electron/core/db/migrate';
import { migrations } from '../../../../electron/core/db/migrations';
import { useTempDirs } from '../../../support/temp-dir';

const makeTempDir = useTempDirs();

describe('schema v7', () => {
  it('gives every proposal a local-edits flag, off for proposals already stored', async () => {
    const file = path.join(makeTempDir(), 'workspace.sqlite');
    const db = openWritableDatabase(file);
    await migrate(db, { file, migrations: migrations.slice(0, 6) });
    db.prepare(
      "INSERT INTO proposals (id, version, project_id, currency, default_locale, created_at, updated_at) VALUES ('prp_1', 3, 'prj_1', 'EUR', 'it', 'x', 'x')",
    ).run();
    await migrate(db, { file, migrations: migrations.slice(0, 7) });
    expect(readUserVersion(db)).toBe(7);
    expect(db.prepare("SELECT local_edits FROM proposals WHERE id = 'prp_1'").get()).toEqual({ local_edits: 0 });
    expect(() => db.prepare("UPDATE proposals SET local_edits = 2 WHERE id = 'prp_1'").run()).toThrow(/CHECK/);
    db.close();
  });
});
