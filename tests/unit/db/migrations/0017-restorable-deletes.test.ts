import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWritableDatabase, readUserVersion } from '../../../../electron/core/db/database';
import { migrate } from '../../../../electron/core/db/migrate';
import { migrations } from '../../../../electron/core/db/migrations';
import { deleteTemplate, deleteVariant, listTemplates, restoreRemovedVariant } from '../../../../electron/core/db/repositories/proposals-repository';
import { useTempDirs } from '../../../support/temp-dir';

const makeTempDir = useTempDirs();

describe('schema v17', () => {
  it('keeps every template and variant of v16 as it was, and makes their deletion restorable', async () => {
    const file = path.join(makeTempDir(), 'workspace.sqlite');
    const db = openWritableDatabase(file);
    await migrate(db, { file, migrations: migrations.filter((migration) => migration.version <= 16) });
    const at = '2026-01-01T00:00:00.000Z';
    db.prepare(`INSERT INTO templates (id, kind, locale, name, body_json, created_at, updated_at) VALUES ('tpl_1', 'template', 'it', 'Base', '{}', ?, ?)`).run(at, at);
    db.prepare(
      `INSERT INTO proposals (id, project_id, status, kind, currency, default_locale, created_at, updated_at) VALUES ('prp_1', 'prj_1', 'draft', 'fixed', 'EUR', 'it', ?, ?)`,
    ).run(at, at);
    for (const locale of ['it', 'de']) {
      db.prepare(`INSERT INTO proposal_variants (proposal_id, locale, body_json, body_text, revision, updated_at) VALUES ('prp_1', ?, '{}', ?, 2, ?)`).run(locale, `text ${locale}`, at);
      for (const revision of [1, 2]) {
        db.prepare(`INSERT INTO proposal_revisions (proposal_id, locale, revision, body_json, body_text, created_at, saved_at) VALUES ('prp_1', ?, ?, '{}', ?, ?, ?)`).run(
          locale,
          revision,
          `text ${locale} ${revision}`,
          at,
          at,
        );
      }
    }

    const report = await migrate(db, { file, migrations: migrations.filter((migration) => migration.version <= 17) });
    expect(report).toMatchObject({ from: 16, to: 17 });
    expect(readUserVersion(db)).toBe(17);
    expect(listTemplates(db, null).map((template) => template.id)).toEqual(['tpl_1']);
    const variants = () => db.prepare('SELECT locale, body_text FROM proposal_variants ORDER BY locale').all();
    const revisions = () => db.prepare('SELECT locale, revision, body_text, saved_at FROM proposal_revisions ORDER BY locale, revision').all();
    const allVariants = variants();
    const allRevisions = revisions();

    expect(deleteTemplate(db, 'tpl_1', new Date())).toBe(true);
    expect(listTemplates(db, null)).toEqual([]);
    expect(deleteVariant(db, 'prp_1', 'de', new Date())).toBe(true);
    expect(variants()).toEqual([{ locale: 'it', body_text: 'text it' }]);
    expect(restoreRemovedVariant(db, 'prp_1', 'de', new Date())).toBe('restored');
    expect(variants()).toEqual(allVariants);
    expect(revisions()).toEqual(allRevisions);
    // Removing the proposal (an account removed) takes its removed languages with it.
    deleteVariant(db, 'prp_1', 'de', new Date());
    db.prepare("DELETE FROM proposals WHERE id = 'prp_1'").run();
    expect(db.prepare('SELECT count(*) AS n FROM removed_revisions').get()).toEqual({ n: 0 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
