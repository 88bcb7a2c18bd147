import { prepare, type WritableDB } from '../database';

export type Row = Record<string, string | number | null>;

/**
 * Insert or update a platform record by its natural id, only if the incoming version is newer: an older
 * version never overwrites a newer one, and a replayed page changes nothing. Table and column names come
 * from the repositories' own code, never from input. Returns whether the row changed.
 */
export const upsertByVersion = (db: WritableDB, table: string, row: Row): boolean => {
  const columns = Object.keys(row);
  const sql =
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')}) ` +
    `ON CONFLICT (id) DO UPDATE SET ${columns
      .filter((c) => c !== 'id')
      .map((c) => `${c} = excluded.${c}`)
      .join(', ')} WHERE excluded.version > COALESCE(${table}.version, 0)`;
  return prepare(db, sql).run(row).changes > 0;
};

/**
 * The same upsert with positional parameters in the order of `columns`, for statements prepared once. Columns
 * in `textFromBytes` take UTF-8 bytes (a view into a larger buffer, never copied into a string) stored as text.
 */
export const upsertByVersionSql = (table: string, columns: readonly string[], textFromBytes: readonly string[] = []): string =>
  `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => (textFromBytes.includes(c) ? 'CAST(? AS TEXT)' : '?')).join(', ')}) ` +
  `ON CONFLICT (id) DO UPDATE SET ${columns
    .filter((c) => c !== 'id')
    .map((c) => `${c} = excluded.${c}`)
    .join(', ')} WHERE excluded.version > COALESCE(${table}.version, 0)`;

/** A tombstone removes the record unless a newer version has already arrived. */
export const deleteByVersion = (db: WritableDB, table: string, id: string, version: number): boolean =>
  prepare(db, `DELETE FROM ${table} WHERE id = ? AND version <= ?`).run(id, version).changes > 0;

export const toJson = (value: unknown): string => JSON.stringify(value);
export const toFlag = (value: boolean): number => (value ? 1 : 0);
const utcSeconds = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;
const utcMillis = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
/**
 * Instants are stored as UTC ISO strings with milliseconds so that text order is time order. The platform
 * already sends UTC: those are only given their milliseconds (a Date per field cost a first sync seconds).
 */
export const toUtc = (instant: string): string =>
  utcMillis.test(instant) ? instant : utcSeconds.test(instant) ? `${instant.slice(0, -1)}.000Z` : new Date(instant).toISOString();
export const toUtcOrNull = (instant: string | null): string | null => (instant === null ? null : toUtc(instant));
