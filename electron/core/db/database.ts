import Database from 'better-sqlite3';

declare const readableBrand: unique symbol;
declare const writableBrand: unique symbol;

/**
 * Branded handles, after Signal Desktop: a function that takes a ReadableDB promises not to write, and only
 * code holding the WritableDB (the core's single writer connection) can reach the write paths.
 */
export type ReadableDB = Database.Database & { readonly [readableBrand]: true };
export type WritableDB = ReadableDB & { readonly [writableBrand]: true };

export const openWritableDatabase = (file: string): WritableDB => {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    // FULL in WAL mode: a power cut, not only a crash, must not lose a committed draft or outbox row.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    return db as WritableDB;
  } catch (error) {
    db.close();
    throw error;
  }
};

export const openReadableDatabase = (file: string): ReadableDB => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
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
