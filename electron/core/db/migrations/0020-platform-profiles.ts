import type { Migration } from '../migrate';

/*
 * What a marketplace shows of the user, per account (issue #14: "profile and portfolio where the API has them").
 * The workspace's own profile (one row, its variants per language) and portfolio are what the user writes; a
 * pull never writes into them. Each account's profile on its platform (Freelancer's /users/0.1/self/: name,
 * tagline, description, hourly rate, location, skills) and its portfolio items (/users/0.1/portfolios/) are kept
 * here instead, read-only, replaced whole on every read, shown beside the user's own and gone with the account
 * (ON DELETE CASCADE from accounts). Portfolio items are a JSON list: a handful per user, always read together.
 */
const schema = `
  CREATE TABLE platform_profiles (
    account_id TEXT PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    platform_user_id TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    username TEXT,
    tagline TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    hourly_rate_minor INTEGER,
    currency TEXT,
    country TEXT,
    city TEXT,
    skills TEXT NOT NULL DEFAULT '[]',
    portfolio TEXT NOT NULL DEFAULT '[]',
    raw TEXT,
    fetched_at TEXT NOT NULL
  ) STRICT;
`;

export const migration0020PlatformProfiles: Migration = {
  version: 20,
  name: '0020-platform-profiles',
  up: (db) => db.exec(schema),
};
