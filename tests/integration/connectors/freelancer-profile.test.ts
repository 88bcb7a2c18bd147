/**
 * The account's profile and portfolio on Freelancer (issue #14: "profile and portfolio where the API has them"):
 * read once a day from /users/0.1/self/ (with the profile projections) and /users/0.1/portfolios/ into the
 * account's read-only platform profile; the profile and portfolio the user writes here are never touched.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freelancerConnector } from '../../../electron/core/connectors/freelancer/connector';
import { profileEveryMs } from '../../../electron/core/connectors/freelancer/poller';
import { openWritableDatabase } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { insertAccount } from '../../../electron/core/db/repositories/accounts-repository';
import { listPlatformProfiles } from '../../../electron/core/db/repositories/platform-profiles-repository';
import { createFileSecretStore } from '../../../electron/core/secrets/secret-store';
import { selfPortfolio, selfProfile } from '../../platform/freelancer/profile';
import { startFreelancerFixture } from '../../platform/freelancer/server';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("the account's profile and portfolio on Freelancer", () => {
  it('are kept read-only per account, apart from the profile the user writes, and read again once a day', async () => {
    const fixture = await startFreelancerFixture({ seed: 4, scale: 'tiny', anchor: 'now' });
    cleanups.push(() => fixture.close());
    const dir = mkdtempSync(path.join(tmpdir(), 'bottega-fl-profile-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, 'workspace.sqlite');
    const db = openWritableDatabase(file);
    cleanups.push(() => {
      db.close();
    });
    await migrate(db, { file, migrations });
    // The user's own profile, written here before the account was added.
    const at = new Date().toISOString();
    db.prepare(`INSERT INTO profile (id, name, country, hourly_rate_minor, currency, skills, languages, updated_at) VALUES (1, 'Giulia', 'IT', 5000, 'EUR', '[]', '[]', ?)`).run(at);
    db.prepare(`INSERT INTO profile_variants (locale, headline, bio, updated_at) VALUES ('it', 'Il mio titolo', 'La mia storia, scritta da me', ?)`).run(at);
    const own = () => JSON.stringify([db.prepare('SELECT * FROM profile').all(), db.prepare('SELECT * FROM profile_variants').all(), db.prepare('SELECT * FROM portfolio_items').all()]);
    const before = own();

    let offsetMs = 0;
    const now = (): Date => new Date(Date.now() + offsetMs);
    const account = insertAccount(db, { platform: 'freelancer', label: 'Freelancer', baseUrl: fixture.url, now: now() });
    const link = freelancerConnector.link({ db, account, secrets: createFileSecretStore(path.join(dir, 'vault.json')), now });
    const signedIn = await link.session.signIn({ kind: 'token', token: fixture.token });
    if (!signedIn.ok) throw new Error(signedIn.message);
    const signal = new AbortController().signal;
    const portfolioReads = async () =>
      (((await (await fetch(`${fixture.url}/__fixture/requests`)).json()) as { by_route: Record<string, number> }).by_route['GET /api/users/0.1/portfolios/'] ?? 0);
    const round = async (ms: number) => {
      offsetMs += ms;
      expect(await link.pull({ attempt: 0, signal, onPage: () => undefined })).toEqual({ kind: 'done' });
    };

    await round(0);
    const [profile, ...others] = listPlatformProfiles(db);
    expect(others).toEqual([]);
    expect(profile).toMatchObject({
      accountId: account.id,
      platform: 'freelancer',
      accountLabel: 'Freelancer',
      platformUserId: String(fixture.selfId),
      name: 'Giulia Bottega',
      username: 'bottega-demo',
      tagline: selfProfile.tagline,
      description: selfProfile.description,
      hourlyRateMinor: 3500,
      currency: 'EUR',
      country: 'IT',
      city: 'Bologna',
    });
    expect(profile?.skills.length).toBeGreaterThan(3);
    expect(profile?.portfolio.map((item) => item.title)).toEqual(selfPortfolio.map((item) => item.title));
    expect(profile?.portfolio[1]?.files).toEqual(['studio-progetti.png', 'studio-mobile.png']);
    expect(own()).toBe(before);
    expect(await portfolioReads()).toBe(1);

    // Within the day: not read again. A day later: read again, the same reading writing nothing.
    await round(60 * 60_000);
    expect(await portfolioReads()).toBe(1);
    const fetchedAt = listPlatformProfiles(db)[0]?.fetchedAt;
    await round(profileEveryMs);
    expect(await portfolioReads()).toBe(2);
    expect(listPlatformProfiles(db)[0]?.fetchedAt).toBe(fetchedAt);
    expect(own()).toBe(before);
  });
});
