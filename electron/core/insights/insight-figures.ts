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
  addOutcome,
  countOutcomesBy,
  countSubmitted,
  listReplyWaits,
  listSubmissionReplies,
  listSubmittedPrices,
  openPeriod,
  priceBandBounds,
  sumBidFees,
  sumReleasedMilestones,
  type OutcomeCounts,
  type Period,
} from '../db/repositories/insights-repository';
import { readPlatformFee } from '../db/repositories/proposal-parts-repository';

/**
 * The insights figures from the workspace: the repository's SQL, plus what SQL cannot do well (medians,
 * hours in a named time zone, price bands per currency). Handlers call these; the bench and tests do too.
 */

/** The filter as the repository takes it: the period's stored bounds and the account (null: every proposal). */
const periodOf = (_db: ReadableDB, filter: InsightsFilter): Period => openPeriod(filter.from, filter.to, filter.account);

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

/** The band of an amount in minor units, `unit` minor units to the major one: the last bound it reaches. */
const bandIndex = (bounds: readonly number[], amountMinor: number, unit: number): number => {
  let index = 0;
  while (index + 1 < bounds.length && amountMinor >= bounds[index + 1]! * unit) index++;
  return index;
};

/** Win rates per currency, kind and price band (each in its own currency); a proposal with no amount is the band 'none'. */
const countPriceBands = (db: ReadableDB, period: Period): WinRateRow[] => {
  const units = new Map<string, number>();
  const groups = new Map<string, { counts: OutcomeCounts; band: WinRateRow['band'] }>();
  for (const { currency, kind, status, amounts } of listSubmittedPrices(db, period)) {
    let unit = units.get(currency);
    if (unit === undefined) {
      unit = 10 ** minorUnitDigits(currency);
      units.set(currency, unit);
    }
    const bounds = priceBandBounds[kind];
    // Counted per band first: a group key per band, not per proposal.
    const perBand = new Array<number>(bounds.length).fill(0);
    let none = 0;
    for (const amountMinor of amounts) {
      if (amountMinor === null) none++;
      else perBand[bandIndex(bounds, amountMinor, unit)]! += 1;
    }
    const add = (index: number | null, n: number): void => {
      if (n === 0) return;
      const key = `${currency}:${kind}:${index ?? 'none'}`;
      let group = groups.get(key);
      if (!group) {
        const band =
          index === null ? null : { currency, kind, minMinor: bounds[index]! * unit, maxMinor: index + 1 < bounds.length ? bounds[index + 1]! * unit : null };
        group = { counts: { submitted: 0, awarded: 0, declined: 0, withdrawn: 0 }, band };
        groups.set(key, group);
      }
      addOutcome(group.counts, status, n);
    };
    perBand.forEach((n, index) => add(index, n));
    add(null, none);
  }
  return [...groups]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, group]) => toWinRateRow(key, group.counts, group.band));
};

export const computeWinRates = (db: ReadableDB, filter: InsightsFilter, dimension: WinRateDimension): WinRates => {
  const period = periodOf(db, filter);
  const sample = countSubmitted(db, period);
  if (dimension === 'priceBand') return { dimension, rows: countPriceBands(db, period), sample };
  const rows = countOutcomesBy(db, period, dimension).map((group) => toWinRateRow(group.key, group));
  return { dimension, rows, sample };
};

/** The median of the waits in ms: the middle one, or the mean of the two middle ones. */
const medianOf = (waits: Float64Array): number | null => {
  if (waits.length === 0) return null;
  const sorted = waits.sort();
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export const computeReplyTimes = (db: ReadableDB, filter: InsightsFilter): ReplyTimes => {
  const rows = listReplyWaits(db, periodOf(db, filter));
  // Typed arrays sort numerically, without a comparator or boxed numbers.
  const client = new Float64Array(rows.length);
  const mine = new Float64Array(rows.length);
  let clients = 0;
  let mines = 0;
  for (const [clientMs, mineMs] of rows) {
    if (clientMs === null) continue;
    client[clients++] = clientMs;
    if (mineMs !== null) mine[mines++] = mineMs;
  }
  return {
    client: { medianMs: medianOf(client.subarray(0, clients)), sample: clients, unanswered: rows.length - clients },
    mine: { medianMs: medianOf(mine.subarray(0, mines)), sample: mines, unanswered: clients - mines },
  };
};

export const computeEarnings = (db: ReadableDB, filter: InsightsFilter): Earnings => {
  const rows = sumReleasedMilestones(db, periodOf(db, filter));
  return { rows, sample: rows.reduce((sum, row) => sum + row.milestones, 0), datedBy: 'proposal_updated_at' };
};

export const computeBidCost = (db: ReadableDB, filter: InsightsFilter): BidCost => {
  const period = periodOf(db, filter);
  // The fee of the account named, or the first account's for every account's proposals.
  const fee = readPlatformFee(db, filter.account);
  const released = new Map<string, { releasedMinor: number; milestones: number }>();
  for (const row of sumReleasedMilestones(db, period)) {
    const total = released.get(row.currency) ?? { releasedMinor: 0, milestones: 0 };
    released.set(row.currency, { releasedMinor: total.releasedMinor + row.releasedMinor, milestones: total.milestones + row.milestones });
  }
  const bidFees = sumBidFees(db, period);
  const currencies = [...released]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([currency, total]) => ({ currency, releasedMinor: total.releasedMinor, feeMinor: splitFee(total.releasedMinor, fee.percent).feeMinor }));
  return {
    feePercent: fee.percent,
    feeSource: fee.source,
    bidFees: bidFees
      .filter((row) => row.bids > 0)
      .map(({ currency, bids, feeMinor }) => ({ currency, bids, feeMinor }))
      .sort((a, b) => (a.currency < b.currency ? -1 : 1)),
    bidFeeSample: bidFees.reduce((sum, row) => sum + row.bids, 0),
    bidsSubmitted: bidFees.reduce((sum, row) => sum + row.submitted, 0),
    currencies,
    sample: [...released.values()].reduce((sum, total) => sum + total.milestones, 0),
  };
};

/** A zone's UTC offset at the start of each UTC day, per zone: time zone rules do not change while the app runs. */
const dayOffsets = new Map<string, Map<number, number>>();
const maxCachedDays = 50_000;

/**
 * The hour of an instant in a time zone. A zone's offset changes at most a few times a year: it is read from
 * Intl once per UTC day (at its start, kept for later calls), and only on a day whose next day starts with
 * another offset is each 15-minute slot read on its own (every offset and transition is a multiple of 15 minutes).
 */
export const createHourReader = (timeZone: string): ((ms: number) => number) => {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  const offsetAt = (ms: number): number => {
    const parts: Record<string, number> = {};
    for (const part of format.formatToParts(ms)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
    return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour! % 24, parts.minute!) - (ms - (ms % 60_000));
  };
  let days = dayOffsets.get(timeZone);
  if (!days || days.size > maxCachedDays) {
    days = new Map();
    dayOffsets.set(timeZone, days);
  }
  const known = days;
  const dayStartOffset = (day: number): number => {
    let offset = known.get(day);
    if (offset === undefined) {
      offset = offsetAt(day * 86_400_000);
      known.set(day, offset);
    }
    return offset;
  };
  return (ms) => {
    const day = Math.floor(ms / 86_400_000);
    const start = dayStartOffset(day);
    const offset = start === dayStartOffset(day + 1) ? start : offsetAt(ms - (ms % 900_000));
    return Math.floor((ms + offset) / 3_600_000) % 24;
  };
};

export const computeBestHours = (db: ReadableDB, filter: InsightsFilter, timeZone: string): BestHours => {
  const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, submitted: 0, replied: 0 }));
  const hourOf = createHourReader(timeZone);
  const rows = listSubmissionReplies(db, periodOf(db, filter));
  for (const packed of rows) {
    const bucket = hours[hourOf(Math.floor(packed / 2))]!;
    bucket.submitted += 1;
    bucket.replied += packed % 2;
  }
  return {
    timeZone,
    hours: hours.map((bucket) => ({ ...bucket, replyRate: bucket.submitted === 0 ? null : bucket.replied / bucket.submitted })),
    sample: rows.length,
  };
};
