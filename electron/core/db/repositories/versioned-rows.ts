import { prepare, type WritableDB } from '../database';

export type Row = Record<string, string | number | null>;

/**
 * Insert or update a platform record by its natural id, with positional parameters in the order of `columns`
 * and then `account_id` (the account bringing it), for statements prepared once. Only a newer version replaces
 * the row: an older one never overwrites it and a replayed page changes nothing. The same version brought by
 * another account changes only whose the row is (the account that last brought it). Table and column names
 * come from the repositories' own code, never from input. Columns in `textFromBytes` take UTF-8 bytes (a view
 * into a larger buffer, never copied into a string) stored as text.
 */
export const upsertByVersionSql = (table: string, columns: readonly string[], textFromBytes: readonly string[] = []): string => {
  const all = [...columns, 'account_id'];
  const newer = `excluded.version > COALESCE(${table}.version, 0)`;
  return (
    `INSERT INTO ${table} (${all.join(', ')}) VALUES (${all.map((c) => (textFromBytes.includes(c) ? 'CAST(? AS TEXT)' : '?')).join(', ')}) ` +
    `ON CONFLICT (id) DO UPDATE SET ${all
      .filter((c) => c !== 'id' && c !== 'account_id')
      .map((c) => `${c} = CASE WHEN ${newer} THEN excluded.${c} ELSE ${table}.${c} END`)
      .join(', ')}, account_id = excluded.account_id ` +
    `WHERE ${newer} OR (excluded.version = ${table}.version AND excluded.account_id IS NOT NULL AND ${table}.account_id IS NOT excluded.account_id)`
  );
};

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
