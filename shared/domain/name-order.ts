/**
 * How names (clients) are ordered. In the renderer, an Intl.Collator in the UI language. In SQLite, where the
 * clients list is sorted and paged, better-sqlite3 cannot register a collation, so the connection gets a
 * function instead: `readNameSortKey` folds a name to its primary-strength key (accents, case and ligatures
 * folded), and the query orders by that key, then by the name. For the app's five languages (en, it, de, fr,
 * es) Latin letters sort the same at primary strength, so the key orders names as their collators do
 * (Céline before Chloé before Claire; not Chloé first, as a byte order after NOCASE put it).
 */

const ligatures: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ł: 'l', þ: 'th', ı: 'i' };

/** The primary-strength sort key of a name: "Émile Œuvre" → "emile oeuvre". */
export const readNameSortKey = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđłþı]/g, (letter) => ligatures[letter] ?? letter)
    .trim();

const collators = new Map<string, Intl.Collator>();

/** Compares two names as a reader of `locale` expects (accents after their letter, case ignored first, 2 before 10). */
export const compareNames = (locale: string): ((a: string, b: string) => number) => {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale, { sensitivity: 'variant', numeric: true });
    collators.set(locale, collator);
  }
  return collator.compare;
};
