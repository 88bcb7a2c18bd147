import { z } from 'zod';

/** ISO 4217 code. Amounts travel in minor units (cents) so that no float ever rounds a price. */
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code such as EUR');

// A NumberFormat costs tens of microseconds to build: a first sync maps a price per record, so each code's digits are kept.
const digitsByCurrency = new Map<string, number>();

export const minorUnitDigits = (currency: string): number => {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    // Codes are few (ISO 4217); a bound keeps arbitrary input from growing the map.
    if (digitsByCurrency.size < 512) digitsByCurrency.set(currency, digits);
  }
  return digits;
};

export const fromMinorUnits = (amountMinor: number, currency: string): number =>
  amountMinor / 10 ** minorUnitDigits(currency);

export const toMinorUnits = (amount: number, currency: string): number =>
  Math.round(amount * 10 ** minorUnitDigits(currency));
