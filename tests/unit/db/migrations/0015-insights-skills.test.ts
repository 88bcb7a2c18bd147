import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWritableDatabase, readUserVersion, type WritableDB } from '../../../../electron/core/db/database';
import { migrate } from '../../../../electron/core/db/migrate';
import { migrations } from '../../../../electron/core/db/migrations';
import { useTempDirs } from '../../../support/temp-dir';

const makeTempDir = useTempDirs();

// Rows as the sync's statements write them (plain SQL: this test is about the triggers).
const insertProject = (db: WritableDB, id: string, skills: string[]): void => {
  db.prepare(
    `INSERT INTO projects (id, version, title, description, language, kind, currency, status, posted_at, updated_at, raw, fetched_at, skills)
     VALUES (?, 1, 'Sito', '', 'it', 'fixed', 'EUR', 'open', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '{}', '2026-01-01T00:00:00.000Z', ?)`,
  ).run(id, JSON.stringify(skills));
};
const insertProposal = (db: WritableDB, id: string, projectId: string, submittedAt: string | null): void => {
  db.prepare(
    `INSERT INTO proposals (id, version, project_id, status, currency, default_locale, submitted_at, created_at, updated_at)
     VALUES (?, 1, ?, ?, 'EUR', 'it', ?, '2026-01-02T00:00:00.000Z', '2026-01-02T00:00:00.000Z')`,
  ).run(id, projectId, submittedAt === null ? 'draft' : 'submitted', submittedAt);
};
const rowsOf = (db: WritableDB) =>
  db.prepare('SELECT proposal_id, skill, status, submitted_at FROM proposal_skills ORDER BY proposal_id, skill').all() as {
    proposal_id: string;
    skill: string | null;
    status: string;
    submitted_at: string;
  }[];
const skillsOf = (db: WritableDB, id: string): (string | null)[] => rowsOf(db).filter((row) => row.proposal_id === id).map((row) => row.skill);

describe('schema v15', () => {
  it('keeps one row per submitted proposal and skill of its project through every later write', async () => {
    const file = path.join(makeTempDir(), 'workspace.sqlite');
    const db = openWritableDatabase(file);
    await migrate(db, { file, migrations: migrations.filter((migration) => migration.version <= 14) });
    const at = '2026-01-03T09:00:00.000Z';
    insertProject(db, 'prj_1', ['React', 'TypeScript']);
    insertProposal(db, 'prp_1', 'prj_1', at);
    insertProposal(db, 'prp_draft', 'prj_1', null);
    insertProposal(db, 'prp_elsewhere', 'prj_missing', at);

    const report = await migrate(db, { file, migrations: migrations.filter((migration) => migration.version <= 15) });
    expect(report).toMatchObject({ from: 14, to: 15 });
    expect(readUserVersion(db)).toBe(15);
    // Filled from what was there; a draft has none, a proposal whose project is not here counts under no skill.
    expect(rowsOf(db)).toEqual([
      { proposal_id: 'prp_1', skill: 'React', status: 'submitted', submitted_at: at },
      { proposal_id: 'prp_1', skill: 'TypeScript', status: 'submitted', submitted_at: at },
      { proposal_id: 'prp_elsewhere', skill: null, status: 'submitted', submitted_at: at },
    ]);

    // The decision arrives; the project's skills change (the upsert rewrites project_skills); the project goes and comes back.
    db.prepare("UPDATE proposals SET status = 'awarded' WHERE id = 'prp_1'").run();
    expect(rowsOf(db).filter((row) => row.proposal_id === 'prp_1').map((row) => row.status)).toEqual(['awarded', 'awarded']);
    db.prepare("UPDATE projects SET skills = ? WHERE id = 'prj_1'").run(JSON.stringify(['Figma']));
    expect(skillsOf(db, 'prp_1')).toEqual(['Figma']);
    db.prepare("UPDATE projects SET skills = '[]' WHERE id = 'prj_1'").run();
    expect(skillsOf(db, 'prp_1')).toEqual([null]);
    db.prepare("DELETE FROM projects WHERE id = 'prj_1'").run();
    expect(skillsOf(db, 'prp_1')).toEqual([null]);
    insertProject(db, 'prj_1', ['SEO', 'WordPress']);
    expect(skillsOf(db, 'prp_1')).toEqual(['SEO', 'WordPress']);
    // The project arrives after its proposal.
    insertProject(db, 'prj_missing', ['Node.js']);
    expect(skillsOf(db, 'prp_elsewhere')).toEqual(['Node.js']);

    // The draft is submitted; a proposal deleted leaves nothing behind.
    db.prepare("UPDATE proposals SET submitted_at = ?, status = 'submitted' WHERE id = 'prp_draft'").run(at);
    expect(skillsOf(db, 'prp_draft')).toEqual(['SEO', 'WordPress']);
    db.prepare("DELETE FROM proposals WHERE id = 'prp_1'").run();
    expect(skillsOf(db, 'prp_1')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
