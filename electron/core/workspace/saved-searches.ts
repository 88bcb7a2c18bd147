import type { SavedSearch } from '../../../shared/contract/feed';
import type { FeedFilter, ProjectSort } from '../../../shared/domain/project';
import type { WritableDB } from '../db/database';
import { countProjectsAfter, readMaxProjectPk } from '../db/repositories/projects-repository';
import {
  insertSavedSearch,
  listSavedSearches,
  markSavedSearchNotified,
  markSavedSearchOpened,
  readSavedSearch,
  type SavedSearchRow,
} from '../db/repositories/saved-searches-repository';

const toContract = (db: WritableDB, row: SavedSearchRow, now: Date): SavedSearch => ({
  id: row.id,
  name: row.name,
  filter: row.filter,
  sort: row.sort,
  newCount: countProjectsAfter(db, row.filter, row.seenMaxPk, now),
  openedAt: row.openedAt,
});

export const listSavedSearchesWithCounts = (db: WritableDB, now = new Date()): SavedSearch[] =>
  listSavedSearches(db).map((row) => toContract(db, row, now));

export const createSavedSearch = (
  db: WritableDB,
  search: { name: string; filter: FeedFilter; sort: ProjectSort },
  now = new Date(),
): SavedSearch => {
  const id = insertSavedSearch(db, { ...search, maxPk: readMaxProjectPk(db), now });
  return toContract(db, readSavedSearch(db, id)!, now);
};

export const openSavedSearch = (db: WritableDB, id: number, now = new Date()): SavedSearch | null => {
  if (!readSavedSearch(db, id)) return null;
  markSavedSearchOpened(db, id, readMaxProjectPk(db), now);
  return toContract(db, readSavedSearch(db, id)!, now);
};

/**
 * After a pull: which saved searches gained matches that were not announced yet. Each project is announced
 * once per search; the count shown stays "new since last opened".
 */
export const collectSavedSearchNews = (db: WritableDB, now = new Date()): { id: number; name: string; newCount: number }[] => {
  const maxPk = readMaxProjectPk(db);
  const news: { id: number; name: string; newCount: number }[] = [];
  for (const search of listSavedSearches(db)) {
    if (search.notifiedMaxPk >= maxPk) continue;
    const fresh = countProjectsAfter(db, search.filter, search.notifiedMaxPk, now);
    markSavedSearchNotified(db, search.id, maxPk);
    if (fresh > 0) news.push({ id: search.id, name: search.name, newCount: fresh });
  }
  return news;
};
