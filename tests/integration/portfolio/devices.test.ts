import { describe, expect, it } from 'vitest';
import type { BottegaClient } from '../../../shared/contract';
import { signIn, useCoreHarness, waitForSettled } from '../../support/core-harness';
import { asInput } from './harness';

const { openWorkspace, startPlatform } = useCoreHarness();

const statusIn = async (client: BottegaClient, locale: string, itemId: string) =>
  (await client.portfolio.getCompleteness({})).languages.find((language) => language.locale === locale)?.items.find((item) => item.itemId === itemId)
    ?.status;

const tracking = async (client: BottegaClient, id: string) =>
  Object.fromEntries(((await client.portfolio.getItem({ id }))?.variants ?? []).map((v) => [v.locale, [v.revision, v.sourceLocale, v.sourceRevision]]));

describe('translation tracking across devices', () => {
  it('a newer version pulled from the platform marks the translations its source change left behind outdated, not the ones updated with it', async () => {
    const platform = await startPlatform();
    const laptop = await openWorkspace(platform.url);
    await signIn(laptop.client, platform);
    await waitForSettled(laptop.client);
    const texts = (title: string) => ({ title, role: 'Grafica', description: 'Etichette', goal: 'Vendere', solution: 'Carta' });
    const item = await laptop.client.portfolio.saveItem({
      id: null,
      defaultLocale: 'it',
      variants: [
        { locale: 'it', ...texts('Etichette per una cantina'), sourceLocale: null },
        { locale: 'en', ...texts('Labels for a winery'), sourceLocale: 'it' },
        { locale: 'fr', ...texts('Étiquettes pour un domaine'), sourceLocale: 'it' },
      ],
    });
    await waitForSettled(laptop.client);

    // On a second device: the Italian text changes, English is updated with it, French is left as it was.
    const desktop = await openWorkspace(platform.url);
    await signIn(desktop.client, platform);
    await waitForSettled(desktop.client);
    const pulled = (await desktop.client.portfolio.getItem({ id: item.id }))!;
    expect(await statusIn(desktop.client, 'fr', item.id)).toBe('complete');
    await desktop.client.portfolio.saveItem(
      asInput(pulled, { it: { description: 'Etichette e scatole' }, en: { description: 'Labels and boxes' } }),
    );
    await waitForSettled(desktop.client);
    expect(await statusIn(desktop.client, 'fr', item.id)).toBe('outdated');

    // Back on the first device: the pull brings that version, and both devices tell the same story.
    expect(await statusIn(laptop.client, 'fr', item.id)).toBe('complete');
    await laptop.client.sync.syncNow();
    await waitForSettled(laptop.client);
    await expect.poll(async () => (await laptop.client.portfolio.getItem({ id: item.id }))?.variants.find((v) => v.locale === 'it')?.description).toBe(
      'Etichette e scatole',
    );
    expect(await statusIn(laptop.client, 'en', item.id)).toBe('complete');
    expect(await statusIn(laptop.client, 'fr', item.id)).toBe('outdated');
    expect(await tracking(laptop.client, item.id)).toEqual(await tracking(desktop.client, item.id));
    expect(await tracking(laptop.client, item.id)).toEqual({ it: [2, null, null], en: [2, 'it', 2], fr: [1, 'it', 1] });

    // Updating the French text on the first device makes it fresh again, there and, after a sync, on the second.
    const current = (await laptop.client.portfolio.getItem({ id: item.id }))!;
    await laptop.client.portfolio.saveItem(asInput(current, { fr: { description: 'Étiquettes et boîtes' } }));
    await waitForSettled(laptop.client);
    await desktop.client.sync.syncNow();
    await waitForSettled(desktop.client);
    await expect.poll(() => statusIn(desktop.client, 'fr', item.id)).toBe('complete');
  });

  it('the profile too: a headline changed on another device leaves the translations made from it outdated here', async () => {
    const platform = await startPlatform();
    const laptop = await openWorkspace(platform.url);
    await signIn(laptop.client, platform);
    await waitForSettled(laptop.client);
    const desktop = await openWorkspace(platform.url);
    await signIn(desktop.client, platform);
    await waitForSettled(desktop.client);

    const profile = (await desktop.client.portfolio.getProfile({}))!;
    expect(profile.defaultLocale).toBe('it');
    await desktop.client.portfolio.saveProfile({
      name: profile.name,
      country: profile.country,
      hourlyRateMinor: profile.hourlyRateMinor,
      currency: profile.currency ?? 'EUR',
      skills: profile.skills,
      languages: profile.languages,
      defaultLocale: 'it',
      avatarHash: profile.avatarHash,
      variants: profile.variants.map(({ locale, headline, bio, sourceLocale }) => ({
        locale,
        headline: locale === 'it' ? 'Siti, app e traduzioni per cantine' : locale === 'en' ? 'Websites, apps and translations for wineries' : headline,
        bio,
        sourceLocale,
      })),
    });
    await waitForSettled(desktop.client);

    await laptop.client.sync.syncNow();
    await waitForSettled(laptop.client);
    await expect.poll(async () => (await laptop.client.portfolio.getProfile({}))?.variants.find((v) => v.locale === 'it')?.headline).toBe(
      'Siti, app e traduzioni per cantine',
    );
    const languages = (await laptop.client.portfolio.getCompleteness({})).languages;
    const profileStatus = (locale: string) => languages.find((language) => language.locale === locale)?.profile?.status;
    expect(profileStatus('en')).toBe('complete');
    expect(profileStatus('de')).toBe('outdated');
    expect(profileStatus('fr')).toBe('outdated');
  });
});
