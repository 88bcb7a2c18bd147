import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWritableDatabase } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { listStories, toMatchQuery } from '../../../electron/core/db/repositories/community-repository';
import { useTempDirs } from '../../support/temp-dir';

const makeTempDir = useTempDirs();

describe('community search', () => {
  it('turns anything typed into an FTS5 query of quoted prefixes', () => {
    expect(toMatchQuery('vigna  Città')).toBe('"vigna"* "Città"*');
    expect(toMatchQuery('"unbalanced OR -NOT (x')).toBe('"unbalanced"* "OR"* "NOT"* "x"*');
    expect(toMatchQuery(' -- "" ')).toBeNull();
  });

  it('never fails on what a user types, and finds words without their accents', async () => {
    const file = path.join(makeTempDir(), 'workspace.sqlite');
    const db = openWritableDatabase(file);
    await migrate(db, { file, migrations });
    db.prepare(
      `INSERT INTO stories (id, version, author_name, author_country, profession, language, title, body, published_at, raw, fetched_at, tools)
       VALUES ('sty_1', 1, 'Léa Dubois', 'FR', 'Rédactrice web', 'fr', 'J''ai quitté Paris', 'Près de la mer, en Bretagne', 'x', '{}', 'x', '["Antidote"]')`,
    ).run();
    const page = { offset: 0, limit: 10 };
    const search = (text: string) =>
      listStories(db, { text, profession: null, sector: null, country: null, language: null, savedOnly: false }, page).items.map((s) => s.id);
    expect(search('redactrice pres')).toEqual(['sty_1']);
    expect(search('antid')).toEqual(['sty_1']);
    for (const hostile of ['"', 'NEAR(', '*', 'a OR', "'; DROP TABLE stories; --", '^x', 'title:']) expect(() => search(hostile)).not.toThrow();
    db.close();
  });
});
