import Database from 'better-sqlite3';
import { registerSkillFunctions } from './skill-functions';

declare const readableBrand: unique symbol;
declare const writableBrand: unique symbol;

/**
 * Branded handles, after Signal Desktop: a function that takes a ReadableDB promises not to write, and only
 * code holding the WritableDB (the core's single writer connection) can reach the write paths.
 */
export type ReadableDB = Database.Database & { readonly [readableBrand]: true };
export type WritableDB = ReadableDB & { readonly [writableBrand]: true };

/** How long a write waits for another connection's lock before it fails with SQLITE_BUSY. */
export const defaultBusyTimeoutMs = 5000;

export const openWritableDatabase = (file: string, options: { busyTimeoutMs?: number } = {}): WritableDB => {
  const db = new Database(file);
  try {
    // First, so that switching to WAL waits for another connection like every later statement does.
    db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? defaultBusyTimeoutMs))}`);
    db.pragma('journal_mode = WAL');
    // FULL in WAL mode: a power cut, not only a crash, must not lose a committed draft or outbox row.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    registerSkillFunctions(db);
    return db as WritableDB;
  } catch (error) {
    db.close();
    throw error;
  }
};

/** Thrown at start when SQLite's quick_check finds the file damaged (it reports rather than throws). */
export class WorkspaceCorruptError extends Error {
  readonly code = 'SQLITE_CORRUPT';
  constructor(readonly problems: string[]) {
    super(`The workspace file is damaged: ${problems.slice(0, 3).join('; ')}`);
    this.name = 'WorkspaceCorruptError';
  }
}

/**
 * The start's check, before anything reads or migrates: quick_check (every page and index well formed, cheap;
 * the full integrity_check runs on demand), then a write lock taken and released at once, so that a workspace
 * another program holds is found now (SQLITE_BUSY) rather than at the user's first save.
 */
export const checkWorkspaceAtStart = (db: WritableDB): void => {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  const problems = rows.map((row) => row.quick_check).filter((text) => text !== 'ok');
  if (problems.length > 0) throw new WorkspaceCorruptError(problems);
  db.transaction(() => undefined).immediate();
};

/** SQLite's full integrity_check: every row against its indexes too. Its first problems, or none. */
export const checkIntegrity = (db: ReadableDB, limit = 20): string[] =>
  (db.pragma(`integrity_check(${limit})`) as { integrity_check: string }[]).map((row) => row.integrity_check).filter((text) => text !== 'ok');

export const openReadableDatabase = (file: string): ReadableDB => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  registerSkillFunctions(db);
  return db as ReadableDB;
};

export const readUserVersion = (db: ReadableDB): number => db.pragma('user_version', { simple: true }) as number;

const statementCache = new WeakMap<ReadableDB, Map<string, Database.Statement>>();

/** Prepares each SQL text once per connection; repositories call this on every use. */
export const prepare = (db: ReadableDB, sql: string): Database.Statement => {
  let statements = statementCache.get(db);
  if (!statements) {
    statements = new Map();
    statementCache.set(db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
};

/**
 * Durability of this connection's next commits. A first load's own transactions commit without waiting for the
 * disk, then it goes back to FULL for everything else; switched around each of them, so the statement is kept.
 */
export const setSynchronous = (db: WritableDB, mode: 'NORMAL' | 'FULL'): void => {
  prepare(db, `PRAGMA synchronous = ${mode}`).run();
};
