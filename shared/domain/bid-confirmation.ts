import { z } from 'zod';

/**
 * A bid the user confirmed, term by term (issue #14). Marketplaces such as Freelancer.com forbid automatic
 * bidding: no bulk, scheduled or automatic bid, ever. So a bid to such a platform leaves only when the submit
 * call carries exactly the terms the user was shown and confirmed: the price in minor units, its currency, the
 * delivery time and the cover letter as it will be sent (merge fields filled, trimmed: the preview's text).
 * The core compares them with what it would send and refuses on any difference; the connector checks them
 * once more against the queued request before anything reaches the network.
 */
export const bidConfirmationSchema = z
  .object({
    amountMinor: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    currency: z.string().regex(/^[A-Z]{3}$/),
    periodDays: z.number().int().positive().max(3650),
    coverLetter: z.string().max(20_000),
  })
  .strict();
export type BidConfirmation = z.infer<typeof bidConfirmationSchema>;

/** As queued with the write: what was confirmed and when. */
export const confirmedBidSchema = bidConfirmationSchema.extend({ confirmedAt: z.iso.datetime() }).strict();
export type ConfirmedBid = z.infer<typeof confirmedBidSchema>;

/** Line endings are the only difference two copies of the same letter may have (a form post, a clipboard). */
const normalizeLetter = (text: string): string => text.replace(/\r\n?/g, '\n').trim();

/** Whether the confirmed terms are exactly the ones that would be sent. */
export const matchesConfirmation = (confirmed: BidConfirmation, sent: BidConfirmation): boolean =>
  confirmed.amountMinor === sent.amountMinor &&
  confirmed.currency === sent.currency &&
  confirmed.periodDays === sent.periodDays &&
  normalizeLetter(confirmed.coverLetter) === normalizeLetter(sent.coverLetter);

/**
 * The terms a proposal's platform fields (electron/core/proposals/client-view.ts toPlatformFields) would send
 * as a bid: the default language's letter is the bid's description.
 */
export const bidTermsOf = (fields: {
  amount_minor: number;
  currency: string;
  period_days: number;
  default_locale: string;
  variants: Readonly<Record<string, { cover_letter: string }>>;
}): BidConfirmation => ({
  amountMinor: fields.amount_minor,
  currency: fields.currency,
  periodDays: fields.period_days,
  coverLetter: fields.variants[fields.default_locale]?.cover_letter ?? '',
});
