import type { Migration } from '../migrate';

// Same FTS5 settings as the workspace's other indexes (0001): diacritics folded, prefix indexes for
// search-as-you-type. Written out here rather than shared, because a shipped migration never changes.
const tokenizer = `tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'`;

/**
 * Schema for the community: the story fields the platform added (sector, region, tools), events, the user's
 * own forum replies waiting in the outbox (state), full-text search over stories, topics and posts, saved
 * stories and forum read marks. Saves and read marks are local and keyed by the platform's id without
 * foreign keys: a cache rebuild drops and refills the records but must not forget what the user did.
 */
const schema = `
  ALTER TABLE stories ADD COLUMN region TEXT;
  ALTER TABLE stories ADD COLUMN sector TEXT;
  ALTER TABLE stories ADD COLUMN tools TEXT NOT NULL DEFAULT '[]';
  UPDATE stories SET
    region = json_extract(raw, '$.region'),
    sector = json_extract(raw, '$.sector'),
    tools = COALESCE(json_extract(raw, '$.tools'), '[]');
  CREATE INDEX stories_by_published ON stories (published_at DESC, pk DESC);
  CREATE INDEX stories_by_country ON stories (author_country, published_at DESC);

  CREATE VIRTUAL TABLE stories_fts USING fts5(
    title, body, profession, author_name, region, tags, tools,
    content='stories', content_rowid='pk', ${tokenizer}
  );
  CREATE TRIGGER stories_fts_insert AFTER INSERT ON stories BEGIN
    INSERT INTO stories_fts(rowid, title, body, profession, author_name, region, tags, tools)
      VALUES (new.pk, new.title, new.body, new.profession, new.author_name, new.region, new.tags, new.tools);
  END;
  CREATE TRIGGER stories_fts_delete AFTER DELETE ON stories BEGIN
    INSERT INTO stories_fts(stories_fts, rowid, title, body, profession, author_name, region, tags, tools)
      VALUES ('delete', old.pk, old.title, old.body, old.profession, old.author_name, old.region, old.tags, old.tools);
  END;
  CREATE TRIGGER stories_fts_update AFTER UPDATE OF title, body, profession, author_name, region, tags, tools ON stories BEGIN
    INSERT INTO stories_fts(stories_fts, rowid, title, body, profession, author_name, region, tags, tools)
      VALUES ('delete', old.pk, old.title, old.body, old.profession, old.author_name, old.region, old.tags, old.tools);
    INSERT INTO stories_fts(rowid, title, body, profession, author_name, region, tags, tools)
      VALUES (new.pk, new.title, new.body, new.profession, new.author_name, new.region, new.tags, new.tools);
  END;
  INSERT INTO stories_fts(stories_fts) VALUES ('rebuild');

  -- 'pending' and 'failed' are the user's own replies not yet confirmed by the platform (version 0 until then).
  ALTER TABLE forum_posts ADD COLUMN author_id TEXT;
  ALTER TABLE forum_posts ADD COLUMN state TEXT NOT NULL DEFAULT 'synced' CHECK (state IN ('synced', 'pending', 'failed'));
  UPDATE forum_posts SET author_id = json_extract(raw, '$.author_id');

  CREATE VIRTUAL TABLE forum_posts_fts USING fts5(
    body, author_name, content='forum_posts', content_rowid='pk', ${tokenizer}
  );
  CREATE TRIGGER forum_posts_fts_insert AFTER INSERT ON forum_posts BEGIN
    INSERT INTO forum_posts_fts(rowid, body, author_name) VALUES (new.pk, new.body, new.author_name);
  END;
  CREATE TRIGGER forum_posts_fts_delete AFTER DELETE ON forum_posts BEGIN
    INSERT INTO forum_posts_fts(forum_posts_fts, rowid, body, author_name) VALUES ('delete', old.pk, old.body, old.author_name);
  END;
  CREATE TRIGGER forum_posts_fts_update AFTER UPDATE OF body, author_name ON forum_posts BEGIN
    INSERT INTO forum_posts_fts(forum_posts_fts, rowid, body, author_name) VALUES ('delete', old.pk, old.body, old.author_name);
    INSERT INTO forum_posts_fts(rowid, body, author_name) VALUES (new.pk, new.body, new.author_name);
  END;
  INSERT INTO forum_posts_fts(forum_posts_fts) VALUES ('rebuild');

  -- forum_topics has a text primary key (no stable integer rowid), so its index holds its own copy, keyed by id.
  CREATE VIRTUAL TABLE forum_topics_fts USING fts5(topic_id UNINDEXED, title, ${tokenizer});
  CREATE TRIGGER forum_topics_fts_insert AFTER INSERT ON forum_topics BEGIN
    INSERT INTO forum_topics_fts(topic_id, title) VALUES (new.id, new.title);
  END;
  CREATE TRIGGER forum_topics_fts_delete AFTER DELETE ON forum_topics BEGIN
    DELETE FROM forum_topics_fts WHERE topic_id = old.id;
  END;
  CREATE TRIGGER forum_topics_fts_update AFTER UPDATE OF title ON forum_topics BEGIN
    DELETE FROM forum_topics_fts WHERE topic_id = old.id;
    INSERT INTO forum_topics_fts(topic_id, title) VALUES (new.id, new.title);
  END;
  INSERT INTO forum_topics_fts(topic_id, title) SELECT id, title FROM forum_topics;
  CREATE INDEX forum_topics_by_last_post ON forum_topics (pinned DESC, last_post_at DESC);

  CREATE TABLE events (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    language TEXT NOT NULL,
    format TEXT NOT NULL,
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    venue TEXT,
    city TEXT,
    country TEXT,
    online_url TEXT,
    organizer_name TEXT NOT NULL,
    cancelled INTEGER NOT NULL DEFAULT 0,
    raw TEXT NOT NULL,
    fetched_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX events_by_start ON events (starts_at, pk);

  CREATE TABLE saved_stories (
    story_id TEXT PRIMARY KEY,
    saved_at TEXT NOT NULL
  ) STRICT;

  -- Everything in a topic up to read_at has been seen; posts after it (not the user's own) are unread.
  CREATE TABLE forum_topic_reads (
    topic_id TEXT PRIMARY KEY,
    read_at TEXT NOT NULL
  ) STRICT;
`;

export const migration0004Community: Migration = {
  version: 4,
  name: '0004-community',
  up: (db) => db.exec(schema),
};
