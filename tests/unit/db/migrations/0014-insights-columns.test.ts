import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWritableDatabase, readUserVersion, type WritableDB } from '../../../../electron/core/db/database';
import { migrate } from '../../../../electron/core/db/migrate';
import { migrations } from '../../../../electron/core/db/migrations';
import { useTempDirs } from '../../../support/temp-dir';

const makeTempDir = useTempDirs();

// Rows as the sync's and the outbox's statements write them (plain SQL: this test is about the triggers).
const at = (hours: number): string => new Date(Date.parse('2026-03-01T10:00:00.000Z') + hours * 3_600_000).toISOString();

const insertProject = (db: WritableDB, id: string, category: string, country: string): void => {
  db.prepare(
    `INSERT INTO projects (id, version, title, description, language, kind, currency, status, posted_at, updated_at, raw, fetched_at, category, country)
     VALUES (?, 1, 'Sito', '', 'it', 'fixed', 'EUR', 'open', ?, ?, '{}', ?, ?, ?)`,
  ).run(id, at(-48), at(-48), at(-48), category, country);
};
const insertThread = (db: WritableDB, id: string, projectId: string): void => {
  db.prepare("INSERT INTO threads (id, version, context, project_id, raw, fetched_at) VALUES (?, 1, 'project', ?, '{}', ?)").run(id, projectId, at(-48));
};
const insertMessage = (db: WritableDB, id: string, threadId: string, fromMe: boolean, sentAt: string, state = 'synced'): void => {
  db.prepare('INSERT INTO messages (id, version, thread_id, from_me, body, sent_at, state) VALUES (?, 1, ?, ?, ?, ?, ?)').run(
    id,
    threadId,
    fromMe ? 1 : 0,
    'Buongiorno',
    sentAt,
    state,
  );
};
const milestones = (...items: [number, string][]): string =>
  JSON.stringify(items.map(([amount_minor, status], n) => ({ id: `mst_${n}`, title: 'Fase', amount_minor, due_in_days: null, status })));

const columnsOf = (db: WritableDB, id: string) =>
  db
    .prepare('SELECT first_reply_at, answered_at, project_category, project_country, released_minor, released_milestones FROM proposals WHERE id = ?')
    .get(id);

describe('schema v14', () => {
  it('fills the insights columns of the proposals already there and keeps them through every later write', async () => {
    const file = path.join(makeTempDir(), 'workspace.sqlite');
    const db = openWritableDatabase(file);
    await migrate(db, { file, migrations: migrations.filter((migration) => migration.version <= 13) });
    insertProject(db, 'prj_1', 'design', 'IT');
    insertThread(db, 'thr_1', 'prj_1');
    insertMessage(db, 'msg_before', 'thr_1', false, at(-1));
    insertMessage(db, 'msg_reply', 'thr_1', false, at(1));
    insertMessage(db, 'msg_answer', 'thr_1', true, at(2));
    db.prepare(
      `INSERT INTO proposals (id, version, project_id, status, currency, default_locale, submitted_at, created_at, updated_at, milestones)
       VALUES ('prp_1', 1, 'prj_1', 'awarded', 'EUR', 'it', ?, ?, ?, ?)`,
    ).run(at(0), at(-2), at(5), milestones([50_000, 'released'], [30_000, 'funded'], [20_000, 'released']));
    db.prepare("INSERT INTO proposals (id, project_id, currency, default_locale, created_at, updated_at) VALUES ('prp_draft', 'prj_1', 'EUR', 'it', ?, ?)").run(
      at(0),
      at(0),
    );

    const report = await migrate(db, { file, migrations: migrations.filter((migration) => migration.version <= 14) });
    expect(report).toMatchObject({ from: 13, to: 14 });
    expect(readUserVersion(db)).toBe(14);
    // Filled from what was there: the reply after submission (not the one before) and the answer after it.
    const filled = { first_reply_at: at(1), answered_at: at(2), project_category: 'design', project_country: 'IT', released_minor: 70_000, released_milestones: 2 };
    expect(columnsOf(db, 'prp_1')).toEqual(filled);
    // A draft has no submission, so no reply; its project is known all the same.
    expect(columnsOf(db, 'prp_draft')).toEqual({ ...filled, first_reply_at: null, answered_at: null, released_minor: 0, released_milestones: 0 });

    // An earlier client reply arrives: the answer is still the user's first message after it.
    insertMessage(db, 'msg_early', 'thr_1', false, at(0.5));
    expect(columnsOf(db, 'prp_1')).toMatchObject({ first_reply_at: at(0.5), answered_at: at(2) });
    // The user's message still pending counts only once the platform confirms it.
    insertMessage(db, 'msg_pending', 'thr_1', true, at(0.75), 'pending');
    expect(columnsOf(db, 'prp_1')).toMatchObject({ answered_at: at(2) });
    db.prepare("UPDATE messages SET state = 'synced' WHERE id = 'msg_pending'").run();
    expect(columnsOf(db, 'prp_1')).toMatchObject({ answered_at: at(0.75) });
    // Re-dated, then deleted.
    db.prepare("UPDATE messages SET sent_at = ? WHERE id = 'msg_early'").run(at(3));
    expect(columnsOf(db, 'prp_1')).toMatchObject({ first_reply_at: at(1), answered_at: at(2) });
    db.prepare("DELETE FROM messages WHERE id = 'msg_reply'").run();
    expect(columnsOf(db, 'prp_1')).toMatchObject({ first_reply_at: at(3), answered_at: null });

    // The thread goes (a replacement sync) and comes back.
    db.prepare("DELETE FROM threads WHERE id = 'thr_1'").run();
    expect(columnsOf(db, 'prp_1')).toMatchObject({ first_reply_at: null, answered_at: null });
    insertThread(db, 'thr_1', 'prj_1');
    expect(columnsOf(db, 'prp_1')).toMatchObject({ first_reply_at: at(3) });

    // Submitted again later than every message: no reply yet.
    db.prepare("UPDATE proposals SET submitted_at = ? WHERE id = 'prp_1'").run(at(10));
    expect(columnsOf(db, 'prp_1')).toMatchObject({ first_reply_at: null, answered_at: null });

    // The project changes, goes, and comes back; the milestones move on.
    db.prepare("UPDATE projects SET category = 'translation', country = 'DE' WHERE id = 'prj_1'").run();
    expect(columnsOf(db, 'prp_draft')).toMatchObject({ project_category: 'translation', project_country: 'DE' });
    db.prepare("DELETE FROM projects WHERE id = 'prj_1'").run();
    expect(columnsOf(db, 'prp_1')).toMatchObject({ project_category: null, project_country: null });
    insertProject(db, 'prj_1', 'seo', 'FR');
    expect(columnsOf(db, 'prp_1')).toMatchObject({ project_category: 'seo', project_country: 'FR' });
    db.prepare("UPDATE proposals SET milestones = ? WHERE id = 'prp_1'").run(milestones([50_000, 'released'], [30_000, 'released'], [20_000, 'released']));
    expect(columnsOf(db, 'prp_1')).toMatchObject({ released_minor: 100_000, released_milestones: 3 });

    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '%insights%' ORDER BY name").all() as { name: string }[]).map(
      (row) => row.name,
    );
    expect(indexes).toEqual([
      'proposals_insights_category',
      'proposals_insights_country',
      'proposals_insights_created',
      'proposals_insights_language',
      'proposals_insights_project',
      'proposals_insights_released',
      'proposals_insights_submitted',
    ]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
