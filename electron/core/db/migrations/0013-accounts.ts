import type { Migration } from '../migrate';

/**
 * Several accounts in one workspace (issue #14). An account is a platform, the platform's user id and a label;
 * every synced record, queued write, quarantined record, conflict and wanted image says which account it
 * belongs to (`account_id`, no foreign key: the change feed's bulk load would pay a lookup per row, and an
 * account's records are dropped explicitly, by accounts-repository). Records keep their platform ids, which
 * never collide across platforms; two accounts of one platform share a public record (one row), whose
 * account_id is the account that last brought it. NULL: a local record no account has taken yet (a portfolio
 * item never pushed); the `bottega` account's push takes its writes.
 *
 * Per-account sync keys (cursor, last_sync_at, account_email, the platform's terms, a replacement's flag, a
 * poller's state) move to `account_state`; the workspace-wide ones (the search index rebuild) stay in
 * `sync_state`. A workspace that ever synced (any platform record, queued write or saved sync key) gets account
 * `acc_1` on the reference platform, and everything it holds becomes acc_1's. `base_url` is '' when the
 * workspace never saved its platform URL: the app was started with it, and the sync stores it on sign-in.
 *
 * Indexes only where a list or a round filters by account on every call (the outbox, threads, proposals):
 * the feed's and the messages' tables take a first load of 100k rows, where each index costs, and removing an
 * account (rare) may scan them.
 */
const recordTables = [
  'projects',
  'clients',
  'threads',
  'messages',
  'proposals',
  'portfolio_items',
  'profile',
  'stories',
  'forum_topics',
  'forum_posts',
  'events',
] as const;

const accountKeys = ['cursor', 'last_sync_at', 'account_email', 'platform_fee_percent', 'terms_fetched_at', 'replacement_pending'] as const;

const schema = `
  CREATE TABLE accounts (
    id TEXT PRIMARY KEY CHECK (id GLOB 'acc_?*' AND length(id) <= 44),
    platform TEXT NOT NULL CHECK (platform IN ('bottega', 'freelancer')),
    platform_user_id TEXT,
    label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 80),
    base_url TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'paused')),
    position INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  ) STRICT;

  CREATE TABLE account_state (
    account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (account_id, key)
  ) STRICT, WITHOUT ROWID;
  -- A key across accounts (the first account's fee, the account an email names) without a scan.
  CREATE INDEX account_state_by_key ON account_state (key, account_id);

  ${[...recordTables, 'outbox', 'quarantine', 'conflicts', 'image_downloads']
    .map((table) => `ALTER TABLE ${table} ADD COLUMN account_id TEXT;`)
    .join('\n  ')}

  DROP INDEX outbox_by_state;
  CREATE INDEX outbox_by_state ON outbox (state, account_id, seq);
  CREATE INDEX threads_by_account ON threads (account_id, last_message_at DESC);
  CREATE INDEX proposals_by_account ON proposals (account_id, status);
`;

const hasSynced = `
  SELECT EXISTS (SELECT 1 FROM sync_state WHERE key IN ('platform_url', ${accountKeys.map((key) => `'${key}'`).join(', ')}))
    OR EXISTS (SELECT 1 FROM outbox)
    ${recordTables.map((table) => `OR EXISTS (SELECT 1 FROM ${table} WHERE version IS NOT NULL)`).join('\n    ')}
  AS synced`;

/** Everything an existing workspace holds becomes its first account's. */
const adoptIntoFirstAccount = `
  INSERT INTO accounts (id, platform, platform_user_id, label, base_url, state, position, created_at)
  VALUES (
    'acc_1', 'bottega',
    (SELECT user_id FROM profile WHERE id = 1),
    COALESCE((SELECT substr(value, 1, 80) FROM sync_state WHERE key = 'account_email' AND length(value) > 0), 'Bottega'),
    COALESCE((SELECT value FROM sync_state WHERE key = 'platform_url'), ''),
    'active', 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  );
  INSERT INTO account_state (account_id, key, value)
    SELECT 'acc_1', key, value FROM sync_state WHERE key IN (${accountKeys.map((key) => `'${key}'`).join(', ')});
  ${[...recordTables, 'outbox', 'quarantine', 'conflicts', 'image_downloads']
    .map((table) => `UPDATE ${table} SET account_id = 'acc_1';`)
    .join('\n  ')}
`;

const cleanup = `
  DELETE FROM sync_state WHERE key IN ('platform_url', ${accountKeys.map((key) => `'${key}'`).join(', ')});
`;

export const migration0013Accounts: Migration = {
  version: 13,
  name: '0013-accounts',
  up: (db) => {
    db.exec(schema);
    const { synced } = db.prepare(hasSynced).get() as { synced: number };
    if (synced) db.exec(adoptIntoFirstAccount);
    db.exec(cleanup);
  },
};
