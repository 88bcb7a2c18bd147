import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWritableDatabase, readUserVersion, type WritableDB } from '../../../../electron/core/db/database';
import { migrate } from '../../../../electron/core/db/migrate';
import { migrations } from '../../../../electron/core/db/migrations';
import { useTempDirs } from '../../../support/temp-dir';

const makeTempDir = useTempDirs();
const upToV12 = migrations.filter((migration) => migration.version <= 12);
const upToV13 = migrations.filter((migration) => migration.version <= 13);

const syncedTables = [
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
  'outbox',
  'quarantine',
  'conflicts',
  'image_downloads',
] as const;

const at = '2026-11-20T10:00:00.000Z';

/** A v12 workspace as the sync and the user leave it: rows in every synced table, and local ones beside them. */
const fillV12 = (db: WritableDB): void => {
  db.exec(`
    INSERT INTO projects (id, version, client_id, title, description, language, kind, currency, skills, status, posted_at, updated_at, raw, fetched_at)
      VALUES ('prj_1', 2, 'cli_1', 'Sito per una cantina', 'Vendemmia online', 'it', 'fixed', 'EUR', '["React"]', 'open', '${at}', '${at}', '{}', '${at}'),
             ('prj_2', 1, 'cli_1', 'Logo design', 'A mark for a bakery', 'en', 'hourly', 'EUR', '[]', 'open', '${at}', '${at}', '{}', '${at}');
    INSERT INTO clients (id, version, name, company, raw, fetched_at) VALUES ('cli_1', 1, 'Giulia Rossi', 'Cantina Rossi', '{}', '${at}');
    INSERT INTO threads (id, version, context, project_id, client_id, raw, fetched_at) VALUES ('thr_1', 1, 'project', 'prj_1', 'cli_1', '{}', '${at}');
    INSERT INTO messages (id, version, thread_id, body, sent_at, raw, fetched_at) VALUES ('msg_1', 1, 'thr_1', 'Buongiorno vendemmia', '${at}', '{}', '${at}');
    INSERT INTO messages (id, version, thread_id, from_me, body, sent_at, state) VALUES ('msg_local', 0, 'thr_1', 1, 'Not sent yet', '${at}', 'pending');
    INSERT INTO proposals (id, version, project_id, status, currency, default_locale, created_at, updated_at, raw, fetched_at)
      VALUES ('prp_1', 1, 'prj_1', 'submitted', 'EUR', 'it', '${at}', '${at}', '{}', '${at}');
    INSERT INTO proposals (id, version, project_id, status, currency, default_locale, created_at, updated_at)
      VALUES ('prp_draft', NULL, 'prj_2', 'draft', 'EUR', 'en', '${at}', '${at}');
    INSERT INTO proposal_variants (proposal_id, locale, body_json, body_text, updated_at) VALUES ('prp_draft', 'en', '{}', 'Dear baker', '${at}');
    INSERT INTO portfolio_items (id, version, updated_at, raw, fetched_at) VALUES ('pfi_1', 1, '${at}', '{}', '${at}');
    INSERT INTO profile (id, user_id, version, name, updated_at, raw, fetched_at) VALUES (1, 'usr_demo', 3, 'Demo', '${at}', '{}', '${at}');
    INSERT INTO stories (id, version, author_name, profession, language, title, body, published_at, raw, fetched_at)
      VALUES ('sto_1', 1, 'Anna', 'Translator', 'it', 'Tradurre poesia', 'Una storia', '${at}', '{}', '${at}');
    INSERT INTO forum_topics (id, version, category, language, title, author_name, raw, fetched_at)
      VALUES ('top_1', 1, 'general', 'en', 'Pricing questions', 'Anna', '{}', '${at}');
    INSERT INTO forum_posts (id, version, topic_id, author_name, body, created_at, raw, fetched_at)
      VALUES ('pst_1', 1, 'top_1', 'Anna', 'How do you price?', '${at}', '{}', '${at}');
    INSERT INTO events (id, version, title, description, language, format, starts_at, ends_at, time_zone, organizer_name, raw, fetched_at)
      VALUES ('evt_1', 1, 'Meetup', 'Freelancers meet', 'it', 'in_person', '${at}', '${at}', 'Europe/Rome', 'Bottega', '{}', '${at}');
    INSERT INTO outbox (entity_type, entity_id, op, payload, idempotency_key, created_at)
      VALUES ('message', 'msg_local', 'message.send', '{}', 'key-1', '${at}');
    INSERT INTO quarantine (type, record_id, reason, raw, received_at) VALUES ('project', 'prj_bad', 'title: too long', '{}', '${at}');
    INSERT INTO conflicts (entity_type, entity_id, outbox_seq, local_payload, server_record, created_at)
      VALUES ('proposal', 'prp_1', NULL, '{}', '{"id":"prp_1","version":2}', '${at}');
    INSERT INTO image_downloads (hash, created_at, updated_at) VALUES ('${'a'.repeat(64)}', '${at}', '${at}');

    INSERT INTO templates (id, kind, locale, name, body_json, created_at, updated_at) VALUES ('tpl_1', 'template', 'it', 'Saluti', '{}', '${at}', '${at}');
    INSERT INTO settings (key, value) VALUES ('locale', '"it"');
    INSERT INTO client_notes (client_id, body, updated_at) VALUES ('cli_1', 'Pays on time', '${at}');

    INSERT INTO sync_state (key, value) VALUES ('cursor', 'c-42'), ('last_sync_at', '${at}'), ('account_email', 'giulia@example.test'),
      ('platform_url', 'https://platform.example.test/'), ('platform_fee_percent', '10'), ('terms_fetched_at', '${at}'),
      ('fts_rebuild_owed', '1');
  `);
};

const countRows = (db: WritableDB, table: string): number => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** Every ordinary table's row count (not the search indexes' shadow tables, which a count cannot compare). */
const countEveryTable = (db: WritableDB): Record<string, number> =>
  Object.fromEntries(
    (
      db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' AND name NOT IN ('accounts', 'account_state') ORDER BY name",
        )
        .all() as { name: string }[]
    ).map(({ name }) => [name, countRows(db, name)]),
  );

describe('schema v13', () => {
  it('gives everything an existing workspace holds to its first account, acc_1, and loses no row', async () => {
    const file = path.join(makeTempDir(), 'workspace.sqlite');
    const db = openWritableDatabase(file);
    await migrate(db, { file, migrations: upToV12 });
    fillV12(db);
    const before = countEveryTable(db);

    const report = await migrate(db, { file, migrations: upToV13 });
    expect(report).toMatchObject({ from: 12, to: 13 });
    expect(readUserVersion(db)).toBe(13);

    // Every row is still there (sync_state only lost the keys that moved to the account).
    expect(countEveryTable(db)).toEqual({ ...before, sync_state: 1 });
    for (const table of syncedTables) {
      expect(db.prepare(`SELECT DISTINCT account_id FROM ${table}`).all(), table).toEqual([{ account_id: 'acc_1' }]);
    }
    expect(db.prepare('SELECT id, platform, platform_user_id, label, base_url, state, position FROM accounts').all()).toEqual([
      {
        id: 'acc_1',
        platform: 'bottega',
        platform_user_id: 'usr_demo',
        label: 'giulia@example.test',
        base_url: 'https://platform.example.test/',
        state: 'active',
        position: 0,
      },
    ]);
    expect(db.prepare('SELECT account_id, key, value FROM account_state ORDER BY key').all()).toEqual([
      { account_id: 'acc_1', key: 'account_email', value: 'giulia@example.test' },
      { account_id: 'acc_1', key: 'cursor', value: 'c-42' },
      { account_id: 'acc_1', key: 'last_sync_at', value: at },
      { account_id: 'acc_1', key: 'platform_fee_percent', value: '10' },
      { account_id: 'acc_1', key: 'terms_fetched_at', value: at },
    ]);
    // The workspace-wide key stays where it was.
    expect(db.prepare('SELECT key, value FROM sync_state').all()).toEqual([{ key: 'fts_rebuild_owed', value: '1' }]);
    // Search still finds what it found.
    expect(db.prepare("SELECT rowid FROM projects_fts WHERE projects_fts MATCH 'vendemmia'").all()).toHaveLength(1);
    expect(db.prepare("SELECT rowid FROM messages_fts WHERE messages_fts MATCH 'vendemmia'").all()).toHaveLength(1);
    // The push lists one account's queued writes by an index.
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT seq FROM outbox WHERE state = 'queued' AND account_id = 'acc_1' ORDER BY seq LIMIT 50")
      .all() as { detail: string }[];
    expect(plan.map((row) => row.detail).join('\n')).toMatch(/USING (COVERING )?INDEX outbox_by_state \(state=\? AND account_id=\?\)/);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('keeps every row of a v11 workspace through every later schema, all of it acc_1\'s', async () => {
    const file = path.join(makeTempDir(), 'workspace.sqlite');
    const db = openWritableDatabase(file);
    await migrate(db, { file, migrations: migrations.filter((migration) => migration.version <= 11) });
    fillV12(db);
    const before = countEveryTable(db);

    await migrate(db, { file, migrations });
    const after = countEveryTable(db);
    expect(Object.fromEntries(Object.keys(before).map((table) => [table, after[table]]))).toEqual({ ...before, sync_state: 1 });
    for (const table of syncedTables) {
      expect(db.prepare(`SELECT DISTINCT account_id FROM ${table}`).all(), table).toEqual([{ account_id: 'acc_1' }]);
    }
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('names the first account "Bottega" and leaves its URL to the sign-in when the workspace never saved them', async () => {
    const file = path.join(makeTempDir(), 'workspace.sqlite');
    const db = openWritableDatabase(file);
    await migrate(db, { file, migrations: upToV12 });
    db.exec(
      `INSERT INTO projects (id, version, title, description, language, kind, currency, status, posted_at, updated_at, raw, fetched_at)
       VALUES ('prj_1', 1, 't', 'd', 'it', 'fixed', 'EUR', 'open', '${at}', '${at}', '{}', '${at}')`,
    );
    await migrate(db, { file, migrations: upToV13 });
    expect(db.prepare('SELECT id, label, base_url, platform_user_id FROM accounts').all()).toEqual([
      { id: 'acc_1', label: 'Bottega', base_url: '', platform_user_id: null },
    ]);
    expect(db.prepare('SELECT account_id FROM projects').get()).toEqual({ account_id: 'acc_1' });
    db.close();
  });

  it('gives a workspace that never synced no account: its local work stays unowned', async () => {
    const file = path.join(makeTempDir(), 'workspace.sqlite');
    const db = openWritableDatabase(file);
    await migrate(db, { file, migrations: upToV12 });
    // A portfolio item and a draft written offline, never pushed, with no outbox row (drafts are not queued).
    db.exec(`
      INSERT INTO portfolio_items (id, updated_at) VALUES ('pfi_local', '${at}');
      INSERT INTO templates (id, kind, locale, name, body_json, created_at, updated_at) VALUES ('tpl_1', 'template', 'it', 'Saluti', '{}', '${at}', '${at}');
    `);
    await migrate(db, { file, migrations: upToV13 });
    expect(countRows(db, 'accounts')).toBe(0);
    expect(countRows(db, 'account_state')).toBe(0);
    expect(db.prepare('SELECT id, account_id FROM portfolio_items').all()).toEqual([{ id: 'pfi_local', account_id: null }]);
    db.close();
  });

  it('gives a fresh workspace no account', async () => {
    const file = path.join(makeTempDir(), 'workspace.sqlite');
    const db = openWritableDatabase(file);
    await migrate(db, { file, migrations });
    expect(countRows(db, 'accounts')).toBe(0);
    expect(() => db.prepare("INSERT INTO accounts (id, platform, label, base_url, created_at) VALUES ('x1', 'bottega', 'B', '', 'x')").run()).toThrow(
      /CHECK/,
    );
    expect(() => db.prepare("INSERT INTO accounts (id, platform, label, base_url, created_at) VALUES ('acc_2', 'upwork', 'B', '', 'x')").run()).toThrow(
      /CHECK/,
    );
    db.close();
  });
});
