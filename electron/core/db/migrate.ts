import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { readUserVersion, type WritableDB } from './database';
import { syncDirectorySync } from '../storage/durable-file';
import { fileSystem } from '../storage/file-system';
import { backupsDirOf } from './workspace-files';

export type Migration = {
  readonly version: number;
  readonly name: string;
  readonly up: (db: WritableDB) => void;
};

export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `This workspace was written by a newer Bottega (schema ${found}; this version knows up to ${supported}). ` +
        'Update Bottega to open it; the file was left untouched.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export type MigrationReport = { from: number; to: number; backupFile: string | null };

const assertSequence = (migrations: readonly Migration[]): void => {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`Migration ${migration.name} has version ${migration.version}; expected ${index + 1}.`);
    }
  });
};

const backupName = (file: string, version: number, now: Date): string =>
  path.join(backupsDirOf(file), `${path.basename(file)}.v${version}.${now.toISOString().replace(/[:.]/g, '-')}.bak`);

/**
 * Forward-only: applies every pending migration in one transaction, after a backup (SQLite's online backup
 * API) of a database that already held data. A database from a newer schema is refused, never touched.
 */
export const migrate = async (
  db: WritableDB,
  options: { file: string; migrations: readonly Migration[]; now?: () => Date },
): Promise<MigrationReport> => {
  const { file, migrations } = options;
  assertSequence(migrations);
  const from = readUserVersion(db);
  const to = migrations.length;
  if (from > to) throw new DatabaseTooNewError(from, to);
  if (from === to) return { from, to, backupFile: null };

  let backupFile: string | null = null;
  if (from > 0 && file !== ':memory:') {
    backupFile = backupName(file, from, options.now?.() ?? new Date());
    mkdirSync(path.dirname(backupFile), { recursive: true });
    // Copied under a name no one lists, then renamed: a power cut or a full disk mid-copy never leaves half a
    // backup to be offered for restoring later.
    const partial = `${backupFile}.partial`;
    try {
      await fileSystem.backupDatabase(db, partial);
      fileSystem.renameSync(partial, backupFile);
      syncDirectorySync(path.dirname(backupFile));
    } catch (error) {
      // The migration does not run without its backup (the caller says why and offers to retry).
      rmSync(partial, { force: true });
      throw error;
    }
  }

  db.transaction(() => {
    for (const migration of migrations.slice(from)) {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();

  return { from, to, backupFile };
};
