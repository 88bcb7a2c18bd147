import { z } from 'zod';

/** ISO 4217 code. Amounts travel in minor units (cents) so that no float ever rounds a price. */
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 currency code such as EUR');

export const minorUnitDigits = (currency: string): number =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;

export const fromMinorUnits = (amountMinor: number, currency: string): number =>
  amountMinor / 10 ** minorUnitDigits(currency);

export const toMinorUnits = (amount: number, currency: string): number =>
  Math.round(amount * 10 ** minorUnitDigits(currency));
