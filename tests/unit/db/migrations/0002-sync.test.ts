import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWritableDatabase, readUserVersion } from '../../../../electron/core/db/database';
import { migrate } from '../../../../electron/core/db/migrate';
import { migration0001Initial } from '../../../../electron/core/db/migrations/0001-initial';
import { migration0002Sync } from '../../../../electron/core/db/migrations/0002-sync';
import { useTempDirs } from '../../../support/temp-dir';

const makeTempDir = useTempDirs();

const columns = (db: ReturnType<typeof openWritableDatabase>, table: string): string[] =>
  (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);

describe('schema v2', () => {
  it('upgrades a v1 workspace in place, keeping its data, after a backup', async () => {
    const file = path.join(makeTempDir(), 'workspace.sqlite');
    const db = openWritableDatabase(file);
    await migrate(db, { file, migrations: [migration0001Initial] });
    db.prepare(
      `INSERT INTO projects (id, version, title, description, language, kind, currency, status, posted_at, updated_at,
         raw, fetched_at) VALUES ('p1', 3, 'Sito per una cantina', '', 'it', 'fixed', 'EUR', 'open', 'x', 'x', '{}', 'x')`,
    ).run();
    db.prepare("INSERT INTO threads (id, version, context, raw, fetched_at) VALUES ('t1', 1, 'general', '{}', 'x')").run();

    const report = await migrate(db, { file, migrations: [migration0001Initial, migration0002Sync] });
    expect(report).toMatchObject({ from: 1, to: 2 });
    expect(report.backupFile).not.toBeNull();
    expect(readUserVersion(db)).toBe(2);

    expect(db.prepare("SELECT title, remote, category FROM projects WHERE id = 'p1'").get()).toEqual({
      title: 'Sito per una cantina',
      remote: 1,
      category: null,
    });
    expect(db.prepare("SELECT is_read, message_count FROM threads WHERE id = 't1'").get()).toEqual({
      is_read: 1,
      message_count: 0,
    });
    expect(db.prepare("SELECT p.id FROM projects_fts f JOIN projects p ON p.pk = f.rowid WHERE projects_fts MATCH 'cantina'").all()).toEqual([
      { id: 'p1' },
    ]);
    for (const table of ['stories', 'forum_topics', 'forum_posts', 'conflicts']) expect(columns(db, table).length).toBeGreaterThan(3);
    expect(columns(db, 'messages')).toContain('attachments');
    expect(columns(db, 'profile')).toEqual(expect.arrayContaining(['user_id', 'default_locale']));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('accepts only the two ways a conflict can be resolved', async () => {
    const file = path.join(makeTempDir(), 'workspace.sqlite');
    const db = openWritableDatabase(file);
    await migrate(db, { file, migrations: [migration0001Initial, migration0002Sync] });
    const insert = db.prepare(
      "INSERT INTO conflicts (entity_type, entity_id, local_payload, server_record, created_at, resolution) VALUES ('proposal', 'x', '{}', '{}', 'x', ?)",
    );
    expect(() => insert.run('mine')).not.toThrow();
    expect(() => insert.run('whatever')).toThrow(/CHECK/);
    db.close();
  });
});
