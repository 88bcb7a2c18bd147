import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openWritableDatabase, readUserVersion } from '../../../electron/core/db/database';
import { DatabaseTooNewError, migrate, type Migration } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { useTempDirs } from '../../support/temp-dir';

const makeTempDir = useTempDirs();

const notes: Migration = { version: 1, name: 'notes', up: (db) => db.exec('CREATE TABLE notes (body TEXT) STRICT') };
const tags: Migration = { version: 2, name: 'tags', up: (db) => db.exec('CREATE TABLE tags (name TEXT) STRICT') };

const open = (dir: string) => {
  const file = path.join(dir, 'workspace.sqlite');
  return { file, db: openWritableDatabase(file) };
};

describe('migrations', () => {
  it('opens with WAL, full sync and foreign keys', () => {
    const { db } = open(makeTempDir());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('numbers the shipped migrations 1..n with unique names', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(new Set(migrations.map((m) => m.name)).size).toBe(migrations.length);
  });

  it('migrates a new database without a backup, and an existing one after a backup of its old state', async () => {
    const dir = makeTempDir();
    const { file, db } = open(dir);
    expect(await migrate(db, { file, migrations: [notes] })).toEqual({ from: 0, to: 1, backupFile: null });
    db.prepare('INSERT INTO notes VALUES (?)').run('kept');

    const report = await migrate(db, { file, migrations: [notes, tags] });
    expect(report.from).toBe(1);
    expect(report.to).toBe(2);
    expect(readUserVersion(db)).toBe(2);
    expect(report.backupFile && existsSync(report.backupFile)).toBe(true);
    db.close();

    const backup = new Database(report.backupFile!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare('SELECT body FROM notes').all()).toEqual([{ body: 'kept' }]);
    expect(backup.prepare("SELECT name FROM sqlite_master WHERE name = 'tags'").get()).toBeUndefined();
    backup.close();
  });

  it('does nothing when already current', async () => {
    const dir = makeTempDir();
    const { file, db } = open(dir);
    await migrate(db, { file, migrations: [notes] });
    expect(await migrate(db, { file, migrations: [notes] })).toEqual({ from: 1, to: 1, backupFile: null });
    expect(existsSync(path.join(dir, 'backups'))).toBe(false);
    db.close();
  });

  it('refuses a database from a newer Bottega and leaves it untouched', async () => {
    const dir = makeTempDir();
    const { file, db } = open(dir);
    db.exec('CREATE TABLE future (x TEXT)');
    db.pragma('user_version = 9');
    const error = await migrate(db, { file, migrations: [notes] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseTooNewError);
    expect((error as Error).message).toMatch(/newer Bottega/);
    expect(readUserVersion(db)).toBe(9);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'notes'").get()).toBeUndefined();
    db.close();
  });

  it('rolls every pending migration back when one fails', async () => {
    const dir = makeTempDir();
    const { file, db } = open(dir);
    const broken: Migration = { version: 2, name: 'broken', up: (d) => d.exec('CREATE TABLE oops (; nonsense') };
    await expect(migrate(db, { file, migrations: [notes, broken] })).rejects.toThrow();
    expect(readUserVersion(db)).toBe(0);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'notes'").get()).toBeUndefined();
    db.close();
  });

  it('rejects a gap in the numbering', async () => {
    const { file, db } = open(makeTempDir());
    await expect(migrate(db, { file, migrations: [tags] })).rejects.toThrow(/expected 1/);
    db.close();
  });

  it('keeps backups in a backups folder beside the workspace', async () => {
    const dir = makeTempDir();
    const { file, db } = open(dir);
    await migrate(db, { file, migrations: [notes] });
    await migrate(db, { file, migrations: [notes, tags] });
    expect(readdirSync(path.join(dir, 'backups'))).toEqual([expect.stringMatching(/^workspace\.sqlite\.v1\..+\.bak$/)]);
    db.close();
  });
});
