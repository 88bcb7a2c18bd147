import { describe, expect, it } from 'vitest';
import type { PortfolioItemView } from '../../../shared/contract/portfolio';
import { useCoreHarness } from '../../support/core-harness';
import { png } from './harness';

const { openSignedIn, openWorkspace, startPlatform } = useCoreHarness();

/** What makes two portfolios the same to their owner: everything but ids, versions and sync state. */
const comparable = (items: PortfolioItemView[]) => items.map(({ id: _id, version: _version, pending: _pending, updatedAt: _updatedAt, ...rest }) => rest);

describe('portfolio JSON', () => {
  it('export then import into a fresh workspace gives the same portfolio, images and translation status included', async () => {
    const { client } = await openWorkspace();
    const image = await client.portfolio.importImage({ name: 'logo.png', base64: png(7).toString('base64') });
    const first = await client.portfolio.saveItem({
      id: null,
      defaultLocale: 'it',
      skills: ['branding'],
      links: ['https://example.com/panificio'],
      imageHashes: [image.hash],
      completedOn: '2026-03-01',
      variants: [
        { locale: 'it', title: 'Logo per un panificio', role: 'Designer', description: 'Marchio e insegna', goal: '', solution: '', sourceLocale: null },
        { locale: 'en', title: 'Logo for a bakery', role: 'Designer', description: 'Brand and sign', goal: '', solution: '', sourceLocale: 'it' },
      ],
    });
    // The Italian text moves on: the English one is now outdated, and must stay so after the round trip.
    await client.portfolio.saveItem({
      id: first.id,
      defaultLocale: 'it',
      skills: ['branding'],
      links: ['https://example.com/panificio'],
      imageHashes: [image.hash],
      completedOn: '2026-03-01',
      variants: [
        { locale: 'it', title: 'Logo per un panificio', role: 'Designer', description: 'Marchio, insegna e sacchetti', goal: '', solution: '', sourceLocale: null },
        { locale: 'en', title: 'Logo for a bakery', role: 'Designer', description: 'Brand and sign', goal: '', solution: '', sourceLocale: 'it' },
      ],
    });
    await client.portfolio.saveItem({
      id: null,
      defaultLocale: 'de',
      visibility: 'private',
      variants: [{ locale: 'de', title: 'Übersetzung einer Website', role: '', description: '', goal: '', solution: '', sourceLocale: null }],
    });
    await client.portfolio.saveProfile({
      name: 'Giulia Rossi',
      country: 'IT',
      hourlyRateMinor: 4500,
      currency: 'EUR',
      skills: ['branding'],
      languages: [{ tag: 'it', level: 'native' }],
      defaultLocale: 'it',
      variants: [{ locale: 'it', headline: 'Designer a Torino', bio: 'Marchi per botteghe', sourceLocale: null }],
    });
    const pdf = await client.portfolio.exportPdf({ locale: 'en' });
    expect(pdf.fileName).toBe('portfolio-en.pdf');
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const exported = await client.portfolio.exportJson({});
    expect(exported).toMatchObject({ items: 2, images: 1 });

    const fresh = await openWorkspace();
    expect(await fresh.client.portfolio.importJson({ json: exported.json })).toEqual({ items: 2, images: 1 });
    expect(comparable(await fresh.client.portfolio.listItems({}))).toEqual(comparable(await client.portfolio.listItems({})));
    expect(await fresh.client.portfolio.getCompleteness({})).toEqual(await client.portfolio.getCompleteness({}).then((c) => ({
      languages: c.languages.map((language) => ({ ...language, items: language.items.map((item) => ({ ...item, itemId: expect.any(String) })) })),
    })));
    const { userId: _a, pending: _b, ...profile } = (await client.portfolio.getProfile({}))!;
    expect(await fresh.client.portfolio.getProfile({})).toMatchObject(profile);
    expect(await fresh.client.portfolio.getImage({ hash: image.hash })).toEqual(await client.portfolio.getImage({ hash: image.hash }));
  });

  it('refuses a file that is not an export, or whose image does not match its hash, and writes nothing', async () => {
    const { client } = await openWorkspace();
    await expect(client.portfolio.importJson({ json: '{"format":"something else"}' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(client.portfolio.importJson({ json: 'not json' })).rejects.toMatchObject({ code: 'invalid_input' });
    const forged = {
      format: 'bottega-portfolio',
      formatVersion: 1,
      exportedAt: '2026-01-01T00:00:00.000Z',
      profile: null,
      items: [],
      images: [{ hash: 'b'.repeat(64), name: 'x.png', base64: png(1).toString('base64') }],
    };
    await expect(client.portfolio.importJson({ json: JSON.stringify(forged) })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await client.portfolio.listItems({})).toEqual([]);
  });
});

describe('suggestions for a proposal', () => {
  it('lists the items sharing most of a project\'s skills first, titled in the project\'s language', async () => {
    const { core, client } = await openSignedIn(await startPlatform());
    await client.sync.signOut();
    for (const item of await client.portfolio.listItems({})) await client.portfolio.deleteItem({ id: item.id });
    const project = core.db.prepare("SELECT id, skills, language FROM projects WHERE json_array_length(skills) >= 2 LIMIT 1").get() as {
      id: string;
      skills: string;
      language: string;
    };
    const [a, b] = JSON.parse(project.skills) as string[];
    const variant = (locale: string, title: string) => ({ locale, title, role: '', description: '', goal: '', solution: '', sourceLocale: null });
    const translated = project.language === 'en' ? [] : [{ ...variant(project.language, 'In the project language'), sourceLocale: 'en' }];
    const both = await client.portfolio.saveItem({ id: null, defaultLocale: 'en', skills: [a!, b!], variants: [variant('en', 'Both skills'), ...translated] });
    const one = await client.portfolio.saveItem({ id: null, defaultLocale: 'en', skills: [b!], variants: [variant('en', 'One skill')] });
    await client.portfolio.saveItem({ id: null, defaultLocale: 'en', skills: ['zz-unrelated'], variants: [variant('en', 'Unrelated')] });

    const suggestions = await client.portfolio.suggestForProject({ projectId: project.id });
    expect(suggestions.map((suggestion) => suggestion.itemId)).toEqual([both.id, one.id]);
    expect(suggestions[0]).toMatchObject({ shownLocale: project.language, matchedSkills: [a, b] });
    expect(suggestions[0]!.score).toBeGreaterThan(suggestions[1]!.score);
    expect(await client.portfolio.suggestForProject({ projectId: 'prj_missing' })).toEqual([]);
  });
});
