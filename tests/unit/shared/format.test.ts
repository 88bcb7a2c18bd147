import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromMinorUnits, minorUnitDigits, toMinorUnits } from '../../../shared/domain/money';
import {
  formatEndonym,
  formatLanguageName,
  formatMoney,
  formatMoneyCompact,
  formatRelativeTime,
} from '../../../shared/i18n/format';
import { matchLocale } from '../../../shared/i18n/locales';

// Intl output may use narrow no-break spaces; compare on plain spaces.
const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

describe('money', () => {
  it('knows each currency’s minor units', () => {
    expect(minorUnitDigits('EUR')).toBe(2);
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(minorUnitDigits('BHD')).toBe(3);
    expect(fromMinorUnits(150_000, 'EUR')).toBe(1500);
    expect(fromMinorUnits(1500, 'JPY')).toBe(1500);
  });

  it('round-trips whole minor amounts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.constantFrom('EUR', 'JPY', 'BHD', 'CHF'), (minor, currency) => {
        expect(toMinorUnits(fromMinorUnits(minor, currency), currency)).toBe(minor);
      }),
    );
  });

  it('formats per locale', () => {
    expect(plain(formatMoney(1_234_567, 'EUR', 'it'))).toBe('12.345,67 €');
    expect(plain(formatMoney(1_234_567, 'EUR', 'de'))).toBe('12.345,67 €');
    expect(plain(formatMoney(1_234_567, 'EUR', 'fr'))).toBe('12 345,67 €');
    expect(plain(formatMoney(1_234_567, 'USD', 'en'))).toBe('$12,345.67');
    expect(plain(formatMoney(1500, 'JPY', 'en'))).toBe('¥1,500');
    expect(plain(formatMoneyCompact(150_000, 'EUR', 'es'))).toBe('1500 €');
    expect(plain(formatMoneyCompact(150_050, 'EUR', 'en'))).toBe('€1,500.50');
  });
});

describe('dates and names', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  it('says how long ago in the user’s language', () => {
    expect(formatRelativeTime('2026-11-23T09:00:00Z', now, 'en')).toBe('3 hours ago');
    expect(formatRelativeTime('2026-11-23T09:00:00Z', now, 'de')).toBe('vor 3 Stunden');
    expect(formatRelativeTime('2026-11-22T12:00:00Z', now, 'it')).toBe('ieri');
    expect(formatRelativeTime('2026-11-23T11:59:40Z', now, 'fr')).toBe('cette minute-ci');
    // Short, for a list row beside a name.
    expect(plain(formatRelativeTime('2026-11-02T12:00:00Z', now, 'en', 'short'))).toBe('3 wk. ago');
    expect(plain(formatRelativeTime('2026-11-23T09:00:00Z', now, 'de', 'short'))).toBe('vor 3 Std.');
  });

  it('names languages in the reader’s language', () => {
    expect(formatLanguageName('it', 'de')).toBe('Italienisch');
    expect(formatLanguageName('de', 'es')).toBe('alemán');
    expect(['en', 'it', 'de', 'fr', 'es'].map(formatEndonym)).toEqual(['English', 'Italiano', 'Deutsch', 'Français', 'Español']);
  });

  it('matches the system’s languages to a shipped locale', () => {
    expect(matchLocale(['de-CH', 'en'])).toBe('de');
    expect(matchLocale(['pt-BR', 'es-419'])).toBe('es');
    expect(matchLocale(['ja'])).toBe('en');
  });
});
