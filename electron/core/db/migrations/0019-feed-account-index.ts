import type { Migration } from '../migrate';

/*
 * The feed's account filter (issue #14) read in the indexes. Every feed index carries every filtered column so a
 * filtered page walks one in order and a count scans one, never the wide rows (v3, v10); account_id was left
 * out, so a feed filtered by account looked each entry it passed up in the table (its description and raw JSON
 * on the same pages). Each is made again with account_id last: same order, same ranges, the account tested in
 * the entry. The walk's and the count's plans become covering index scans (tests/unit/db/migrations/0019).
 */
const schema = `
  DROP INDEX projects_feed_newest;
  CREATE INDEX projects_feed_newest ON projects (posted_at DESC, pk DESC,
    language, country, status, kind, currency, budget_min_minor, budget_max_minor, account_id);
  DROP INDEX projects_feed_budget;
  CREATE INDEX projects_feed_budget ON projects (budget_max_minor DESC, pk DESC,
    language, country, status, kind, currency, budget_min_minor, posted_at, account_id);
  DROP INDEX projects_feed_bids;
  CREATE INDEX projects_feed_bids ON projects (bid_count DESC, pk DESC,
    language, country, status, kind, currency, budget_min_minor, budget_max_minor, posted_at, account_id);
  DROP INDEX projects_feed_match;
  CREATE INDEX projects_feed_match ON projects (match_score DESC, pk DESC,
    language, country, status, kind, currency, budget_min_minor, budget_max_minor, posted_at, account_id);
  DROP INDEX projects_feed_filter;
  CREATE INDEX projects_feed_filter ON projects (language, country, kind, status, currency,
    budget_max_minor, budget_min_minor, posted_at, bid_count, match_score, account_id);
`;

export const migration0019FeedAccountIndex: Migration = {
  version: 19,
  name: '0019-feed-account-index',
  up: (db) => db.exec(schema),
};
