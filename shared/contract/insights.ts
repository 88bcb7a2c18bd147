import { z } from 'zod';
import { accountIdSchema } from '../domain/accounts';
import { defineMethod } from '../rpc/define';

/**
 * Insights: what the workspace's own proposals, threads and milestones say about the user's bidding, computed
 * offline from the local database. Every figure carries the number of things it was computed from (`sample`),
 * so the UI can say when a sample is too small to mean much. Money is never converted: every amount is in its
 * own currency and each currency is its own series.
 */

const isoInstantSchema = z.iso.datetime({ offset: true, message: 'an ISO 8601 instant such as 2026-01-01T00:00:00Z' });

/**
 * The filters every figure takes. The period is [from, to) (either end open when null); which instant of a
 * proposal it tests is stated per figure. `account`: only the proposals of that account of the workspace (the
 * one whose sync brought it, or whose project a local draft is for); null: every proposal, those of no account
 * included. An account the workspace does not hold gives empty figures.
 */
export const insightsFilterSchema = z
  .object({
    from: isoInstantSchema.nullable().default(null),
    to: isoInstantSchema.nullable().default(null),
    account: accountIdSchema.nullable().default(null),
  })
  .strict()
  .refine((filter) => filter.from === null || filter.to === null || Date.parse(filter.from) < Date.parse(filter.to), {
    message: 'from must be before to',
    path: ['to'],
  });
export type InsightsFilter = z.output<typeof insightsFilterSchema>;

const countSchema = z.number().int().nonnegative();
const rateSchema = z.number().min(0).max(1).nullable();

export const funnelStages = ['drafted', 'submitted', 'replied', 'shortlisted', 'awarded'] as const;
export type FunnelStage = (typeof funnelStages)[number];

/**
 * Proposals begun (created_at) in the period, and how many of them reached each stage. drafted: all of them;
 * submitted: the platform holds it (submitted_at set; one queued here is not yet); replied: a client's message
 * in the project's thread strictly after submission; shortlisted: seen shortlisted here at some point (schema
 * v12 on), or awarded; awarded: awarded or completed. Counts are each "reached at least": a client may
 * shortlist without writing, so `replied` is not always ≥ `shortlisted`.
 */
export const funnelSchema = z.object({
  stages: z.array(z.object({ stage: z.enum(funnelStages), count: countSchema })),
  sample: countSchema,
});
export type Funnel = z.infer<typeof funnelSchema>;

export const winRateDimensions = ['language', 'category', 'skill', 'country', 'priceBand', 'account'] as const;
export type WinRateDimension = (typeof winRateDimensions)[number];

/** A price band: amounts in minor units of the proposal's own currency, `maxMinor` exclusive (null: no upper end). */
export const priceBandSchema = z.object({
  currency: z.string(),
  kind: z.enum(['fixed', 'hourly']),
  minMinor: z.number().int().nonnegative(),
  maxMinor: z.number().int().positive().nullable(),
});
export type PriceBand = z.infer<typeof priceBandSchema>;

export const winRateRowSchema = z.object({
  /** The group: a language tag, category, skill, country code, account id or band key; null when unknown (no account: made here, never sent). */
  key: z.string().nullable(),
  /** Set for the priceBand dimension only. */
  band: priceBandSchema.nullable(),
  /** Proposals the platform received in the period: the sample. */
  submitted: countSchema,
  /** Awarded or completed (a completed proposal was awarded first). */
  awarded: countSchema,
  declined: countSchema,
  withdrawn: countSchema,
  /** Still submitted or shortlisted: no decision yet. */
  open: countSchema,
  /** awarded / submitted; null without a sample. */
  winRate: rateSchema,
});
export type WinRateRow = z.infer<typeof winRateRowSchema>;

export const winRatesSchema = z.object({
  dimension: z.enum(winRateDimensions),
  rows: z.array(winRateRowSchema),
  /** Proposals submitted in the period; with `skill` a proposal counts under each of its project's skills, so rows add up to more. */
  sample: countSchema,
});
export type WinRates = z.infer<typeof winRatesSchema>;

const replyTimeSchema = z.object({
  /** The median wait in milliseconds (mean of the two middle ones for an even sample); null without a sample. */
  medianMs: z.number().nonnegative().nullable(),
  /** Waits that ended with an answer: what the median is computed from. */
  sample: countSchema,
  /** Waits with no answer yet (not in the median). */
  unanswered: countSchema,
});

export const replyTimesSchema = z.object({
  /** From a proposal's submission (in the period) to the client's first message in the project's thread. */
  client: replyTimeSchema,
  /**
   * From that first reply of the client's to the user's first message in the project's threads after it: how
   * fast the user answers a client who answered the bid (proposals submitted in the period).
   */
  mine: replyTimeSchema,
});
export type ReplyTimes = z.infer<typeof replyTimesSchema>;

export const earningsSchema = z.object({
  /** One row per month (UTC, YYYY-MM) and currency; each currency is its own series, never converted. */
  rows: z.array(
    z.object({
      month: z.string().regex(/^\d{4}-\d{2}$/),
      currency: z.string(),
      releasedMinor: z.number().int().nonnegative(),
      milestones: countSchema,
      proposals: countSchema,
    }),
  ),
  /** Released milestones counted. */
  sample: countSchema,
  /** Milestones carry a released state but no release date: each is dated by its proposal's last change on the platform. */
  datedBy: z.literal('proposal_updated_at'),
});
export type Earnings = z.infer<typeof earningsSchema>;

export const bidCostSchema = z.object({
  /** The platform's fee on what clients pay, in percent: as last reported by its terms, or the default before. */
  feePercent: z.number().min(0).max(100),
  feeSource: z.enum(['platform', 'default']),
  /**
   * What placing the bids submitted in the period cost, where their platform reports it (Freelancer: the amount
   * paid to upgrade a bid, 0 for a plain one; the reference platform reports nothing), per currency of the bid,
   * never converted: how many bids reported a cost and its sum.
   */
  bidFees: z.array(z.object({ currency: z.string(), bids: countSchema, feeMinor: z.number().int().nonnegative() })),
  /** Bids in bidFees: the sample of what bidding cost (the others' cost was not reported). */
  bidFeeSample: countSchema,
  /** Proposals submitted in the period. */
  bidsSubmitted: countSchema,
  /** Per currency: released in the period (dated as earnings are) and the fee kept from it at the current percent. */
  currencies: z.array(z.object({ currency: z.string(), releasedMinor: z.number().int().nonnegative(), feeMinor: z.number().int().nonnegative() })),
  /** Released milestones counted. */
  sample: countSchema,
});
export type BidCost = z.infer<typeof bidCostSchema>;

/** An IANA time zone this runtime knows, such as Europe/Rome. */
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(100)
  .refine(
    (zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    },
    { message: 'an IANA time zone such as Europe/Rome' },
  );

export const bestHoursSchema = z.object({
  /**
   * The zone the hours are in. Clients' time zones are not known (a client has a country and a city, and many
   * countries span several zones), so hours are in the zone the caller names: the user's own.
   */
  timeZone: z.string(),
  /** Hours 0–23 in that zone: proposals submitted then, how many drew a client's reply, and the rate. */
  hours: z.array(z.object({ hour: z.number().int().min(0).max(23), submitted: countSchema, replied: countSchema, replyRate: rateSchema })),
  /** Proposals submitted in the period. */
  sample: countSchema,
});
export type BestHours = z.infer<typeof bestHoursSchema>;

const filterOnly = z.object({ filter: insightsFilterSchema }).strict();

export const insightsMethods = {
  getFunnel: defineMethod(filterOnly, funnelSchema),
  getWinRates: defineMethod(
    z.object({ filter: insightsFilterSchema, dimension: z.enum(winRateDimensions) }).strict(),
    winRatesSchema,
  ),
  getReplyTimes: defineMethod(filterOnly, replyTimesSchema),
  getEarnings: defineMethod(filterOnly, earningsSchema),
  getBidCost: defineMethod(filterOnly, bidCostSchema),
  getBestHours: defineMethod(z.object({ filter: insightsFilterSchema, timeZone: timeZoneSchema.default('UTC') }).strict(), bestHoursSchema),
};
