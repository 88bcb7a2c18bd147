import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWritableDatabase, readUserVersion } from '../../../../electron/core/db/database';
import { migrate } from '../../../../electron/core/db/migrate';
import { migrations } from '../../../../electron/core/db/migrations';
import { insertAccount, removeAccountRecords } from '../../../../electron/core/db/repositories/accounts-repository';
import { listPlatformProfiles, writePlatformProfile } from '../../../../electron/core/db/repositories/platform-profiles-repository';
import { useTempDirs } from '../../../support/temp-dir';

const makeTempDir = useTempDirs();
const now = new Date('2026-03-01T00:00:00.000Z');

describe('schema v20', () => {
  it("keeps the user's own profile and portfolio of v19 as they were; each account's platform profile is its own row, gone with the account", async () => {
    const file = path.join(makeTempDir(), 'workspace.sqlite');
    const db = openWritableDatabase(file);
    await migrate(db, { file, migrations: migrations.filter((migration) => migration.version <= 19) });
    const at = now.toISOString();
    db.prepare(`INSERT INTO profile (id, name, country, hourly_rate_minor, currency, skills, languages, updated_at) VALUES (1, 'Giulia Rossi', 'IT', 4500, 'EUR', '["WordPress"]', '[]', ?)`).run(at);
    db.prepare(`INSERT INTO profile_variants (locale, headline, bio, updated_at) VALUES ('it', 'Sviluppatrice WordPress', 'La mia storia', ?)`).run(at);
    db.prepare(`INSERT INTO portfolio_items (id, skills, updated_at) VALUES ('pfi_1', '["PHP"]', ?)`).run(at);
    db.prepare(`INSERT INTO portfolio_variants (item_id, locale, title, updated_at) VALUES ('pfi_1', 'it', 'Negozio online', ?)`).run(at);
    const own = () => ({
      profile: db.prepare('SELECT * FROM profile').all(),
      variants: db.prepare('SELECT * FROM profile_variants').all(),
      items: db.prepare('SELECT * FROM portfolio_items').all(),
      itemVariants: db.prepare('SELECT * FROM portfolio_variants').all(),
    });
    const before = own();

    const report = await migrate(db, { file, migrations: migrations.filter((migration) => migration.version <= 20) });
    expect(report).toMatchObject({ from: 19, to: 20 });
    expect(readUserVersion(db)).toBe(20);
    expect(own()).toEqual(before);

    const a = insertAccount(db, { platform: 'freelancer', label: 'Freelancer', baseUrl: 'https://www.freelancer.com', now });
    const b = insertAccount(db, { platform: 'freelancer', label: 'Freelancer (agency)', baseUrl: 'https://www.freelancer.com', now });
    const row = (accountId: string, name: string) => ({
      accountId,
      platformUserId: '1000001',
      name,
      username: 'bottega-demo',
      tagline: 'WordPress e traduzioni',
      description: 'Dal 2015 costruisco siti.',
      hourlyRateMinor: 3500,
      currency: 'EUR',
      country: 'IT',
      city: 'Bologna',
      skills: ['WordPress', 'PHP'],
      portfolio: [{ id: 'fl-7', title: 'Negozio online', description: 'WooCommerce', files: ['shop.png'] }],
      raw: { self: { id: 1000001, display_name: name } },
      fetchedAt: at,
    });
    db.transaction(() => {
      expect(writePlatformProfile(db, row(a.id, 'Giulia R.'))).toBe(true);
      expect(writePlatformProfile(db, row(b.id, 'Giulia Rossi Studio'))).toBe(true);
      // The same reading again writes nothing.
      expect(writePlatformProfile(db, row(a.id, 'Giulia R.'))).toBe(false);
    })();
    expect(listPlatformProfiles(db).map((profile) => [profile.accountLabel, profile.name, profile.portfolio[0]?.title])).toEqual([
      ['Freelancer', 'Giulia R.', 'Negozio online'],
      ['Freelancer (agency)', 'Giulia Rossi Studio', 'Negozio online'],
    ]);
    expect(own()).toEqual(before);

    removeAccountRecords(db, a.id);
    expect(listPlatformProfiles(db).map((profile) => profile.accountId)).toEqual([b.id]);
    expect(own()).toEqual(before);
    db.close();
  });
});
