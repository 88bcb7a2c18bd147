import { z } from 'zod';
import { feedFilterSchema, projectSortSchema, type FeedFilter, type ProjectSort } from '../../../../shared/domain/project';
import { prepare, type ReadableDB, type WritableDB } from '../database';

export type SavedSearchRow = {
  id: number;
  name: string;
  filter: FeedFilter;
  sort: ProjectSort;
  seenMaxPk: number;
  notifiedMaxPk: number;
  openedAt: string;
};

// The stored query is read back through its schema: a row written by an older version still parses.
const storedQuerySchema = z.object({ filter: feedFilterSchema.catch(feedFilterSchema.parse({})), sort: projectSortSchema.catch('newest') });

type Row = { id: number; name: string; query: string; seen_max_pk: number; notified_max_pk: number; opened_at: string };

const toSavedSearch = (row: Row): SavedSearchRow => {
  const query = storedQuerySchema.parse(JSON.parse(row.query));
  return {
    id: row.id,
    name: row.name,
    filter: query.filter,
    sort: query.sort,
    seenMaxPk: row.seen_max_pk,
    notifiedMaxPk: row.notified_max_pk,
    openedAt: row.opened_at,
  };
};

const columns = 'id, name, query, seen_max_pk, notified_max_pk, opened_at';

export const listSavedSearches = (db: ReadableDB): SavedSearchRow[] =>
  (prepare(db, `SELECT ${columns} FROM saved_searches ORDER BY name COLLATE NOCASE, id`).all() as Row[]).map(toSavedSearch);

export const readSavedSearch = (db: ReadableDB, id: number): SavedSearchRow | null => {
  const row = prepare(db, `SELECT ${columns} FROM saved_searches WHERE id = ?`).get(id) as Row | undefined;
  return row ? toSavedSearch(row) : null;
};

/** Everything already in the workspace counts as seen: only projects arriving later are "new". */
export const insertSavedSearch = (
  db: WritableDB,
  search: { name: string; filter: FeedFilter; sort: ProjectSort; maxPk: number; now: Date },
): number =>
  Number(
    prepare(
      db,
      `INSERT INTO saved_searches (name, query, seen_max_pk, notified_max_pk, opened_at, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(
      search.name,
      JSON.stringify({ filter: search.filter, sort: search.sort }),
      search.maxPk,
      search.maxPk,
      search.now.toISOString(),
      search.now.toISOString(),
    ).lastInsertRowid,
  );

export const markSavedSearchOpened = (db: WritableDB, id: number, maxPk: number, now: Date): void => {
  prepare(
    db,
    'UPDATE saved_searches SET seen_max_pk = @maxPk, notified_max_pk = max(notified_max_pk, @maxPk), opened_at = @now WHERE id = @id',
  ).run({ maxPk, now: now.toISOString(), id });
};

export const markSavedSearchNotified = (db: WritableDB, id: number, maxPk: number): void => {
  prepare(db, 'UPDATE saved_searches SET notified_max_pk = max(notified_max_pk, ?) WHERE id = ?').run(maxPk, id);
};

export const deleteSavedSearch = (db: WritableDB, id: number): boolean =>
  prepare(db, 'DELETE FROM saved_searches WHERE id = ?').run(id).changes > 0;
