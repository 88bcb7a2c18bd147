import { describe, expect, it } from 'vitest';
import type { PortfolioItemDraft, ProfileDraft } from '../../../shared/contract/drafts';
import { useCoreHarness } from '../../support/core-harness';
import { asInput } from './harness';

const { openWorkspace } = useCoreHarness();

const itemDraft = (description: string): PortfolioItemDraft => ({
  defaultLocale: 'it',
  skillsText: 'wordpress, ',
  links: [],
  imageHashes: [],
  visibility: 'public',
  completedOn: null,
  variants: [{ locale: 'it', title: 'Sito per una cantina', role: '', description, goal: '', solution: '', sourceLocale: null }],
});

const profileDraft: ProfileDraft = {
  name: 'Giulia Ferri',
  country: 'IT',
  city: null,
  hourlyRateMinor: 4500,
  currency: 'EUR',
  skillsText: 'illustrazione',
  languages: [{ tag: 'it', level: 'native' }],
  defaultLocale: 'it',
  avatarHash: null,
  variants: [{ locale: 'it', headline: 'Illustratrice', bio: 'Disegno etichette per cantine e birrifici, più di dieci anni.', sourceLocale: null }],
};

const countDrafts = (db: { prepare: (sql: string) => { get: () => unknown } }): number =>
  (db.prepare('SELECT count(*) AS n FROM form_drafts').get() as { n: number }).n;

describe('form drafts', () => {
  it('keeps a new item typed but not saved, offers it back, and Save turns it into the item', async () => {
    const { client, core } = await openWorkspace(null);
    expect(await client.drafts.read({ form: 'portfolio-item', targetId: null })).toBeNull();

    await client.drafts.save({ form: 'portfolio-item', targetId: null, value: itemDraft('Negozio online: più di 300 vini, spedizioni in tutta Europa.') });
    await client.drafts.save({ form: 'portfolio-item', targetId: null, value: itemDraft('Negozio online: più di 300 vini, spedizioni in tutta Europa. Città') });
    const restored = await client.drafts.read({ form: 'portfolio-item', targetId: null });
    expect(restored?.draft).toEqual({ form: 'portfolio-item', targetId: null, value: itemDraft('Negozio online: più di 300 vini, spedizioni in tutta Europa. Città') });
    expect(await client.drafts.list({ form: 'portfolio-item' })).toEqual([{ targetId: null, savedAt: restored!.savedAt }]);
    expect(countDrafts(core.db)).toBe(1);

    const saved = await client.portfolio.saveItem({
      id: null,
      defaultLocale: 'it',
      variants: [{ locale: 'it', title: 'Sito per una cantina', role: '', description: 'Negozio online', goal: '', solution: '', sourceLocale: null }],
    });
    expect(await client.drafts.read({ form: 'portfolio-item', targetId: null })).toBeNull();
    expect(countDrafts(core.db)).toBe(0);

    // Editing the saved item: its draft is newer than the item, so it is offered; Cancel/Discard drops it.
    await client.drafts.save({ form: 'portfolio-item', targetId: saved.id, value: itemDraft('Negozio online, spedizioni in Svizzera') });
    expect((await client.drafts.read({ form: 'portfolio-item', targetId: saved.id }))?.draft.value).toMatchObject({
      variants: [{ description: 'Negozio online, spedizioni in Svizzera' }],
    });
    expect(await client.drafts.list({ form: 'portfolio-item' })).toEqual([{ targetId: saved.id, savedAt: expect.any(String) }]);
    expect(await client.drafts.discard({ form: 'portfolio-item', targetId: saved.id })).toEqual({ discarded: true });
    expect(await client.drafts.read({ form: 'portfolio-item', targetId: saved.id })).toBeNull();
    expect(await client.drafts.discard({ form: 'portfolio-item', targetId: saved.id })).toEqual({ discarded: false });
  });

  it('clears the draft in the same transaction as the save: a save that fails leaves the draft', async () => {
    const { client, core } = await openWorkspace(null);
    const item = await client.portfolio.saveItem({ id: null, defaultLocale: 'it', variants: [{ ...itemDraft('').variants[0]! }] });
    await client.drafts.save({ form: 'portfolio-item', targetId: item.id, value: itemDraft('Testo nuovo, non ancora salvato') });

    // The write fails at its end (its outbox row), after the draft was cleared: the save rolls back whole, draft included.
    core.db.exec(`
      CREATE TEMP TRIGGER refuse_outbox_insert BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END;
      CREATE TEMP TRIGGER refuse_outbox_update BEFORE UPDATE ON outbox BEGIN SELECT RAISE(ABORT, 'disk full'); END;
    `);
    await expect(client.portfolio.saveItem(asInput(item, { it: { description: 'Testo nuovo, non ancora salvato' } }))).rejects.toBeTruthy();
    expect((await client.portfolio.getItem({ id: item.id }))?.variants[0]?.description).toBe('');
    expect((await client.drafts.read({ form: 'portfolio-item', targetId: item.id }))?.draft.value).toMatchObject({
      variants: [{ description: 'Testo nuovo, non ancora salvato' }],
    });

    core.db.exec('DROP TRIGGER refuse_outbox_insert; DROP TRIGGER refuse_outbox_update;');
    await client.portfolio.saveItem(asInput(item, { it: { description: 'Testo nuovo, non ancora salvato' } }));
    expect(await client.drafts.read({ form: 'portfolio-item', targetId: item.id })).toBeNull();
    expect(countDrafts(core.db)).toBe(0);
  });

  it('the profile and templates too; deleting the record drops its draft', async () => {
    const { client, core } = await openWorkspace(null);
    await client.drafts.save({ form: 'profile', value: profileDraft });
    expect((await client.drafts.read({ form: 'profile' }))?.draft).toEqual({ form: 'profile', value: profileDraft });
    await client.portfolio.saveProfile({
      name: 'Giulia Ferri',
      country: 'IT',
      hourlyRateMinor: 4500,
      currency: 'EUR',
      skills: ['illustrazione'],
      languages: [{ tag: 'it', level: 'native' }],
      defaultLocale: 'it',
      variants: [{ locale: 'it', headline: 'Illustratrice', bio: 'Disegno etichette.', sourceLocale: null }],
    });
    expect(await client.drafts.read({ form: 'profile' })).toBeNull();

    const template = { kind: 'snippet' as const, locale: 'de', name: 'Grüße', bodyJson: '' };
    await client.drafts.save({ form: 'template', targetId: null, value: template });
    const body = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Mit freundlichen Grüßen' }] }] });
    const saved = await client.proposals.saveTemplate({ kind: 'snippet', locale: 'de', name: 'Grüße', bodyJson: body });
    expect(await client.drafts.read({ form: 'template', targetId: null })).toBeNull();
    await client.drafts.save({ form: 'template', targetId: saved.id, value: { ...template, name: 'Grüße aus Köln' } });
    expect(await client.drafts.list({ form: 'template' })).toEqual([{ targetId: saved.id, savedAt: expect.any(String) }]);
    await client.proposals.deleteTemplate({ id: saved.id });
    expect(countDrafts(core.db)).toBe(0);

    const item = await client.portfolio.saveItem({ id: null, defaultLocale: 'it', variants: [{ ...itemDraft('').variants[0]! }] });
    await client.drafts.save({ form: 'portfolio-item', targetId: item.id, value: itemDraft('Ancora da salvare') });
    await client.portfolio.deleteItem({ id: item.id });
    expect(countDrafts(core.db)).toBe(0);
  });

  it('does not offer a draft older than its record (changed since, e.g. on another device), but keeps it', async () => {
    const { client, core } = await openWorkspace(null);
    const item = await client.portfolio.saveItem({ id: null, defaultLocale: 'it', variants: [{ ...itemDraft('').variants[0]! }] });
    await client.drafts.save({ form: 'portfolio-item', targetId: item.id, value: itemDraft('Scritto qui') });
    core.db.prepare('UPDATE portfolio_items SET updated_at = ? WHERE id = ?').run(new Date(Date.now() + 60_000).toISOString(), item.id);
    expect(await client.drafts.read({ form: 'portfolio-item', targetId: item.id })).toBeNull();
    expect(await client.drafts.list({ form: 'portfolio-item' })).toEqual([]);
    expect(countDrafts(core.db)).toBe(1);
  });

  it('refuses a malformed or oversized draft, and changes nothing', async () => {
    const { client, core } = await openWorkspace(null);
    const good = itemDraft('Prima versione');
    await client.drafts.save({ form: 'portfolio-item', targetId: null, value: good });
    const before = core.db.prepare('SELECT * FROM form_drafts').all();

    const bad: unknown[] = [
      // Another form's value under this form.
      { form: 'portfolio-item', targetId: null, value: profileDraft },
      // A field Save would never see, an id that is not an item's, a language that is not one.
      { form: 'portfolio-item', targetId: null, value: { ...good, script: '<img onerror=alert(1)>' } },
      { form: 'portfolio-item', targetId: '../profile', value: good },
      { form: 'portfolio-item', targetId: null, value: { ...good, defaultLocale: 'not a language' } },
      { form: 'unknown', targetId: null, value: good },
      // Too much text for one field, and too much in all.
      { form: 'portfolio-item', targetId: null, value: itemDraft('x'.repeat(50_001)) },
      { form: 'template', targetId: null, value: { kind: 'template', locale: 'de', name: 'Lang', bodyJson: 'x'.repeat(1_000_001) } },
      {
        form: 'portfolio-item',
        targetId: null,
        value: {
          ...good,
          variants: Array.from({ length: 20 }, (_, index) => ({
            ...good.variants[0]!,
            locale: `x${String.fromCharCode(97 + index)}`,
            description: 'é'.repeat(30_000),
            goal: 'ß'.repeat(30_000),
          })),
        },
      },
    ];
    for (const input of bad) {
      await expect(client.drafts.save(input as never), JSON.stringify(input).slice(0, 120)).rejects.toMatchObject({ code: 'invalid_input' });
    }
    expect(core.db.prepare('SELECT * FROM form_drafts').all()).toEqual(before);
    expect((await client.drafts.read({ form: 'portfolio-item', targetId: null }))?.draft.value).toEqual(good);
  });
});
