import { fromMinorUnits } from '../domain/money';

// Building an Intl formatter costs far more than using one, and long lists format thousands of values.
const cache = new Map<string, unknown>();
const cached = <T>(key: string, make: () => T): T => {
  let value = cache.get(key) as T | undefined;
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
};

const moneyFormat = (locale: string, currency: string): Intl.NumberFormat =>
  cached(`money|${locale}|${currency}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency }));

export const formatMoney = (amountMinor: number, currency: string, locale: string): string =>
  moneyFormat(locale, currency).format(fromMinorUnits(amountMinor, currency));

/** Whole amounts without decimals (budgets are round numbers; "1.500 €" reads better than "1.500,00 €"). */
export const formatMoneyCompact = (amountMinor: number, currency: string, locale: string): string => {
  const amount = fromMinorUnits(amountMinor, currency);
  const whole = Number.isInteger(amount);
  return cached(
    `money-compact|${locale}|${currency}|${whole}`,
    () =>
      new Intl.NumberFormat(locale, {
        style: 'currency',
        currency,
        ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
      }),
  ).format(amount);
};

export const formatDate = (instant: string | Date, locale: string): string =>
  cached(`date|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).format(new Date(instant));

export const formatDateTime = (instant: string | Date, locale: string): string =>
  cached(`datetime|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(
    new Date(instant),
  );

const relativeUnits: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/**
 * "3 hours ago", "vor 3 Stunden", "il y a 3 heures": the largest unit that fits. Short ("3 hr. ago", "vor 3 Std.")
 * where a list row has little room beside a name.
 */
export const formatRelativeTime = (instant: string | Date, now: Date, locale: string, style: 'long' | 'short' = 'long'): string => {
  const seconds = (new Date(instant).getTime() - now.getTime()) / 1000;
  const format = cached(`relative|${style}|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style }));
  for (const [unit, size] of relativeUnits) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, 'minute');
};

export const formatLanguageName = (tag: string, locale: string): string =>
  cached(`language|${locale}`, () => new Intl.DisplayNames([locale], { type: 'language' })).of(tag) ?? tag;

export const formatRegionName = (code: string, locale: string): string =>
  cached(`region|${locale}`, () => new Intl.DisplayNames([locale], { type: 'region' })).of(code.toUpperCase()) ?? code;

/** A language's own name for itself ("Deutsch", "Italiano"), capitalised as a list item starts. */
export const formatEndonym = (tag: string): string => {
  const name = formatLanguageName(tag, tag);
  return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
};

const byteUnits = [
  ['gigabyte', 1024 ** 3],
  ['megabyte', 1024 ** 2],
  ['kilobyte', 1024],
] as const;

/** "4.2 MB", "4,2 MB", "512 byte": the largest unit that fits, one decimal at most. */
export const formatByteSize = (bytes: number, locale: string): string => {
  const [unit, size] = byteUnits.find(([, size]) => bytes >= size) ?? ['byte', 1];
  return cached(`bytes|${unit}|${locale}`, () => new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 })).format(
    bytes / size,
  );
};
