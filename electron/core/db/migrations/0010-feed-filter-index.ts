import type { Migration } from '../migrate';

/**
 * The feed's filter index: every filtered column and every sort column, leading with the posting language
 * and the client's country (the filters most often set, and the most selective). A count reads one range of
 * it (the chosen languages) or all of it, never the wide rows; a page whose filter leaves few projects reads
 * the same range and sorts only those (a sort index walk would read all 100k entries to find them).
 * Queries name it with INDEXED BY, so statistics gathered later cannot move another plan onto it.
 */
const schema = `
  CREATE INDEX projects_feed_filter ON projects (language, country, kind, status, currency,
    budget_max_minor, budget_min_minor, posted_at, bid_count, match_score);
`;

export const migration0010FeedFilterIndex: Migration = {
  version: 10,
  name: '0010-feed-filter-index',
  up: (db) => db.exec(schema),
};
