/**
 * Small conversions from Freelancer's values to the workspace's: Unix seconds to instants, currency codes to
 * ISO 4217 with amounts in integer minor units, language and country codes, job categories to Bottega's.
 * Each answers null when the value cannot be represented, so the caller quarantines the record with a reason.
 */
import { minorUnitDigits, toMinorUnits } from '../../../../shared/domain/money';
import { languageTagSchema } from '../../../../shared/platform/primitives';
import type { projectCategories } from '../../../../shared/platform/records';

type ProjectCategory = (typeof projectCategories)[number];

/** The last instant toISOString writes as a four-digit year (timestampSchema takes no expanded years). */
const maxInstantMs = Date.UTC(9999, 11, 31, 23, 59, 59);

// toISOString writes `YYYY-MM-DDTHH:mm:ss.sssZ` for every instant up to maxInstantMs: the seconds end at 19.
export const instantFromMs = (ms: number): string | null =>
  Number.isSafeInteger(ms) && ms >= 0 && ms <= maxInstantMs ? `${new Date(ms).toISOString().slice(0, 19)}Z` : null;

/** Freelancer times are whole Unix seconds. */
export const instantFromUnix = (seconds: number | null | undefined): string | null =>
  seconds === null || seconds === undefined || !Number.isSafeInteger(seconds) ? null : instantFromMs(seconds * 1000);

const isoCurrencies: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** An ISO 4217 code Intl knows, upper case, or null. */
export const isoCurrency = (code: string | null | undefined): string | null => {
  const upper = (code ?? '').trim().toUpperCase();
  return /^[A-Z]{3}$/.test(upper) && isoCurrencies.has(upper) ? upper : null;
};

/**
 * A major-unit amount (the API's `250.5`) in the currency's minor units, by the same exponent the rest of
 * Bottega formats with (shared/domain/money.ts, from Intl): 0 for JPY, 2 for EUR, 3 for KWD.
 */
export const minorAmount = (amount: number | null | undefined, currency: string): number | null => {
  if (amount === null || amount === undefined || !Number.isFinite(amount) || amount < 0) return null;
  const minor = toMinorUnits(amount, currency);
  return Number.isSafeInteger(minor) ? minor : null;
};

export { minorUnitDigits };

/** A BCP 47 tag from Freelancer's `en`, `pt_BR`, `zh-CN`; `und` (undetermined) when absent or unreadable. */
export const languageTag = (code: string | null | undefined): string => {
  const [primary = '', ...rest] = (code ?? '').trim().replace(/_/g, '-').split('-');
  const tag = [primary.toLowerCase(), ...rest].join('-');
  return languageTagSchema.safeParse(tag).success ? tag : 'und';
};

/** ISO 3166-1 alpha-2 from Freelancer's lower-case `location.country.code` (its `uk` is GB). */
export const countryCode = (code: string | null | undefined): string | null => {
  const upper = (code ?? '').trim().toUpperCase();
  if (upper === 'UK') return 'GB';
  return /^[A-Z]{2}$/.test(upper) ? upper : null;
};

/** Freelancer's job categories (by name: their ids differ between services) as Bottega's, first match wins. */
const categoryRules: readonly (readonly [RegExp, ProjectCategory])[] = [
  [/translation|languages/i, 'translation'],
  [/writing|content/i, 'copywriting'],
  [/mobile/i, 'mobile_apps'],
  [/websites|software|\bIT\b/, 'web_development'],
  [/video/i, 'video'],
  [/design|media|architecture/i, 'design'],
  [/data entry|admin/i, 'data_entry'],
  [/marketing|sales/i, 'seo'],
  [/accounting|business|legal|human resources/i, 'accounting'],
];

const categoryOfName = (name: string): ProjectCategory | null => categoryRules.find(([pattern]) => pattern.test(name))?.[1] ?? null;

/**
 * The category most of a project's jobs belong to (ties: the earlier job's); `other` when none maps (e.g.
 * "Engineering & Science", "Freight, Shipping & Transportation"): the project is shown, its skills by name.
 */
export const projectCategory = (categoryNames: readonly (string | null | undefined)[]): ProjectCategory => {
  const counts = new Map<ProjectCategory, number>();
  for (const name of categoryNames) {
    const category = name ? categoryOfName(name) : null;
    if (category) counts.set(category, (counts.get(category) ?? 0) + 1);
  }
  let best: ProjectCategory | null = null;
  for (const [category, count] of counts) if (best === null || count > (counts.get(best) ?? 0)) best = category;
  return best ?? 'other';
};
