import { copyFileSync, existsSync, readdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import type { WorkspaceBackup } from '../../../shared/contract/workspace';
import { syncDirectorySync } from '../storage/durable-file';

/** The workspace database's name inside its data folder. */
export const workspaceFileName = 'workspace.sqlite';

/** Where migrate() puts its copies: `<data>/backups/<file>.v<schema>.<time>.bak`. */
export const backupsDirOf = (file: string): string => path.join(path.dirname(file), 'backups');

const backupPattern = /\.v(\d+)\.(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.bak$/;

/** The backups of this workspace, newest first, with their date, size and schema version. */
export const listBackups = (file: string): WorkspaceBackup[] => {
  const dir = backupsDirOf(file);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.startsWith(`${path.basename(file)}.`) && name.endsWith('.bak'))
    .flatMap((name) => {
      const match = backupPattern.exec(name);
      const stat = statSync(path.join(dir, name), { throwIfNoEntry: false });
      if (!stat?.isFile()) return [];
      const createdAt = match ? `${match[2]}T${match[3]}:${match[4]}:${match[5]}.${match[6]}Z` : stat.mtime.toISOString();
      return [{ name, createdAt, sizeBytes: stat.size, schemaVersion: match ? Number(match[1]) : 0 }];
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
};

/**
 * Moves a damaged database aside with its write-ahead log (never deletes it): `<file>.damaged-<time>`, the log
 * as `<that>-wal` so that SQLite would read them together. Returns the new name, or null when there was none.
 */
export const setDamagedAside = (file: string, now: Date = new Date()): string | null => {
  if (!existsSync(file)) return null;
  const keptAs = `${file}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['-wal', '-shm', '-journal']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, keptAs + suffix);
  }
  renameSync(file, keptAs);
  syncDirectorySync(path.dirname(file));
  return keptAs;
};

/** Copies a backup into the workspace's place (the backup itself stays). False when it does not exist. */
export const copyBackupIn = (file: string, name: string): boolean => {
  const source = path.join(backupsDirOf(file), path.basename(name));
  if (!existsSync(source)) return false;
  copyFileSync(source, file);
  syncDirectorySync(path.dirname(file));
  return true;
};
