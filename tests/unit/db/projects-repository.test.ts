import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDemoProjects } from '../../../electron/core/dev/demo-projects';
import { openWritableDatabase } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import {
  countProjects,
  listProjects,
  searchProjectIds,
  upsertProjects,
  type ProjectRecord,
} from '../../../electron/core/db/repositories/projects-repository';
import { useTempDirs } from '../../support/temp-dir';

const makeTempDir = useTempDirs();
const now = new Date('2026-11-20T12:00:00Z');

const openWorkspace = async () => {
  const file = path.join(makeTempDir(), 'workspace.sqlite');
  const db = openWritableDatabase(file);
  await migrate(db, { file, migrations });
  return db;
};

const project = (overrides: Partial<ProjectRecord>): ProjectRecord => ({
  id: 'p',
  version: 1,
  clientId: null,
  title: 'Title',
  description: 'Description',
  language: 'en',
  kind: 'fixed',
  currency: 'EUR',
  budgetMinMinor: 10_000,
  budgetMaxMinor: 20_000,
  skills: ['SEO'],
  country: 'IT',
  bidCount: 0,
  status: 'open',
  postedAt: '2026-11-01T10:00:00Z',
  updatedAt: '2026-11-01T10:00:00Z',
  raw: { unknownFieldFromTheFuture: 1 },
  ...overrides,
});

describe('projects repository', () => {
  it('stores and lists projects, newest first, paging stably', async () => {
    const db = await openWorkspace();
    const records = generateDemoProjects(250, 3, now);
    expect(upsertProjects(db, records, now)).toBe(250);
    expect(countProjects(db)).toBe(250);

    const pages = [0, 100, 200].flatMap((offset) => listProjects(db, { offset, limit: 100, sort: 'newest' }));
    expect(pages).toHaveLength(250);
    expect(new Set(pages.map((p) => p.id)).size).toBe(250);
    const times = pages.map((p) => p.postedAt);
    expect(times).toEqual([...times].sort().reverse());
    db.close();
  });

  it('sorts by budget with unknown budgets last, and by bids', async () => {
    const db = await openWorkspace();
    upsertProjects(
      db,
      [
        project({ id: 'none', budgetMaxMinor: null, bidCount: 9 }),
        project({ id: 'low', budgetMaxMinor: 5_000, bidCount: 1 }),
        project({ id: 'high', budgetMaxMinor: 90_000, bidCount: 3 }),
      ],
      now,
    );
    expect(listProjects(db, { offset: 0, limit: 10, sort: 'budget' }).map((p) => p.id)).toEqual(['high', 'low', 'none']);
    expect(listProjects(db, { offset: 0, limit: 10, sort: 'bids' }).map((p) => p.id)).toEqual(['none', 'high', 'low']);
    db.close();
  });

  it('never lets an older version overwrite a newer one', async () => {
    const db = await openWorkspace();
    upsertProjects(db, [project({ id: 'x', version: 5, title: 'Current' })], now);
    expect(upsertProjects(db, [project({ id: 'x', version: 4, title: 'Stale' })], now)).toBe(0);
    expect(upsertProjects(db, [project({ id: 'x', version: 5, title: 'Replay' })], now)).toBe(0);
    expect(listProjects(db, { offset: 0, limit: 1, sort: 'newest' })[0]?.title).toBe('Current');
    expect(upsertProjects(db, [project({ id: 'x', version: 6, title: 'Newer' })], now)).toBe(1);
    expect(listProjects(db, { offset: 0, limit: 1, sort: 'newest' })[0]?.title).toBe('Newer');
    db.close();
  });

  it('keeps the raw record and normalises instants to UTC', async () => {
    const db = await openWorkspace();
    upsertProjects(db, [project({ id: 'tz', postedAt: '2026-11-01T12:00:00+02:00' })], now);
    expect(listProjects(db, { offset: 0, limit: 1, sort: 'newest' })[0]?.postedAt).toBe('2026-11-01T10:00:00.000Z');
    expect(JSON.parse((db.prepare("SELECT raw FROM projects WHERE id = 'tz'").get() as { raw: string }).raw)).toEqual({
      unknownFieldFromTheFuture: 1,
    });
    db.close();
  });

  it('finds projects by words typed without accents', async () => {
    const db = await openWorkspace();
    upsertProjects(
      db,
      [
        project({ id: 'it', title: 'Sito per un agriturismo a Città di Castello' }),
        project({ id: 'de', title: 'Shopify-Shop für eine Münchner Bäckerei' }),
      ],
      now,
    );
    expect(searchProjectIds(db, 'citta', 10)).toEqual(['it']);
    expect(searchProjectIds(db, 'backerei', 10)).toEqual(['de']);
    expect(searchProjectIds(db, 'munch*', 10)).toEqual(['de']);
    db.close();
  });

  it('writes a batch atomically: one bad record stores none', async () => {
    const db = await openWorkspace();
    const bad = project({ id: 'bad', kind: 'barter' as ProjectRecord['kind'] });
    expect(() => upsertProjects(db, [project({ id: 'good' }), bad], now)).toThrow(/CHECK/);
    expect(countProjects(db)).toBe(0);
    db.close();
  });
});
