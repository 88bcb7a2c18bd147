import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWritableDatabase, readUserVersion } from '../../../../electron/core/db/database';
import { migrate } from '../../../../electron/core/db/migrate';
import { migrations } from '../../../../electron/core/db/migrations';
import { useTempDirs } from '../../../support/temp-dir';

const makeTempDir = useTempDirs();

describe('schema v11', () => {
  it('keeps one form draft per form and record, as valid JSON of bounded size', async () => {
    const file = path.join(makeTempDir(), 'workspace.sqlite');
    const db = openWritableDatabase(file);
    await migrate(db, { file, migrations: migrations.filter((migration) => migration.version <= 10) });
    const report = await migrate(db, { file, migrations: migrations.filter((migration) => migration.version <= 11) });
    expect(report).toMatchObject({ from: 10, to: 11 });
    expect(readUserVersion(db)).toBe(11);

    const insert = db.prepare('INSERT INTO form_drafts (form_key, value, saved_at) VALUES (?, ?, ?)');
    insert.run('portfolio-item:new', JSON.stringify({ title: 'Cantina' }), '2026-01-01T00:00:00.000Z');
    expect(() => insert.run('portfolio-item:new', '{}', 'x')).toThrow(/UNIQUE|PRIMARY/);
    expect(() => insert.run('profile', '{not json', 'x')).toThrow(/CHECK/);
    expect(() => insert.run('profile', JSON.stringify('x'.repeat(1_200_000)), 'x')).toThrow(/CHECK/);
    expect(() => insert.run('', '{}', 'x')).toThrow(/CHECK/);
    expect(db.prepare('SELECT form_key, value FROM form_drafts').all()).toEqual([{ form_key: 'portfolio-item:new', value: '{"title":"Cantina"}' }]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
