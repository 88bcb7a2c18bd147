import type { Migration } from '../migrate';

/**
 * External-content FTS5 index kept current by triggers. Diacritics are folded so that "citta" finds "città"
 * and "Munchen" finds "München"; prefix indexes make search-as-you-type cheap.
 * Frozen with this migration on purpose: a later schema writes its own SQL.
 */
const ftsIndex = (table: string, columns: readonly string[]): string => {
  const list = columns.join(', ');
  const values = (prefix: string): string => columns.map((column) => `${prefix}.${column}`).join(', ');
  return `
    CREATE VIRTUAL TABLE ${table}_fts USING fts5(
      ${list}, content='${table}', content_rowid='pk',
      tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
    );
    CREATE TRIGGER ${table}_fts_insert AFTER INSERT ON ${table} BEGIN
      INSERT INTO ${table}_fts(rowid, ${list}) VALUES (new.pk, ${values('new')});
    END;
    CREATE TRIGGER ${table}_fts_delete AFTER DELETE ON ${table} BEGIN
      INSERT INTO ${table}_fts(${table}_fts, rowid, ${list}) VALUES ('delete', old.pk, ${values('old')});
    END;
    CREATE TRIGGER ${table}_fts_update AFTER UPDATE OF ${list} ON ${table} BEGIN
      INSERT INTO ${table}_fts(${table}_fts, rowid, ${list}) VALUES ('delete', old.pk, ${values('old')});
      INSERT INTO ${table}_fts(rowid, ${list}) VALUES (new.pk, ${values('new')});
    END;`;
};

// Platform records keep `raw` (the record as received, so fields this version does not know survive) and
// `fetched_at`. Tables that an FTS index reads have an INTEGER `pk` so that VACUUM never renumbers the rows
// the index points at; the platform's id stays the natural key. No foreign keys between platform records:
// the change feed may deliver a project before its client, or a message before its thread.
const schema = `
  CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;

  CREATE TABLE clients (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL,
    name TEXT NOT NULL,
    company TEXT,
    country TEXT,
    primary_language TEXT,
    languages TEXT NOT NULL DEFAULT '[]',
    reputation REAL,
    payment_verified INTEGER NOT NULL DEFAULT 0,
    registered_at TEXT,
    raw TEXT NOT NULL,
    fetched_at TEXT NOT NULL
  ) STRICT;

  -- The user's private notes on a client: authored locally, never pushed, never expired with the cache.
  CREATE TABLE client_notes (
    client_id TEXT PRIMARY KEY,
    body TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;

  CREATE TABLE projects (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL,
    client_id TEXT,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    language TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('fixed', 'hourly')),
    currency TEXT NOT NULL,
    budget_min_minor INTEGER,
    budget_max_minor INTEGER,
    skills TEXT NOT NULL DEFAULT '[]',
    country TEXT,
    bid_count INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL,
    posted_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    raw TEXT NOT NULL,
    fetched_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX projects_by_posted ON projects (posted_at DESC, pk DESC);
  CREATE INDEX projects_by_budget ON projects (budget_max_minor DESC, pk DESC);
  CREATE INDEX projects_by_bids ON projects (bid_count DESC, pk DESC);
  CREATE INDEX projects_by_client ON projects (client_id);

  CREATE TABLE threads (
    id TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    context TEXT NOT NULL CHECK (context IN ('project', 'general')),
    project_id TEXT,
    client_id TEXT,
    subject TEXT NOT NULL DEFAULT '',
    members TEXT NOT NULL DEFAULT '[]',
    unread_count INTEGER NOT NULL DEFAULT 0,
    muted INTEGER NOT NULL DEFAULT 0,
    last_message_at TEXT,
    raw TEXT NOT NULL,
    fetched_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX threads_by_last_message ON threads (last_message_at DESC);

  CREATE TABLE messages (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    version INTEGER NOT NULL DEFAULT 0,
    thread_id TEXT NOT NULL,
    sender_id TEXT,
    from_me INTEGER NOT NULL DEFAULT 0,
    body TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    read_at TEXT,
    -- 'pending' and 'failed' are the user's own messages not yet confirmed by the platform.
    state TEXT NOT NULL DEFAULT 'synced' CHECK (state IN ('synced', 'pending', 'failed')),
    raw TEXT,
    fetched_at TEXT
  ) STRICT;
  CREATE INDEX messages_by_thread ON messages (thread_id, sent_at, pk);

  CREATE TABLE proposals (
    id TEXT PRIMARY KEY,
    version INTEGER,
    project_id TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'draft',
    kind TEXT NOT NULL DEFAULT 'fixed' CHECK (kind IN ('fixed', 'hourly')),
    currency TEXT NOT NULL,
    amount_minor INTEGER,
    period_days INTEGER,
    milestones TEXT NOT NULL DEFAULT '[]',
    answers TEXT NOT NULL DEFAULT '[]',
    portfolio_item_ids TEXT NOT NULL DEFAULT '[]',
    default_locale TEXT NOT NULL,
    submitted_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    raw TEXT,
    fetched_at TEXT
  ) STRICT;
  CREATE INDEX proposals_by_project ON proposals (project_id);

  -- One cover letter per language; source_* records which revision of which variant it was written from,
  -- so a variant can say it is outdated.
  CREATE TABLE proposal_variants (
    proposal_id TEXT NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    body_json TEXT NOT NULL,
    body_text TEXT NOT NULL DEFAULT '',
    revision INTEGER NOT NULL DEFAULT 1,
    source_locale TEXT,
    source_revision INTEGER,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (proposal_id, locale)
  ) STRICT;

  CREATE TABLE proposal_revisions (
    id INTEGER PRIMARY KEY,
    proposal_id TEXT NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    revision INTEGER NOT NULL,
    body_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (proposal_id, locale, revision)
  ) STRICT;

  CREATE TABLE portfolio_items (
    id TEXT PRIMARY KEY,
    version INTEGER,
    skills TEXT NOT NULL DEFAULT '[]',
    links TEXT NOT NULL DEFAULT '[]',
    image_hashes TEXT NOT NULL DEFAULT '[]',
    visibility TEXT NOT NULL DEFAULT 'public' CHECK (visibility IN ('public', 'private')),
    position REAL NOT NULL DEFAULT 0,
    completed_on TEXT,
    updated_at TEXT NOT NULL,
    raw TEXT,
    fetched_at TEXT
  ) STRICT;

  CREATE TABLE portfolio_variants (
    item_id TEXT NOT NULL REFERENCES portfolio_items (id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    goal TEXT NOT NULL DEFAULT '',
    solution TEXT NOT NULL DEFAULT '',
    revision INTEGER NOT NULL DEFAULT 1,
    source_locale TEXT,
    source_revision INTEGER,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (item_id, locale)
  ) STRICT;

  CREATE TABLE profile (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER,
    name TEXT NOT NULL DEFAULT '',
    country TEXT,
    hourly_rate_minor INTEGER,
    currency TEXT,
    skills TEXT NOT NULL DEFAULT '[]',
    languages TEXT NOT NULL DEFAULT '[]',
    updated_at TEXT NOT NULL,
    raw TEXT,
    fetched_at TEXT
  ) STRICT;

  CREATE TABLE profile_variants (
    locale TEXT PRIMARY KEY,
    headline TEXT NOT NULL DEFAULT '',
    bio TEXT NOT NULL DEFAULT '',
    revision INTEGER NOT NULL DEFAULT 1,
    source_locale TEXT,
    source_revision INTEGER,
    updated_at TEXT NOT NULL
  ) STRICT;

  CREATE TABLE templates (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('template', 'snippet')),
    locale TEXT NOT NULL,
    name TEXT NOT NULL,
    body_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;

  -- Content-addressed files in the app's data folder; the hash is the file's name and the platform's upload id.
  CREATE TABLE attachments (
    hash TEXT PRIMARY KEY CHECK (length(hash) = 64),
    mime TEXT NOT NULL,
    size INTEGER NOT NULL CHECK (size >= 0),
    created_at TEXT NOT NULL
  ) STRICT;

  -- Local writes waiting for the platform, in order. The idempotency key is fixed when the row is written.
  CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    entity_type TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    op TEXT NOT NULL,
    payload TEXT NOT NULL,
    idempotency_key TEXT NOT NULL UNIQUE,
    base_version INTEGER,
    state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'in_flight', 'sent', 'failed', 'conflict')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    next_attempt_at TEXT,
    sent_version INTEGER,
    created_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX outbox_by_entity ON outbox (entity_type, entity_id, seq);
  CREATE INDEX outbox_by_state ON outbox (state, seq);

  CREATE TABLE sync_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;

  -- Records the platform sent that failed validation: kept with the reason, never applied.
  CREATE TABLE quarantine (
    id INTEGER PRIMARY KEY,
    type TEXT NOT NULL,
    record_id TEXT,
    reason TEXT NOT NULL,
    raw TEXT NOT NULL,
    received_at TEXT NOT NULL
  ) STRICT;
`;

export const migration0001Initial: Migration = {
  version: 1,
  name: '0001-initial',
  up: (db) => {
    db.exec(schema);
    db.exec(ftsIndex('projects', ['title', 'description', 'skills']));
    db.exec(ftsIndex('messages', ['body']));
    db.exec(ftsIndex('clients', ['name', 'company']));
  },
};
