import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import type Database from 'better-sqlite3';

/**
 * The file calls that durable writes make (the vaults, the image store, the backups), as one object: the storage-fault
 * tests replace a member to inject ENOSPC or EIO where a real full disk cannot be had. Production never
 * changes it.
 */
export const fileSystem = {
  readFile: (file: string): Promise<string> => fsp.readFile(file, 'utf8'),
  open: (file: string, flags: string, mode?: number): Promise<fsp.FileHandle> => fsp.open(file, flags, mode),
  rename: (from: string, to: string): Promise<void> => fsp.rename(from, to),
  rm: (file: string): Promise<void> => fsp.rm(file, { force: true }),
  mkdir: async (dir: string, mode: number): Promise<void> => {
    await fsp.mkdir(dir, { recursive: true, mode });
  },
  openSync: (file: string, flags: string, mode?: number): number => fs.openSync(file, flags, mode),
  writeSync: (fd: number, bytes: Uint8Array): number => fs.writeSync(fd, bytes),
  fsyncSync: (fd: number): void => fs.fsyncSync(fd),
  closeSync: (fd: number): void => fs.closeSync(fd),
  renameSync: (from: string, to: string): void => fs.renameSync(from, to),
  readFileSync: (file: string): Buffer => fs.readFileSync(file),
  /** SQLite's online backup of a live database into a new file (migrate's copy before it changes the schema). */
  backupDatabase: async (db: Database.Database, target: string): Promise<void> => {
    await db.backup(target);
  },
};
