import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWritableDatabase, readUserVersion } from '../../../../electron/core/db/database';
import { migrate } from '../../../../electron/core/db/migrate';
import { migrations } from '../../../../electron/core/db/migrations';
import { useTempDirs } from '../../../support/temp-dir';

const makeTempDir = useTempDirs();
const upToV7 = migrations.filter((migration) => migration.version <= 7);
const upToV8 = migrations.filter((migration) => migration.version <= 8);

describe('schema v8', () => {
  it('flags a profile edited before any sync as local edits, a synced one not; lists images to download', async () => {
    const file = path.join(makeTempDir(), 'workspace.sqlite');
    const db = openWritableDatabase(file);
    await migrate(db, { file, migrations: upToV7 });
    db.prepare("INSERT INTO profile (id, name, updated_at) VALUES (1, 'Giulia', '2026-01-01T00:00:00.000Z')").run();

    const report = await migrate(db, { file, migrations: upToV8 });
    expect(report).toMatchObject({ from: 7, to: 8 });
    expect(readUserVersion(db)).toBe(8);
    expect(db.prepare('SELECT local_edits FROM profile WHERE id = 1').get()).toEqual({ local_edits: 1 });
    expect(() => db.prepare('UPDATE profile SET local_edits = 2').run()).toThrow(/CHECK/);

    db.prepare("INSERT INTO image_downloads (hash, created_at, updated_at) VALUES (?, 'x', 'x')").run('b'.repeat(64));
    expect(db.prepare('SELECT state, attempts, problem FROM image_downloads').get()).toEqual({ state: 'wanted', attempts: 0, problem: null });
    expect(() => db.prepare("UPDATE image_downloads SET problem = 'lost'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO image_downloads (hash, created_at, updated_at) VALUES ('short', 'x', 'x')").run()).toThrow(/CHECK/);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('leaves a profile the platform sent unflagged', async () => {
    const file = path.join(makeTempDir(), 'workspace.sqlite');
    const db = openWritableDatabase(file);
    await migrate(db, { file, migrations: upToV7 });
    db.prepare("INSERT INTO profile (id, user_id, version, name, updated_at) VALUES (1, 'usr_1', 3, 'Giulia', '2026-01-01T00:00:00.000Z')").run();
    await migrate(db, { file, migrations: upToV8 });
    expect(db.prepare('SELECT local_edits FROM profile WHERE id = 1').get()).toEqual({ local_edits: 0 });
    db.close();
  });
});
