import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales, namespaces } from '../../shared/i18n/locales';

const localesDir = path.join(import.meta.dirname, '../../shared/locales');
type Strings = { [key: string]: string | Strings };

const load = (locale: string, namespace: string): Strings =>
  JSON.parse(readFileSync(path.join(localesDir, locale, `${namespace}.json`), 'utf8')) as Strings;

const flatten = (strings: Strings, prefix = ''): Map<string, string> =>
  new Map(
    Object.entries(strings).flatMap(([key, value]) =>
      typeof value === 'string' ? [[prefix + key, value]] : [...flatten(value, `${prefix}${key}.`)],
    ),
  );

const pluralSuffix = /_(zero|one|two|few|many|other)$/;
const baseKeys = (keys: Iterable<string>): Set<string> => new Set([...keys].map((key) => key.replace(pluralSuffix, '')));
const placeholders = (text: string): string[] => [...text.matchAll(/{{\s*(\w+)/g)].map((m) => m[1]!).sort();

describe('translations', () => {
  it('ship exactly the declared locales and namespaces', () => {
    expect(readdirSync(localesDir).sort()).toEqual([...locales].sort());
    for (const locale of locales) {
      expect(readdirSync(path.join(localesDir, locale)).sort()).toEqual(namespaces.map((ns) => `${ns}.json`).sort());
    }
  });

  for (const namespace of namespaces) {
    const english = flatten(load('en', namespace));
    for (const locale of locales) {
      describe(`${locale}/${namespace}`, () => {
        const strings = flatten(load(locale, namespace));

        it('has every string English has, and no others, none empty', () => {
          expect([...baseKeys(strings.keys())].sort()).toEqual([...baseKeys(english.keys())].sort());
          for (const [key, value] of strings) expect(value.trim(), key).not.toBe('');
        });

        it('has every plural form the language needs', () => {
          const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
          const plurals = [...baseKeys([...english.keys()].filter((key) => pluralSuffix.test(key)))];
          for (const base of plurals) {
            for (const category of categories.filter((c) => c !== 'zero' || locale === 'en')) {
              expect(strings.has(`${base}_${category}`), `${base}_${category}`).toBe(true);
            }
          }
        });

        it('keeps the placeholders of the English text', () => {
          for (const [key, value] of strings) {
            const englishValue = english.get(key) ?? english.get(key.replace(pluralSuffix, '_other'));
            expect(placeholders(value), key).toEqual(placeholders(englishValue ?? ''));
          }
        });

        if (locale !== 'en') {
          it('is translated, not copied from English', () => {
            // Single words may be the same ("Portfolio", "Clients"); a phrase of three words or more may not.
            const phrases = [...strings].filter(([, value]) => value.replace(/{{[^}]*}}/g, '').trim().split(/\s+/).length >= 3);
            const copied = phrases.filter(([key, value]) => english.get(key) === value).map(([key]) => key);
            expect(copied).toEqual([]);
          });
        }
      });
    }
  }
});
