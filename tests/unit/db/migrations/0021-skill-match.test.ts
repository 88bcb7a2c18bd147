import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openWritableDatabase, type WritableDB } from '../../../../electron/core/db/database';
import { migrate } from '../../../../electron/core/db/migrate';
import { migrations } from '../../../../electron/core/db/migrations';
import { scoreMatch, type MatchInput, type MatchProfile } from '../../../../shared/domain/match-score';
import { useTempDirs } from '../../../support/temp-dir';

const makeTempDir = useTempDirs();

const openAt = async (version: number): Promise<WritableDB> => {
  const file = path.join(makeTempDir(), 'workspace.sqlite');
  const db = openWritableDatabase(file);
  await migrate(db, { file, migrations: migrations.filter((migration) => migration.version <= version) });
  return db;
};

const writeProfile = (db: WritableDB, profile: MatchProfile): void => {
  db.prepare(
    `INSERT INTO profile (id, skills, languages, hourly_rate_minor, currency, updated_at) VALUES (1, ?, ?, ?, ?, 'x')
     ON CONFLICT (id) DO UPDATE SET skills = excluded.skills, languages = excluded.languages,
       hourly_rate_minor = excluded.hourly_rate_minor, currency = excluded.currency`,
  ).run(JSON.stringify(profile.skills), JSON.stringify(profile.languages.map((tag) => ({ tag, level: 'fluent' }))), profile.hourlyRateMinor, profile.currency);
};

const insertProject = (db: WritableDB, id: string, project: MatchInput): void => {
  db.prepare(
    `INSERT INTO projects (id, version, title, description, language, kind, currency, budget_max_minor, skills, status,
       posted_at, updated_at, raw, fetched_at)
     VALUES (?, 1, 'Sito', '', ?, ?, ?, ?, ?, 'open', 'x', 'x', '{}', 'x')`,
  ).run(id, project.language, project.kind, project.currency, project.budgetMaxMinor, JSON.stringify(project.skills));
};

const scoreOf = (db: WritableDB, id: string): number | null =>
  db.prepare('SELECT match_score FROM projects WHERE id = ?').pluck().get(id) as number | null;

const seoProject: MatchInput = { skills: ['Search Engine Optimization', 'Übersetzung'], language: 'de', kind: 'fixed', currency: 'EUR', budgetMaxMinor: null };
const seoProfile: MatchProfile = { skills: ['seo', 'ubersetzung'], languages: ['it'], hourlyRateMinor: null, currency: null };

// Tokens as platforms and profiles write them: catalogue slugs and job names in any case, accents and spaces,
// and skills the catalogue does not know.
const skillToken = fc.oneof(
  fc.constantFrom('seo', 'Search Engine Optimization', 'SEARCH  engine optimization', 'google-ads', 'Google Adwords', 'Google Ads', 'React.js', 'react', 'ios', 'iPhone'),
  fc.constantFrom('Übersetzung', 'ubersetzung', 'Traducción', 'traduccion', ' Café ', 'cafe', 'Go', 'go', 'Rust'),
  fc.string({ maxLength: 6 }),
);

describe('schema v21', () => {
  it('matches skills through the catalogue: "seo" is "Search Engine Optimization", accents and case aside; v20 did not', async () => {
    const before = await openAt(20);
    writeProfile(before, seoProfile);
    insertProject(before, 'p1', seoProject);
    // v3's SQL: neither skill matched; no budget to compare (7.5), no language (0).
    expect(scoreOf(before, 'p1')).toBe(8);

    const file = before.name;
    const report = await migrate(before, { file, migrations });
    expect(report).toMatchObject({ from: 20, to: 21 });
    // Rescored by the migration: both skills match (60), the rest unchanged.
    expect(scoreOf(before, 'p1')).toBe(68);
    expect(scoreOf(before, 'p1')).toBe(scoreMatch(seoProject, seoProfile).score);
    expect(scoreMatch(seoProject, seoProfile)).toMatchObject({ skillsMatched: 2, skillsTotal: 2 });
    expect(before.pragma('integrity_check', { simple: true })).toBe('ok');
    before.close();
  });

  it('the SQL score equals scoreMatch for any profile and project, as they arrive and after the profile changes', async () => {
    const db = await openAt(21);
    const profileOf = fc.record({
      skills: fc.array(skillToken, { maxLength: 5 }),
      languages: fc.array(fc.constantFrom('it', 'en', 'de-CH', 'fr'), { maxLength: 2 }),
      hourlyRateMinor: fc.option(fc.integer({ min: 0, max: 20_000 })),
      currency: fc.option(fc.constantFrom('EUR', 'USD')),
    });
    const projectOf = fc.record({
      skills: fc.array(skillToken, { maxLength: 5 }),
      language: fc.constantFrom('it', 'en', 'de', 'es'),
      kind: fc.constantFrom('fixed' as const, 'hourly' as const),
      currency: fc.constantFrom('EUR', 'USD'),
      budgetMaxMinor: fc.option(fc.integer({ min: 0, max: 1_000_000 })),
    });
    let run = 0;
    fc.assert(
      fc.property(profileOf, fc.array(projectOf, { minLength: 1, maxLength: 6 }), profileOf, (profile, projects, changed) => {
        run += 1;
        db.prepare('DELETE FROM projects').run();
        writeProfile(db, profile);
        projects.forEach((project, index) => insertProject(db, `r${run}_${index}`, project));
        projects.forEach((project, index) => expect(scoreOf(db, `r${run}_${index}`)).toBe(scoreMatch(project, profile).score));
        writeProfile(db, changed);
        projects.forEach((project, index) => expect(scoreOf(db, `r${run}_${index}`)).toBe(scoreMatch(project, changed).score));
      }),
      { numRuns: 150 },
    );
    db.close();
  });
});
