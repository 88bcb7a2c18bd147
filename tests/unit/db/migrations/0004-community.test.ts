import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWritableDatabase, readUserVersion } from '../../../../electron/core/db/database';
import { migrate } from '../../../../electron/core/db/migrate';
import { migration0001Initial } from '../../../../electron/core/db/migrations/0001-initial';
import { migration0002Sync } from '../../../../electron/core/db/migrations/0002-sync';
import { migration0003Workspace } from '../../../../electron/core/db/migrations/0003-workspace';
import { migration0004Community } from '../../../../electron/core/db/migrations/0004-community';
import { useTempDirs } from '../../../support/temp-dir';

const makeTempDir = useTempDirs();
const upToV3 = [migration0001Initial, migration0002Sync, migration0003Workspace];

describe('schema v4', () => {
  it('upgrades a v3 workspace in place: story fields read from raw, search indexes filled, after a backup', async () => {
    const file = path.join(makeTempDir(), 'workspace.sqlite');
    const db = openWritableDatabase(file);
    await migrate(db, { file, migrations: upToV3 });
    db.prepare(
      `INSERT INTO stories (id, version, author_name, author_country, profession, language, title, body, published_at, raw, fetched_at)
       VALUES ('sty_1', 1, 'Giulia Rossi', 'IT', 'Viticoltrice', 'it', 'Dalla banca alla vigna', 'Vendo il mio vino in tutta Europa',
         '2026-01-01T00:00:00.000Z', ?, 'x')`,
    ).run(JSON.stringify({ sector: 'food_and_farming', region: 'Toscana', tools: ['Shopify'] }));
    db.prepare(
      `INSERT INTO forum_topics (id, version, category, language, title, author_name, raw, fetched_at)
       VALUES ('ftp_1', 1, 'taxes', 'de', 'Kleinunternehmerregelung und Kunden im Ausland', 'Anna', '{}', 'x')`,
    ).run();
    db.prepare(
      `INSERT INTO forum_posts (id, version, topic_id, author_name, body, created_at, raw, fetched_at)
       VALUES ('fps_1', 1, 'ftp_1', 'Anna', 'Frag am besten einen Steuerberater', '2026-01-01T00:00:00.000Z', ?, 'x')`,
    ).run(JSON.stringify({ author_id: 'usr_anna' }));

    const report = await migrate(db, { file, migrations: [...upToV3, migration0004Community] });
    expect(report).toMatchObject({ from: 3, to: 4 });
    expect(report.backupFile).not.toBeNull();
    expect(readUserVersion(db)).toBe(4);

    expect(db.prepare("SELECT sector, region, tools FROM stories WHERE id = 'sty_1'").get()).toEqual({
      sector: 'food_and_farming',
      region: 'Toscana',
      tools: '["Shopify"]',
    });
    expect(db.prepare("SELECT author_id, state FROM forum_posts WHERE id = 'fps_1'").get()).toEqual({ author_id: 'usr_anna', state: 'synced' });
    // Existing rows are searchable at once, diacritics folded both ways.
    expect(db.prepare("SELECT s.id FROM stories_fts f JOIN stories s ON s.pk = f.rowid WHERE stories_fts MATCH 'toscana'").all()).toEqual([{ id: 'sty_1' }]);
    expect(db.prepare("SELECT p.id FROM forum_posts_fts f JOIN forum_posts p ON p.pk = f.rowid WHERE forum_posts_fts MATCH 'steuerb*'").all()).toEqual([
      { id: 'fps_1' },
    ]);
    expect(db.prepare("SELECT topic_id FROM forum_topics_fts WHERE forum_topics_fts MATCH 'kleinunternehmer*'").all()).toEqual([{ topic_id: 'ftp_1' }]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('keeps the search indexes in step with later writes, and the new tables enforce their rules', async () => {
    const file = path.join(makeTempDir(), 'workspace.sqlite');
    const db = openWritableDatabase(file);
    await migrate(db, { file, migrations: [...upToV3, migration0004Community] });
    db.prepare("INSERT INTO forum_topics (id, version, category, language, title, author_name, raw, fetched_at) VALUES ('ftp_2', 1, 'tools', 'fr', 'Quel outil pour les devis ?', 'Léa', '{}', 'x')").run();
    db.prepare("UPDATE forum_topics SET title = 'Quel logiciel de facturation ?' WHERE id = 'ftp_2'").run();
    const topicHits = (term: string) => db.prepare('SELECT topic_id FROM forum_topics_fts WHERE forum_topics_fts MATCH ?').all(term);
    expect(topicHits('devis')).toEqual([]);
    expect(topicHits('facturation')).toEqual([{ topic_id: 'ftp_2' }]);
    db.prepare("DELETE FROM forum_topics WHERE id = 'ftp_2'").run();
    expect(topicHits('facturation')).toEqual([]);

    const insertPost = db.prepare(
      "INSERT INTO forum_posts (id, version, topic_id, author_name, body, created_at, raw, fetched_at, state) VALUES (?, 0, 't', 'Me', 'Ciao città', 'x', '{}', 'x', ?)",
    );
    expect(() => insertPost.run('fps_a', 'pending')).not.toThrow();
    expect(() => insertPost.run('fps_b', 'lost')).toThrow(/CHECK/);
    expect(db.prepare("SELECT p.id FROM forum_posts_fts f JOIN forum_posts p ON p.pk = f.rowid WHERE forum_posts_fts MATCH 'citta'").all()).toEqual([{ id: 'fps_a' }]);

    db.prepare("INSERT INTO saved_stories (story_id, saved_at) VALUES ('sty_9', 'x')").run();
    expect(() => db.prepare("INSERT INTO saved_stories (story_id, saved_at) VALUES ('sty_9', 'y')").run()).toThrow(/UNIQUE/);
    expect(db.prepare('SELECT count(*) AS n FROM events').get()).toEqual({ n: 0 });
    db.close();
  });
});
