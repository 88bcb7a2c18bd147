import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseSpellcheckerLanguages, matchSpellcheckerLanguage } from '../../../electron/main/policy/spellcheck-languages';

// What Electron offers on Windows and Linux (hunspell dictionaries it downloads), abridged.
const electronOffers = ['af', 'bg', 'ca', 'cs', 'da', 'de', 'el', 'en-AU', 'en-CA', 'en-GB', 'en-US', 'es', 'es-419', 'es-AR', 'es-ES', 'es-MX', 'es-US', 'fr', 'it', 'nb', 'nl', 'pl', 'pt-BR', 'pt-PT', 'sv', 'uk'];

describe('spellchecker languages for a letter', () => {
  it('maps the variant’s language to the dictionary Electron offers for it', () => {
    expect(matchSpellcheckerLanguage('de', electronOffers)).toBe('de');
    expect(matchSpellcheckerLanguage('de', ['de-DE', 'de-AT', 'en-US'])).toBe('de-DE');
    expect(matchSpellcheckerLanguage('de', ['de-CH', 'de-AT'])).toBe('de-CH');
    expect(matchSpellcheckerLanguage('en', electronOffers)).toBe('en-US');
    expect(matchSpellcheckerLanguage('en-GB', electronOffers)).toBe('en-GB');
    expect(matchSpellcheckerLanguage('es', electronOffers)).toBe('es');
    expect(matchSpellcheckerLanguage('es', ['es-MX', 'es-ES', 'es-AR'])).toBe('es-ES');
    expect(matchSpellcheckerLanguage('pt', electronOffers)).toBe('pt-BR');
    expect(matchSpellcheckerLanguage('pt-PT', electronOffers)).toBe('pt-PT');
    // Written as the OS spells it.
    expect(matchSpellcheckerLanguage('fr', ['fr_FR', 'en_US'])).toBe('fr_FR');
    expect(matchSpellcheckerLanguage('ja', electronOffers)).toBeNull();
    expect(matchSpellcheckerLanguage('it', [])).toBeNull();
  });

  it('keeps the focused letter’s language first, each dictionary once, and leaves out what is not offered', () => {
    expect(chooseSpellcheckerLanguages(['it', 'en'], electronOffers)).toEqual(['it', 'en-US']);
    expect(chooseSpellcheckerLanguages(['de', 'de-DE', 'ja'], ['de-DE'])).toEqual(['de-DE']);
    expect(chooseSpellcheckerLanguages(['ja'], electronOffers)).toEqual([]);
  });

  it('only ever answers dictionaries that are offered, never twice, never more than asked for', () => {
    const tag = fc.stringMatching(/^[a-z]{2,3}(?:-[A-Z]{2})?$/);
    const offered = fc.uniqueArray(fc.oneof(tag, fc.constantFrom(...electronOffers)), { maxLength: 30 });
    fc.assert(
      fc.property(fc.array(tag, { maxLength: 5 }), offered, (requested, available) => {
        const chosen = chooseSpellcheckerLanguages(requested, available);
        expect(chosen.every((name) => available.includes(name))).toBe(true);
        expect(new Set(chosen).size).toBe(chosen.length);
        expect(chosen.length).toBeLessThanOrEqual(requested.length);
        // A language asked for whose exact dictionary is offered gets that one.
        for (const wanted of requested) {
          if (available.includes(wanted)) expect(chosen).toContain(matchSpellcheckerLanguage(wanted, available));
        }
      }),
    );
  });
});
