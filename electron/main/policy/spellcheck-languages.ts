/**
 * Which of Electron's spellchecker dictionaries check a letter written in a given language. The editor names a
 * language (`de`, `pt-BR`); Electron names dictionaries by region (`de-DE`, `pt-BR`, sometimes just `de`) and
 * offers only some of them (`session.availableSpellCheckerLanguages`).
 */

/** The region a bare language is most often written for, when several are offered. */
const usualRegion: Record<string, string> = {
  en: 'US',
  it: 'IT',
  de: 'DE',
  fr: 'FR',
  es: 'ES',
  pt: 'BR',
  nl: 'NL',
  sv: 'SE',
  da: 'DK',
  nb: 'NO',
  pl: 'PL',
  cs: 'CZ',
  el: 'GR',
  uk: 'UA',
};

const normalise = (tag: string): string => tag.trim().replace(/_/g, '-').toLowerCase();

/** The offered dictionary for one language tag, or null when none fits. */
export const matchSpellcheckerLanguage = (tag: string, available: readonly string[]): string | null => {
  const wanted = normalise(tag);
  const [language] = wanted.split('-');
  if (!language) return null;
  const byName = new Map(available.map((name) => [normalise(name), name]));
  const candidates = [wanted, usualRegion[language] ? `${language}-${usualRegion[language]!.toLowerCase()}` : null, language];
  for (const candidate of candidates) {
    const found = candidate ? byName.get(candidate) : undefined;
    if (found) return found;
  }
  // Any region of the language, the first Electron lists (its order is stable).
  return available.find((name) => normalise(name).split('-')[0] === language) ?? null;
};

/** Dictionaries for the requested languages, in order, each once; languages with none offered are left out. */
export const chooseSpellcheckerLanguages = (requested: readonly string[], available: readonly string[]): string[] => {
  const chosen: string[] = [];
  for (const tag of requested) {
    const match = matchSpellcheckerLanguage(tag, available);
    if (match && !chosen.includes(match)) chosen.push(match);
  }
  return chosen;
};
