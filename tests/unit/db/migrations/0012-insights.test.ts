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
    applyRecord(db, 'proposal', makeProposal('prp_before', { status: 'shortlisted' }), at);
    applyRecord(db, 'proposal', makeProposal('prp_plain', { status: 'submitted' }), at);

    await migrate(db, { file, migrations: migrations.slice(0, 12) });
    expect(readUserVersion(db)).toBe(12);
    // Through the sync's upsert: shortlisted in version 2, declined in version 3.
    applyRecord(db, 'proposal', makeProposal('prp_plain', { version: 2, status: 'shortlisted' }), at);
    applyRecord(db, 'proposal', makeProposal('prp_plain', { version: 3, status: 'declined' }), at);
    applyRecord(db, 'proposal', makeProposal('prp_never', { status: 'declined' }), at);
    applyRecord(db, 'proposal', makeProposal('prp_new', { status: 'shortlisted' }), at);
    const marks = db.prepare('SELECT id, status, was_shortlisted FROM proposals ORDER BY id').all();
    expect(marks).toEqual([
      { id: 'prp_before', status: 'shortlisted', was_shortlisted: 1 },
      { id: 'prp_never', status: 'declined', was_shortlisted: 0 },
      { id: 'prp_new', status: 'shortlisted', was_shortlisted: 1 },
      { id: 'prp_plain', status: 'declined', was_shortlisted: 1 },
    ]);
    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('projects_insights', 'proposals_insights_created', 'proposals_insights_submitted', 'threads_by_project') ORDER BY name").all() as { name: string }[]).map((row) => row.name);
    expect(indexes).toEqual(['projects_insights', 'proposals_insights_created', 'proposals_insights_submitted', 'threads_by_project']);
    db.close();
  });
});
