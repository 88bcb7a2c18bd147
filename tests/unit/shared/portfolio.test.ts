import { describe, expect, it } from 'vitest';
import { chooseVariant, describeVariant, portfolioTextFields, sniffImageMime, toPortfolioLink, type TrackedVariant } from '../../../shared/domain/portfolio';
import { portfolioVariantSchema } from '../../../shared/platform/records';

const variant = (locale: string, overrides: Partial<TrackedVariant> = {}, fields: Record<string, string> = {}): TrackedVariant => ({
  locale,
  revision: 1,
  sourceLocale: null,
  sourceRevision: null,
  updatedAt: '2026-01-01T00:00:00.000Z',
  fields: { title: `Title ${locale}`, role: 'Dev', description: 'Text', goal: 'Goal', solution: 'Solution', ...fields },
  ...overrides,
});

describe('translation status', () => {
  it('is missing without a variant, outdated when the source moved on, incomplete when fields are empty', () => {
    const it1 = variant('it', { revision: 3 });
    const en = variant('en', { sourceLocale: 'it', sourceRevision: 3 });
    expect(describeVariant([it1, en], 'de', 'it', portfolioTextFields)).toMatchObject({ status: 'missing' });
    expect(describeVariant([it1, en], 'en', 'it', portfolioTextFields)).toEqual({ status: 'complete', missingFields: [], sourceLocale: 'it' });
    expect(describeVariant([{ ...it1, revision: 4 }, en], 'en', 'it', portfolioTextFields)).toMatchObject({ status: 'outdated', sourceLocale: 'it' });
    const partial = variant('en', { sourceLocale: 'it', sourceRevision: 3 }, { goal: '', solution: ' ' });
    expect(describeVariant([it1, partial], 'en', 'it', portfolioTextFields)).toMatchObject({ status: 'incomplete', missingFields: ['goal', 'solution'] });
  });

  it('falls back to times when the source revision is unknown, and never calls the source outdated against itself', () => {
    const it1 = variant('it', { updatedAt: '2026-02-01T00:00:00.000Z' });
    const en = variant('en', { sourceLocale: 'it', updatedAt: '2026-01-15T00:00:00.000Z' });
    expect(describeVariant([it1, en], 'en', 'it', portfolioTextFields).status).toBe('outdated');
    expect(describeVariant([it1, { ...en, updatedAt: '2026-02-02T00:00:00.000Z' }], 'en', 'it', portfolioTextFields).status).toBe('complete');
    expect(describeVariant([variant('it', { sourceLocale: 'it', sourceRevision: 0 })], 'it', 'it', portfolioTextFields).status).toBe('complete');
  });
});

describe('fallback rules', () => {
  const variants = [variant('it'), variant('pt-BR'), variant('de', {}, { title: '' })];
  it('takes the language asked for, then the same language elsewhere, then the default, then any', () => {
    expect(chooseVariant(variants, 'it', 'it', 'title')).toMatchObject({ reason: 'exact', variant: { locale: 'it' } });
    expect(chooseVariant(variants, 'pt', 'it', 'title')).toMatchObject({ reason: 'same_language', variant: { locale: 'pt-BR' } });
    // German exists but has no title: it does not count, the default shows.
    expect(chooseVariant(variants, 'de', 'it', 'title')).toMatchObject({ reason: 'default', variant: { locale: 'it' } });
    expect(chooseVariant([variant('fr')], 'en', 'it', 'title')).toMatchObject({ reason: 'first', variant: { locale: 'fr' } });
    expect(chooseVariant([], 'en', 'it', 'title')).toEqual({ reason: 'none', variant: null });
  });
});

describe('image types', () => {
  it('reads the type from the bytes, not the name', () => {
    expect(sniffImageMime(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffImageMime(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImageMime(new TextEncoder().encode('GIF89a...'))).toBe('image/gif');
    expect(sniffImageMime(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffImageMime(new TextEncoder().encode('<svg onload="alert(1)">'))).toBeNull();
    expect(sniffImageMime(new Uint8Array())).toBeNull();
  });
});

describe('translation tracking carried in platform records', () => {
  /** A record's variants as the pull stores them: revision and source revision as the editing device numbered them. */
  const fromRecord = (variants: Record<string, unknown>): TrackedVariant[] =>
    Object.entries(variants).map(([locale, raw]) => {
      const parsed = portfolioVariantSchema.parse(raw);
      return {
        locale,
        revision: parsed.revision,
        sourceLocale: parsed.source_locale,
        sourceRevision: parsed.source_revision,
        updatedAt: parsed.updated_at,
        fields: { title: parsed.title, role: parsed.role, description: parsed.description, goal: parsed.goal, solution: parsed.solution },
      };
    });
  const texts = { title: 'T', role: 'R', description: 'D', goal: 'G', solution: 'S' };
  const at = '2026-03-01T10:00:00.000Z';

  it('a translation written from an older revision of its source is outdated; one updated with the source stays fresh', () => {
    // Another device changed the Italian text (revision 3) and updated English with it; French was left as it was.
    const variants = fromRecord({
      it: { ...texts, source_locale: null, revision: 3, source_revision: null, updated_at: at },
      en: { ...texts, source_locale: 'it', revision: 2, source_revision: 3, updated_at: at },
      fr: { ...texts, source_locale: 'it', revision: 1, source_revision: 2, updated_at: at },
    });
    expect(describeVariant(variants, 'en', 'it', portfolioTextFields).status).toBe('complete');
    expect(describeVariant(variants, 'fr', 'it', portfolioTextFields)).toMatchObject({ status: 'outdated', sourceLocale: 'it' });
    // Same times everywhere: only the revisions can tell, and they do.
    expect(new Set(variants.map((variant) => variant.updatedAt)).size).toBe(1);
  });

  it('a record from before revisions travelled reads as revision 1 with an unknown source revision, judged by time', () => {
    const variants = fromRecord({
      it: { ...texts, source_locale: null, updated_at: '2026-03-02T00:00:00.000Z' },
      en: { ...texts, source_locale: 'it', updated_at: '2026-03-01T00:00:00.000Z' },
    });
    expect(variants.map((variant) => [variant.revision, variant.sourceRevision])).toEqual([
      [1, null],
      [1, null],
    ]);
    expect(describeVariant(variants, 'en', 'it', portfolioTextFields).status).toBe('outdated');
  });
});

describe('portfolio links', () => {
  it('keeps http and https addresses, adds https to a bare host', () => {
    expect(toPortfolioLink(' https://example.com/work?id=1 ')).toEqual({ ok: true, url: 'https://example.com/work?id=1' });
    expect(toPortfolioLink('http://cantina.it')).toEqual({ ok: true, url: 'http://cantina.it/' });
    expect(toPortfolioLink('behance.net/giulia')).toEqual({ ok: true, url: 'https://behance.net/giulia' });
    expect(toPortfolioLink('example.com:8080/x')).toEqual({ ok: true, url: 'https://example.com:8080/x' });
  });

  it('refuses other schemes, credentials and what is not an address', () => {
    expect(toPortfolioLink('javascript:alert(1)')).toEqual({ ok: false, problem: 'link_scheme' });
    expect(toPortfolioLink('file:///etc/passwd')).toEqual({ ok: false, problem: 'link_scheme' });
    expect(toPortfolioLink('mailto:me@example.com')).toEqual({ ok: false, problem: 'link_scheme' });
    expect(toPortfolioLink('https://user:secret@example.com')).toEqual({ ok: false, problem: 'link_credentials' });
    expect(toPortfolioLink('not a link')).toEqual({ ok: false, problem: 'link_invalid' });
    expect(toPortfolioLink('https://nodot')).toEqual({ ok: false, problem: 'link_invalid' });
    expect(toPortfolioLink('')).toEqual({ ok: false, problem: 'link_invalid' });
  });
});
