import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWritableDatabase, readUserVersion } from '../../../../electron/core/db/database';
import { migrate } from '../../../../electron/core/db/migrate';
import { migrations } from '../../../../electron/core/db/migrations';
import { useTempDirs } from '../../../support/temp-dir';

const makeTempDir = useTempDirs();
const upToV5 = migrations.filter((migration) => migration.version <= 5);
const hash = 'a'.repeat(64);

describe('schema v6', () => {
  it('upgrades a v5 workspace in place: existing attachments count as local only, after a backup', async () => {
    const file = path.join(makeTempDir(), 'workspace.sqlite');
    const db = openWritableDatabase(file);
    await migrate(db, { file, migrations: upToV5 });
    db.prepare("INSERT INTO attachments (hash, mime, size, created_at) VALUES (?, 'image/png', 10, '2026-01-01T00:00:00.000Z')").run(hash);

    const report = await migrate(db, { file, migrations: upToV5.concat(migrations.filter((migration) => migration.version === 6)) });
    expect(report).toMatchObject({ from: 5, to: 6 });
    expect(report.backupFile).not.toBeNull();
    expect(readUserVersion(db)).toBe(6);
    expect(db.prepare('SELECT upload_state, name FROM attachments WHERE hash = ?').get(hash)).toEqual({ upload_state: 'local', name: '' });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'portfolio_items_by_position'").get()).toBeDefined();
    expect(() => db.prepare("UPDATE attachments SET upload_state = 'elsewhere' WHERE hash = ?").run(hash)).toThrow(/CHECK/);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
