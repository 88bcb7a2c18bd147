import type {
  BestHours,
  BidCost,
  Earnings,
  Funnel,
  InsightsFilter,
  ReplyTimes,
  WinRateDimension,
  WinRateRow,
  WinRates,
} from '../../../shared/contract/insights';
import { funnelStages } from '../../../shared/contract/insights';
import { minorUnitDigits } from '../../../shared/domain/money';
import { splitFee } from '../../../shared/domain/proposal';
import type { ReadableDB } from '../db/database';
import {
  countFunnel,
  countOutcomesBy,
  countOutcomesByPriceBand,
  countSubmitted,
  listClientReplies,
  listMyReplies,
  listSubmissionReplies,
  listSubmittedCurrencies,
  openPeriod,
  priceBandBounds,
  sumReleasedMilestones,
  type OutcomeCounts,
  type Period,
} from '../db/repositories/insights-repository';
import { readPlatformFee } from '../db/repositories/proposal-parts-repository';
import { readSyncValue } from '../db/repositories/sync-state-repository';

/**
 * The insights figures from the workspace: the repository's SQL, plus what SQL cannot do well (medians,
 * hours in a named time zone, price bands per currency). Handlers call these; the bench and tests do too.
 */

/**
 * The workspace holds one platform account (the signed-in email; null before the first sign-in). A filter
 * naming another account matches nothing: the dimension is kept for when a workspace holds several (#14).
 */
const readAccount = (db: ReadableDB): string | null => readSyncValue(db, 'account_email');
const matchesAccount = (db: ReadableDB, filter: InsightsFilter): boolean => filter.account === null || filter.account === readAccount(db);

/** An empty period when the account does not match, so every figure answers with zero samples and the same shape. */
const periodOf = (db: ReadableDB, filter: InsightsFilter): Period =>
  matchesAccount(db, filter) ? openPeriod(filter.from, filter.to) : { from: '~', to: '' };

export const computeFunnel = (db: ReadableDB, filter: InsightsFilter): Funnel => {
  const counts = countFunnel(db, periodOf(db, filter));
  return { stages: funnelStages.map((stage) => ({ stage, count: counts[stage] })), sample: counts.drafted };
};

const toWinRateRow = (key: string | null, counts: OutcomeCounts, band: WinRateRow['band'] = null): WinRateRow => ({
  key,
  band,
  submitted: counts.submitted,
  awarded: counts.awarded,
  declined: counts.declined,
  withdrawn: counts.withdrawn,
  open: counts.submitted - counts.awarded - counts.declined - counts.withdrawn,
  winRate: counts.submitted === 0 ? null : counts.awarded / counts.submitted,
});

export const computeWinRates = (db: ReadableDB, filter: InsightsFilter, dimension: WinRateDimension): WinRates => {
  const period = periodOf(db, filter);
  const sample = countSubmitted(db, period);
  if (dimension === 'priceBand') {
    const units = Object.fromEntries(listSubmittedCurrencies(db, period).map((currency) => [currency, 10 ** minorUnitDigits(currency)]));
    const rows = countOutcomesByPriceBand(db, period, units).map((group) => {
      const bounds = priceBandBounds[group.kind];
      const unit = units[group.currency] ?? 1;
      const band =
        group.band === null
          ? null
          : {
              currency: group.currency,
              kind: group.kind,
              minMinor: bounds[group.band]! * unit,
              maxMinor: group.band + 1 < bounds.length ? bounds[group.band + 1]! * unit : null,
            };
      return toWinRateRow(group.band === null ? `${group.currency}:${group.kind}:none` : `${group.currency}:${group.kind}:${group.band}`, group, band);
    });
    return { dimension, rows, sample };
  }
  const account = readAccount(db);
  const rows = countOutcomesBy(db, period, dimension).map((group) => toWinRateRow(dimension === 'account' ? account : group.key, group));
  return { dimension, rows, sample };
};

/** The median of the waits in ms: the middle one, or the mean of the two middle ones. */
const medianOf = (waits: number[]): number | null => {
  if (waits.length === 0) return null;
  const sorted = waits.sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const summarizeWaits = (pairs: readonly { start: string; end: string | null }[]): ReplyTimes['client'] => {
  const waits: number[] = [];
  for (const pair of pairs) if (pair.end !== null) waits.push(Date.parse(pair.end) - Date.parse(pair.start));
  return { medianMs: medianOf(waits), sample: waits.length, unanswered: pairs.length - waits.length };
};

export const computeReplyTimes = (db: ReadableDB, filter: InsightsFilter): ReplyTimes => {
  const period = periodOf(db, filter);
  return {
    client: summarizeWaits(listClientReplies(db, period).map((row) => ({ start: row.submittedAt, end: row.repliedAt }))),
    mine: summarizeWaits(listMyReplies(db, period).map((row) => ({ start: row.askedAt, end: row.answeredAt }))),
  };
};

export const computeEarnings = (db: ReadableDB, filter: InsightsFilter): Earnings => {
  const rows = sumReleasedMilestones(db, periodOf(db, filter));
  return { rows, sample: rows.reduce((sum, row) => sum + row.milestones, 0), datedBy: 'proposal_updated_at' };
};

export const computeBidCost = (db: ReadableDB, filter: InsightsFilter): BidCost => {
  const period = periodOf(db, filter);
  const fee = readPlatformFee(db);
  const released = new Map<string, { releasedMinor: number; milestones: number }>();
  for (const row of sumReleasedMilestones(db, period)) {
    const total = released.get(row.currency) ?? { releasedMinor: 0, milestones: 0 };
    released.set(row.currency, { releasedMinor: total.releasedMinor + row.releasedMinor, milestones: total.milestones + row.milestones });
  }
  const currencies = [...released]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([currency, total]) => ({ currency, releasedMinor: total.releasedMinor, feeMinor: splitFee(total.releasedMinor, fee.percent).feeMinor }));
  return {
    feePercent: fee.percent,
    feeSource: fee.source,
    perBidCost: null,
    bidsSubmitted: countSubmitted(db, period),
    currencies,
    sample: [...released.values()].reduce((sum, total) => sum + total.milestones, 0),
  };
};

/**
 * The hour of an instant in a time zone. Every zone's offset and every transition is a multiple of 15 minutes,
 * so the hour is the same across a 15-minute slot: one Intl call per slot seen.
 */
const createHourReader = (timeZone: string): ((ms: number) => number) => {
  const format = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', hourCycle: 'h23' });
  const slots = new Map<number, number>();
  return (ms) => {
    const slot = Math.floor(ms / 900_000);
    let hour = slots.get(slot);
    if (hour === undefined) {
      hour = Number.parseInt(format.format(slot * 900_000), 10) % 24;
      slots.set(slot, hour);
    }
    return hour;
  };
};

export const computeBestHours = (db: ReadableDB, filter: InsightsFilter, timeZone: string): BestHours => {
  const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, submitted: 0, replied: 0 }));
  const hourOf = createHourReader(timeZone);
  const rows = listSubmissionReplies(db, periodOf(db, filter));
  for (const row of rows) {
    const bucket = hours[hourOf(Date.parse(row.submittedAt))]!;
    bucket.submitted += 1;
    bucket.replied += row.replied;
  }
  return {
    timeZone,
    hours: hours.map((bucket) => ({ ...bucket, replyRate: bucket.submitted === 0 ? null : bucket.replied / bucket.submitted })),
    sample: rows.length,
  };
};
