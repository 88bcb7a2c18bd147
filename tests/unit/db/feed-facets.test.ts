import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWritableDatabase, type WritableDB } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { readFeedFacets, upsertProjects, type ProjectRecord } from '../../../electron/core/db/repositories/projects-repository';

const makeProject = (id: string, language: string, skills: string[]): ProjectRecord => ({
  id,
  version: 1,
  clientId: null,
  title: id,
  description: '',
  language,
  kind: 'fixed',
  currency: 'EUR',
  budgetMinMinor: null,
  budgetMaxMinor: null,
  skills,
  country: 'IT',
  bidCount: 0,
  status: 'open',
  postedAt: '2026-11-20T12:00:00.000Z',
  updatedAt: '2026-11-20T12:00:00.000Z',
  raw: {},
});

let dir = '';
let file = '';
let db: WritableDB;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'bottega-feed-facets-'));
  file = path.join(dir, 'workspace.sqlite');
  db = openWritableDatabase(file);
  await migrate(db, { file, migrations });
  upsertProjects(db, [makeProject('prj_1', 'it', ['seo'])], new Date());
});

afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('feed facets', () => {
  it('are grouped once per version of the data: again after a write by this connection or another one', () => {
    const first = readFeedFacets(db);
    expect(first.languages).toEqual([{ value: 'it', count: 1 }]);
    // Nothing written: the same answer, not grouped again over every project.
    expect(readFeedFacets(db)).toBe(first);

    upsertProjects(db, [makeProject('prj_2', 'de', ['seo'])], new Date());
    const second = readFeedFacets(db);
    expect(second.languages.map((facet) => facet.value).sort()).toEqual(['de', 'it']);
    expect(second.skills).toEqual([{ value: 'seo', count: 2 }]);

    // The sync writes on its own connection.
    const other = openWritableDatabase(file);
    upsertProjects(other, [makeProject('prj_3', 'fr', ['react'])], new Date());
    other.close();
    const third = readFeedFacets(db);
    expect(third.languages.map((facet) => facet.value).sort()).toEqual(['de', 'fr', 'it']);
    expect(readFeedFacets(db)).toBe(third);
  });
});
