import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWritableDatabase, readUserVersion } from '../../../../electron/core/db/database';
import { migrate } from '../../../../electron/core/db/migrate';
import { migration0001Initial } from '../../../../electron/core/db/migrations/0001-initial';
import { useTempDirs } from '../../../support/temp-dir';

const makeTempDir = useTempDirs();

const openV1 = async () => {
  const file = path.join(makeTempDir(), 'workspace.sqlite');
  const db = openWritableDatabase(file);
  await migrate(db, { file, migrations: [migration0001Initial] });
  return db;
};

const names = (db: Awaited<ReturnType<typeof openV1>>, type: string): string[] =>
  (db.prepare('SELECT name FROM sqlite_master WHERE type = ? ORDER BY name').all(type) as { name: string }[]).map(
    (row) => row.name,
  );

describe('schema v1', () => {
  it('creates every entity of the design', async () => {
    const db = await openV1();
    expect(readUserVersion(db)).toBe(1);
    expect(names(db, 'table')).toEqual(
      expect.arrayContaining([
        'settings', 'clients', 'client_notes', 'projects', 'threads', 'messages', 'proposals', 'proposal_variants',
        'proposal_revisions', 'portfolio_items', 'portfolio_variants', 'profile', 'profile_variants', 'templates',
        'attachments', 'outbox', 'sync_state', 'quarantine', 'projects_fts', 'messages_fts', 'clients_fts',
      ]),
    );
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  const insertProject = (db: Awaited<ReturnType<typeof openV1>>, id: string, title: string, description = '') =>
    db
      .prepare(
        `INSERT INTO projects (id, version, title, description, language, kind, currency, skills, status, posted_at,
           updated_at, raw, fetched_at)
         VALUES (?, 1, ?, ?, 'it', 'fixed', 'EUR', '["WordPress"]', 'open', '2026-01-01T00:00:00.000Z',
           '2026-01-01T00:00:00.000Z', '{}', '2026-01-01T00:00:00.000Z')`,
      )
      .run(id, title, description);

  const match = (db: Awaited<ReturnType<typeof openV1>>, query: string): string[] =>
    (
      db
        .prepare('SELECT p.id FROM projects_fts f JOIN projects p ON p.pk = f.rowid WHERE projects_fts MATCH ?')
        .all(query) as { id: string }[]
    ).map((row) => row.id);

  it('keeps the project index current and folds accents both ways', async () => {
    const db = await openV1();
    insertProject(db, 'a', 'Sito per un’azienda di Città di Castello', 'Übersetzung für München');
    insertProject(db, 'b', 'Logo for a bakery');
    expect(match(db, 'citta')).toEqual(['a']);
    expect(match(db, 'città')).toEqual(['a']);
    expect(match(db, 'munchen')).toEqual(['a']);
    expect(match(db, 'uber*')).toEqual(['a']);
    expect(match(db, 'wordpress')).toEqual(['a', 'b']);

    db.prepare("UPDATE projects SET title = 'Negozio online' WHERE id = 'a'").run();
    expect(match(db, 'citta')).toEqual([]);
    expect(match(db, 'negozio')).toEqual(['a']);
    db.prepare("DELETE FROM projects WHERE id = 'b'").run();
    expect(match(db, 'bakery')).toEqual([]);
    expect(db.prepare("INSERT INTO projects_fts(projects_fts) VALUES ('integrity-check')").run().changes).toBeGreaterThanOrEqual(0);
    db.close();
  });

  it('indexes messages and clients', async () => {
    const db = await openV1();
    db.prepare(
      "INSERT INTO messages (id, thread_id, body, sent_at) VALUES ('m1', 't1', 'Grüße aus Köln', '2026-01-01T00:00:00Z')",
    ).run();
    db.prepare(
      "INSERT INTO clients (id, version, name, company, raw, fetched_at) VALUES ('c1', 1, 'Renée Dupont', 'Crêperie', '{}', 'x')",
    ).run();
    expect(db.prepare("SELECT rowid FROM messages_fts WHERE messages_fts MATCH 'koln'").all()).toHaveLength(1);
    expect(db.prepare("SELECT rowid FROM clients_fts WHERE clients_fts MATCH 'renee creperie'").all()).toHaveLength(1);
    db.close();
  });

  it('refuses values the schema does not allow', async () => {
    const db = await openV1();
    expect(() =>
      db.prepare(
        "INSERT INTO outbox (entity_type, entity_id, op, payload, idempotency_key, state, created_at) VALUES ('m','1','send','{}','k','lost','x')",
      ).run(),
    ).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO profile (id, updated_at) VALUES (2, 'x')").run()).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO proposal_variants (proposal_id, locale, body_json, updated_at) VALUES ('none', 'en', '{}', 'x')").run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('cascades a deleted proposal to its variants and revisions', async () => {
    const db = await openV1();
    db.prepare(
      "INSERT INTO proposals (id, project_id, currency, default_locale, created_at, updated_at) VALUES ('p1', 'x', 'EUR', 'it', 'x', 'x')",
    ).run();
    db.prepare("INSERT INTO proposal_variants (proposal_id, locale, body_json, updated_at) VALUES ('p1', 'it', '{}', 'x')").run();
    db.prepare(
      "INSERT INTO proposal_revisions (proposal_id, locale, revision, body_json, created_at) VALUES ('p1', 'it', 1, '{}', 'x')",
    ).run();
    db.prepare("DELETE FROM proposals WHERE id = 'p1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM proposal_variants').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM proposal_revisions').get()).toEqual({ n: 0 });
    db.close();
  });
});
