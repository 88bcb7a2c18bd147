import { describe, expect, it } from 'vitest';
import type { BottegaClient } from '../../../shared/contract';
import type { SaveProfileInput } from '../../../shared/contract/portfolio';
import { readServerFeed } from '../../support/platform-view';
import { signIn, useCoreHarness, waitForSettled, waitForStatus } from '../../support/core-harness';

const { openWorkspace, startPlatform } = useCoreHarness();

/** What a freelancer types into a workspace that has never synced: a name and an Italian headline and bio. */
const offlineEdit: SaveProfileInput = {
  name: 'Giulia Bianchi',
  country: null,
  hourlyRateMinor: 5200,
  currency: 'EUR',
  skills: [],
  languages: [],
  defaultLocale: 'it',
  variants: [{ locale: 'it', headline: 'Etichette e siti per cantine', bio: 'Disegno etichette e siti per piccole cantine.', sourceLocale: null }],
};

const localProfile = async (client: BottegaClient) => (await client.portfolio.getProfile({}))!;

describe('a profile edited before the first sync', () => {
  it('survives the first pull and reaches the platform as an edit of the version that pull learnt', async () => {
    const platform = await startPlatform();
    const { client } = await openWorkspace(platform.url);
    await client.portfolio.saveProfile(offlineEdit);
    expect(await localProfile(client)).toMatchObject({ userId: null, name: 'Giulia Bianchi' });
    const before = (await readServerFeed(platform.url, platform.users.demo)).get('profile')!.get(platform.users.demo.id)!;

    await signIn(client, platform);
    await waitForSettled(client);

    // Here: the user's text, now tied to the account; what the user left empty came from the platform.
    const local = await localProfile(client);
    expect(local).toMatchObject({ userId: platform.users.demo.id, name: 'Giulia Bianchi', hourlyRateMinor: 5200, pending: false, syncError: null });
    expect(local.variants.find((variant) => variant.locale === 'it')).toMatchObject({ headline: 'Etichette e siti per cantine' });
    const platformSkills = (before.data as { skills: string[] }).skills;
    expect(platformSkills.length).toBeGreaterThan(0);
    expect(local.skills).toEqual(platformSkills);
    expect(local.variants.map((variant) => variant.locale).sort()).toEqual(Object.keys((before.data as { variants: object }).variants).sort());

    // There: the edit, one version later, the languages the user did not touch kept.
    const after = (await readServerFeed(platform.url, platform.users.demo)).get('profile')!.get(platform.users.demo.id)!;
    expect(after.version).toBe(before.version + 1);
    expect(after.data).toMatchObject({
      name: 'Giulia Bianchi',
      hourly_rate_minor: 5200,
      skills: platformSkills,
      variants: {
        it: { headline: 'Etichette e siti per cantine' },
        en: { headline: (before.data as { variants: { en: { headline: string } } }).variants.en.headline },
      },
    });
  });

  it('meets a conflict when the platform changed the profile after that pull, keeping both', async () => {
    const platform = await startPlatform();
    // Another device edits the profile between this workspace's first pull and its PUT.
    let editedElsewhere = false;
    const racingFetch: typeof fetch = async (input, init) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      if (url.pathname === '/v1/profile' && init?.method === 'PUT' && !editedElsewhere) {
        editedElsewhere = true;
        platform.actors.edit('profile', platform.users.demo.id, { city: 'Modena' });
      }
      return fetch(input, init);
    };
    const { client } = await openWorkspace(platform.url, { fetch: racingFetch });
    await client.portfolio.saveProfile(offlineEdit);
    await signIn(client, platform);
    await waitForStatus(client, (s) => s.phase === 'idle' && s.conflicts === 1);

    expect(editedElsewhere).toBe(true);
    const [conflict] = await client.sync.listConflicts({ limit: 10 });
    expect(conflict).toMatchObject({ entityType: 'profile', entityId: platform.users.demo.id });
    expect(conflict!.serverRecord).toMatchObject({ city: 'Modena' });
    // The local edit is still what the workspace shows; the platform still has its own.
    expect((await localProfile(client)).variants.find((variant) => variant.locale === 'it')?.headline).toBe('Etichette e siti per cantine');
    const onPlatform = (await readServerFeed(platform.url, platform.users.demo)).get('profile')!.get(platform.users.demo.id)!;
    expect(onPlatform.data).toMatchObject({ city: 'Modena' });
    expect(onPlatform.data).not.toMatchObject({ name: 'Giulia Bianchi' });

    // Keep mine: the edit goes over the platform's newer version.
    await client.sync.resolveConflict({ id: conflict!.id, choice: 'mine' });
    await waitForSettled(client);
    const kept = (await readServerFeed(platform.url, platform.users.demo)).get('profile')!.get(platform.users.demo.id)!;
    expect(kept.data).toMatchObject({ name: 'Giulia Bianchi', variants: { it: { headline: 'Etichette e siti per cantine' } } });
  });
});
