import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWritableDatabase, readUserVersion } from '../../../../electron/core/db/database';
import { migrate } from '../../../../electron/core/db/migrate';
import { migrations } from '../../../../electron/core/db/migrations';
import { applyRecord } from '../../../../electron/core/db/repositories/platform-records-repository';
import { makeProposal } from '../../../support/workspace-records';
import { useTempDirs } from '../../../support/temp-dir';

const makeTempDir = useTempDirs();

describe('schema v12', () => {
  it('remembers a proposal was shortlisted through a later decline, marks the ones already shortlisted, and adds the insights indexes', async () => {
    const file = path.join(makeTempDir(), 'workspace.sqlite');
    const db = openWritableDatabase(file);
    await migrate(db, { file, migrations: migrations.slice(0, 11) });
    const at = '2026-11-20T10:00:00.000Z';
    const insert = db.prepare(
      "INSERT INTO proposals (id, version, project_id, status, currency, default_locale, created_at, updated_at) VALUES (?, 1, 'prj_1', ?, 'EUR', 'it', ?, ?)",
    );
    insert.run('prp_before', 'shortlisted', at, at);
    insert.run('prp_plain', 'submitted', at, at);

    await migrate(db, { file, migrations: migrations.slice(0, 12) });
    expect(readUserVersion(db)).toBe(12);
    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('projects_insights', 'proposals_insights_created', 'proposals_insights_submitted', 'threads_by_project') ORDER BY name").all() as { name: string }[]).map((row) => row.name);
    expect(indexes).toEqual(['projects_insights', 'proposals_insights_created', 'proposals_insights_submitted', 'threads_by_project']);
    // Through the sync's upsert (today's, on today's schema): shortlisted in version 2, declined in version 3.
    await migrate(db, { file, migrations });
    applyRecord(db, 'proposal', makeProposal('prp_plain', { version: 2, status: 'shortlisted' }), at, null);
    applyRecord(db, 'proposal', makeProposal('prp_plain', { version: 3, status: 'declined' }), at, null);
    applyRecord(db, 'proposal', makeProposal('prp_never', { status: 'declined' }), at, null);
    applyRecord(db, 'proposal', makeProposal('prp_new', { status: 'shortlisted' }), at, null);
    const marks = db.prepare('SELECT id, status, was_shortlisted FROM proposals ORDER BY id').all();
    expect(marks).toEqual([
      { id: 'prp_before', status: 'shortlisted', was_shortlisted: 1 },
      { id: 'prp_never', status: 'declined', was_shortlisted: 0 },
      { id: 'prp_new', status: 'shortlisted', was_shortlisted: 1 },
      { id: 'prp_plain', status: 'declined', was_shortlisted: 1 },
    ]);
    db.close();
  });
});
