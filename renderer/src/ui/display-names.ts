import { getAlpha2Codes } from 'i18n-iso-countries';
import { formatLanguageName, formatRegionName } from '../../../shared/i18n/format';

const collators = new Map<string, Intl.Collator>();
const collatorFor = (locale: string): Intl.Collator => {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale, { sensitivity: 'base' });
    collators.set(locale, collator);
  }
  return collator;
};

/** Sorted as the UI's language sorts ("Österreich" among the O's in German, "Émirats" among the E's in French). */
export const sortByLabel = <T extends { label: string }>(items: T[], locale: string): T[] =>
  items.sort((a, b) => collatorFor(locale).compare(a.label, b.label));

const capitalise = (text: string, locale: string): string => text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);

/** "Deutsch" → "Tedesco" in Italian: a language's name in the UI's language, capitalised as a list item starts. */
export const nameLanguage = (tag: string, locale: string): string => capitalise(formatLanguageName(tag, locale), locale);

export const nameCountry = (code: string, locale: string): string => formatRegionName(code, locale);

const currencyNames = new Map<string, Intl.DisplayNames>();
export const nameCurrency = (code: string, locale: string): string => {
  let names = currencyNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'currency' });
    currencyNames.set(locale, names);
  }
  return capitalise(names.of(code) ?? code, locale);
};

/** ISO 3166-1 alpha-2 codes of every country. */
export const countryCodes = (): string[] => Object.keys(getAlpha2Codes());

/** The currencies a freelancer is paid in today (ISO 4217 codes the runtime knows, less the historic ones it also lists). */
export const currencyCodes = (): string[] =>
  Intl.supportedValuesOf('currency').filter((code) => !historicCurrencies.has(code) && !code.startsWith('X'));

// Codes Intl still lists for old data; no client pays in them any more.
const historicCurrencies = new Set(['ADP', 'AFA', 'ALK', 'AOK', 'AON', 'AOR', 'ARA', 'ARL', 'ARM', 'ARP', 'ATS', 'AZM', 'BAD', 'BAN', 'BEC', 'BEF', 'BEL', 'BGL', 'BGM', 'BGO', 'BOL', 'BOP', 'BOV', 'BRB', 'BRC', 'BRE', 'BRN', 'BRR', 'BRZ', 'BUK', 'BYB', 'BYR', 'CHE', 'CHW', 'CLE', 'CLF', 'CNH', 'CNX', 'COU', 'CSD', 'CSK', 'CUC', 'CYP', 'DDM', 'DEM', 'ECS', 'ECV', 'EEK', 'ESA', 'ESB', 'ESP', 'FIM', 'FRF', 'GEK', 'GHC', 'GNS', 'GQE', 'GRD', 'GWE', 'GWP', 'HRD', 'HRK', 'IEP', 'ILP', 'ILR', 'ISJ', 'ITL', 'KRH', 'KRO', 'LTL', 'LTT', 'LUC', 'LUF', 'LUL', 'LVL', 'LVR', 'MAF', 'MCF', 'MDC', 'MGF', 'MKN', 'MLF', 'MRO', 'MTL', 'MTP', 'MVP', 'MXP', 'MXV', 'MZE', 'MZM', 'NIC', 'NLG', 'PEI', 'PES', 'PLZ', 'PTE', 'RHD', 'ROL', 'RUR', 'SDD', 'SDP', 'SIT', 'SKK', 'SLL', 'SRG', 'STD', 'SUR', 'SVC', 'TJR', 'TMM', 'TPE', 'TRL', 'UAK', 'UGS', 'USN', 'USS', 'UYI', 'UYW', 'VEB', 'VED', 'VEF', 'VNN', 'YDD', 'YUD', 'YUM', 'YUN', 'YUR', 'ZAL', 'ZMK', 'ZRN', 'ZRZ', 'ZWD', 'ZWL', 'ZWR']);
