import { describe, expect, it } from 'vitest';
import { chooseVariant, describeVariant, portfolioTextFields, sniffImageMime, type TrackedVariant } from '../../../shared/domain/portfolio';

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
