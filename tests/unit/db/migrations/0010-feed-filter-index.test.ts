import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWritableDatabase, readUserVersion } from '../../../../electron/core/db/database';
import { migrate } from '../../../../electron/core/db/migrate';
import { migrations } from '../../../../electron/core/db/migrations';
import { countProjects } from '../../../../electron/core/db/repositories/projects-repository';
import { emptyFeedFilter } from '../../../../shared/domain/project';
import { useTempDirs } from '../../../support/temp-dir';

const makeTempDir = useTempDirs();

describe('schema v10', () => {
  it('indexes the projects already stored by language and country first, with every filter and sort column', async () => {
    const file = path.join(makeTempDir(), 'workspace.sqlite');
    const db = openWritableDatabase(file);
    await migrate(db, { file, migrations: migrations.slice(0, 9) });
    const insert = db.prepare(
      `INSERT INTO projects (id, version, title, description, language, kind, currency, country, status, posted_at, updated_at, raw, fetched_at)
       VALUES (?, 1, 't', 'd', ?, 'fixed', 'EUR', ?, 'open', '2026-11-01T00:00:00.000Z', 'x', '{}', 'x')`,
    );
    insert.run('prj_1', 'it', 'IT');
    insert.run('prj_2', 'it', 'CH');
    insert.run('prj_3', 'de', 'DE');

    await migrate(db, { file, migrations: migrations.slice(0, 10) });
    expect(readUserVersion(db)).toBe(10);
    const columns = (db.prepare("SELECT name FROM pragma_index_info('projects_feed_filter') ORDER BY seqno").all() as { name: string }[]).map(
      (column) => column.name,
    );
    expect(columns).toEqual([
      'language',
      'country',
      'kind',
      'status',
      'currency',
      'budget_max_minor',
      'budget_min_minor',
      'posted_at',
      'bid_count',
      'match_score',
    ]);
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT count(*) FROM projects INDEXED BY projects_feed_filter WHERE language = 'it' AND country = 'IT'")
      .all() as { detail: string }[];
    expect(plan.map((row) => row.detail).join('\n')).toMatch(/COVERING INDEX projects_feed_filter \(language=\? AND country=\?\)/);
    // The rows stored before the index are in it.
    expect(countProjects(db, { ...emptyFeedFilter, languages: ['it'] })).toBe(2);
    expect(countProjects(db, { ...emptyFeedFilter, languages: ['it'], countries: ['CH'], kind: 'fixed' })).toBe(1);
    db.close();
  });
});
