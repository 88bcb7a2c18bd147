import type { Migration } from '../migrate';

/**
 * What the sync engine needs beyond v1: the platform fields v1 did not hold yet, the community records,
 * conflicts kept for the user to resolve, and a flag that says an FTS rebuild is owed after a bulk load.
 */
const schema = `
  ALTER TABLE projects ADD COLUMN category TEXT;
  ALTER TABLE projects ADD COLUMN remote INTEGER NOT NULL DEFAULT 1;
  ALTER TABLE projects ADD COLUMN deadline TEXT;

  ALTER TABLE clients ADD COLUMN city TEXT;
  ALTER TABLE clients ADD COLUMN reviews_count INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE clients ADD COLUMN projects_posted INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE clients ADD COLUMN updated_at TEXT;

  ALTER TABLE threads ADD COLUMN is_read INTEGER NOT NULL DEFAULT 1;
  ALTER TABLE threads ADD COLUMN message_count INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE threads ADD COLUMN created_at TEXT;
  ALTER TABLE threads ADD COLUMN updated_at TEXT;

  ALTER TABLE messages ADD COLUMN attachments TEXT NOT NULL DEFAULT '[]';

  ALTER TABLE proposals ADD COLUMN sealed INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE proposals ADD COLUMN paid_minor INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE proposals ADD COLUMN decided_at TEXT;

  ALTER TABLE portfolio_items ADD COLUMN default_locale TEXT;
  ALTER TABLE portfolio_items ADD COLUMN created_at TEXT;

  ALTER TABLE profile ADD COLUMN user_id TEXT;
  ALTER TABLE profile ADD COLUMN city TEXT;
  ALTER TABLE profile ADD COLUMN avatar_id TEXT;
  ALTER TABLE profile ADD COLUMN default_locale TEXT;

  CREATE TABLE stories (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL,
    author_name TEXT NOT NULL,
    author_country TEXT,
    profession TEXT NOT NULL,
    language TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    tags TEXT NOT NULL DEFAULT '[]',
    likes INTEGER NOT NULL DEFAULT 0,
    published_at TEXT NOT NULL,
    raw TEXT NOT NULL,
    fetched_at TEXT NOT NULL
  ) STRICT;

  CREATE TABLE forum_topics (
    id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    category TEXT NOT NULL,
    language TEXT NOT NULL,
    title TEXT NOT NULL,
    author_name TEXT NOT NULL,
    post_count INTEGER NOT NULL DEFAULT 0,
    pinned INTEGER NOT NULL DEFAULT 0,
    locked INTEGER NOT NULL DEFAULT 0,
    last_post_at TEXT,
    raw TEXT NOT NULL,
    fetched_at TEXT NOT NULL
  ) STRICT;

  CREATE TABLE forum_posts (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL,
    topic_id TEXT NOT NULL,
    author_name TEXT NOT NULL,
    body TEXT NOT NULL,
    reply_to TEXT,
    created_at TEXT NOT NULL,
    raw TEXT NOT NULL,
    fetched_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX forum_posts_by_topic ON forum_posts (topic_id, created_at);

  -- A push the platform refused with 409: both versions kept until the user chooses.
  CREATE TABLE conflicts (
    id INTEGER PRIMARY KEY,
    entity_type TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    outbox_seq INTEGER,
    local_payload TEXT NOT NULL,
    server_record TEXT NOT NULL,
    created_at TEXT NOT NULL,
    resolved_at TEXT,
    resolution TEXT CHECK (resolution IN ('mine', 'theirs'))
  ) STRICT;
  CREATE INDEX conflicts_open ON conflicts (resolved_at, entity_type, entity_id);
`;

export const migration0002Sync: Migration = {
  version: 2,
  name: '0002-sync',
  up: (db) => db.exec(schema),
};
