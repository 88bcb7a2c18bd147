import type { WinRateDimension } from '../../../../shared/contract/insights';
import { prepare, type ReadableDB } from '../database';

/**
 * The insights section's SQL: one query per figure over the user's proposals, the project threads and their
 * milestones. Every query reads a range of an index made for it (schemas v12, v14, v15, v16 and v18) and never the wide rows' raw
 * JSON; tests/unit/db/insights-repository.test.ts holds each to a brute force over random histories and to its
 * query plan. What the figures mean is written in shared/contract/insights.ts.
 */

/**
 * [from, to) as stored instants (UTC, `…Z`); an open end is a bound every stored instant passes. `account`: only
 * that account's proposals (schema v18 keeps account_id in every insights index); null: every proposal.
 */
export type Period = { from: string; to: string; account: string | null };
export const openPeriod = (from: string | null, to: string | null, account: string | null = null): Period => ({
  from: from === null ? '' : new Date(from).toISOString(),
  to: to === null ? '~' : new Date(to).toISOString(),
  account,
});

const ofAccount = (alias: string): string => `(@account IS NULL OR ${alias}.account_id = @account)`;

// The platform's statuses a decision ends in; 'completed' is an awarded proposal whose work is done.
const awardedSql = "pr.status IN ('awarded', 'completed')";

export type FunnelCounts = { drafted: number; submitted: number; replied: number; shortlisted: number; awarded: number };

/** Proposals begun in the period and how many reached each stage ("at least": a later stage need not pass an earlier one). */
export const countFunnel = (db: ReadableDB, period: Period): FunnelCounts => {
  const row = prepare(
    db,
    `SELECT count(*) AS drafted,
       count(pr.submitted_at) AS submitted,
       count(pr.first_reply_at) AS replied,
       coalesce(sum(pr.submitted_at IS NOT NULL AND (pr.was_shortlisted = 1 OR pr.status = 'shortlisted' OR ${awardedSql})), 0) AS shortlisted,
       coalesce(sum(pr.submitted_at IS NOT NULL AND ${awardedSql}), 0) AS awarded
     FROM proposals pr INDEXED BY proposals_insights_created
     WHERE pr.created_at >= @from AND pr.created_at < @to AND ${ofAccount('pr')}`,
  ).get(period) as FunnelCounts;
  return row;
};

export type OutcomeCounts = { submitted: number; awarded: number; declined: number; withdrawn: number };
export type WinRateGroup = OutcomeCounts & { key: string | null };

/** Adds proposals of one status to a group's outcomes ('completed' was awarded first; the others have no decision yet). */
export const addOutcome = (counts: OutcomeCounts, status: string, n: number): void => {
  counts.submitted += n;
  if (status === 'awarded' || status === 'completed') counts.awarded += n;
  else if (status === 'declined') counts.declined += n;
  else if (status === 'withdrawn') counts.withdrawn += n;
};

const compareKeys = (a: string | null, b: string | null): number => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1);

/** Rows of (key, status, count) folded into one group per key, the largest first. */
const foldOutcomes = (rows: readonly { key: string | null; status: string; n: number }[]): WinRateGroup[] => {
  const groups = new Map<string | null, WinRateGroup>();
  for (const row of rows) {
    let group = groups.get(row.key);
    if (!group) {
      group = { key: row.key, submitted: 0, awarded: 0, declined: 0, withdrawn: 0 };
      groups.set(row.key, group);
    }
    addOutcome(group, row.status, row.n);
  }
  return [...groups.values()].sort((a, b) => b.submitted - a.submitted || compareKeys(a.key, b.key));
};

const submittedRange = `pr.submitted_at IS NOT NULL AND pr.submitted_at >= @from AND pr.submitted_at < @to AND ${ofAccount('pr')}`;
const submittedWhere = `WHERE ${submittedRange}`;

/**
 * Per dimension: the key, the index ordered by it (schema v14; grouping by key and status then streams, no
 * sort, and the period is tested on the index's last column) and what to group by. The project's category and
 * country are kept on the proposal (NULL while the project is not here); the country of a project is its
 * client's; the account is the one whose sync brought the proposal (or whose project a local draft is for).
 */
const groupings: Record<Exclude<WinRateDimension, 'priceBand' | 'skill'>, { key: string; index: string; groupBy: string }> = {
  language: { key: 'pr.default_locale', index: 'proposals_insights_language', groupBy: 'pr.default_locale' },
  category: { key: 'pr.project_category', index: 'proposals_insights_category', groupBy: 'pr.project_category' },
  country: { key: 'pr.project_country', index: 'proposals_insights_country', groupBy: 'pr.project_country' },
  account: { key: 'pr.account_id', index: 'proposals_insights_account', groupBy: 'pr.account_id' },
};

/** Submitted proposals in the period grouped by a column of theirs or their project's. */
export const countOutcomesBy = (db: ReadableDB, period: Period, dimension: Exclude<WinRateDimension, 'priceBand'>): WinRateGroup[] => {
  if (dimension === 'skill') {
    // One row per proposal and skill of its project, NULL for none (schema v15): a proposal counts under each.
    return foldOutcomes(
      prepare(
        db,
        `SELECT ps.skill AS key, ps.status AS status, count(*) AS n FROM proposal_skills ps INDEXED BY proposal_skills_insights
         WHERE ps.submitted_at >= @from AND ps.submitted_at < @to AND ${ofAccount('ps')} GROUP BY ps.skill, ps.status`,
      ).all(period) as { key: string | null; status: string; n: number }[],
    );
  }
  const { key, index, groupBy } = groupings[dimension];
  return foldOutcomes(
    prepare(db, `SELECT ${key} AS key, pr.status AS status, count(*) AS n FROM proposals pr INDEXED BY ${index} ${submittedWhere} GROUP BY ${groupBy}, pr.status`).all(
      period,
    ) as { key: string | null; status: string; n: number }[],
  );
};

/**
 * Price bands in major units of the proposal's own currency (never converted): a total for fixed-price bids,
 * the hourly rate for hourly ones. Band i is [bounds[i], bounds[i+1]), the last one open-ended.
 */
export const priceBandBounds: Readonly<Record<'fixed' | 'hourly', readonly number[]>> = {
  fixed: [0, 100, 250, 500, 1_000, 2_500, 5_000, 10_000],
  hourly: [0, 15, 25, 40, 60, 100],
};

export type PriceGroup = { currency: string; kind: 'fixed' | 'hourly'; status: string; amounts: (number | null)[] };

/**
 * The proposals submitted in the period per currency, kind and status, with their amounts (null: none given):
 * the bands are drawn per currency by the caller. One ordered index (schema v16): the grouping streams.
 */
export const listSubmittedPrices = (db: ReadableDB, period: Period): PriceGroup[] =>
  (
    prepare(
      db,
      `SELECT pr.currency AS currency, pr.kind AS kind, pr.status AS status, json_group_array(pr.amount_minor) AS amounts
       FROM proposals pr INDEXED BY proposals_insights_price ${submittedWhere} GROUP BY pr.currency, pr.kind, pr.status`,
    ).all(period) as { currency: string; kind: 'fixed' | 'hourly'; status: string; amounts: string }[]
  ).map((row) => ({ ...row, amounts: JSON.parse(row.amounts) as (number | null)[] }));

/** Milliseconds from one stored instant to another, computed in SQL (exact to the ms: julianday keeps ~40 µs). */
const msBetween = (from: string, to: string): string => `CAST(round((julianday(${to}) - julianday(${from})) * 86400000) AS INTEGER)`;

/** [client's wait, user's wait]: null when that reply has not come (the user's also when the client's has not). */
export type ReplyWaits = [clientMs: number | null, mineMs: number | null];

/**
 * Per proposal submitted in the period: how long the client took to reply first, and the user to answer that
 * reply, from the instants triggers keep on the proposal (schema v14). Numbers, not instants: one range of a
 * covering index and no date parsing per row in JavaScript.
 */
export const listReplyWaits = (db: ReadableDB, period: Period): ReplyWaits[] =>
  prepare(
    db,
    `SELECT ${msBetween('pr.submitted_at', 'pr.first_reply_at')}, ${msBetween('pr.first_reply_at', 'pr.answered_at')}
     FROM proposals pr INDEXED BY proposals_insights_submitted ${submittedWhere}`,
  )
    .raw(true)
    .all(period) as ReplyWaits[];

export type ReleasedRow = { month: string; currency: string; releasedMinor: number; milestones: number; proposals: number };

/**
 * Released milestones per month (UTC) and currency. A milestone carries no release date: it is dated by its
 * proposal's last change as the platform reported it (awarded and completed proposals are no longer edited
 * here, so updated_at is the platform's). Only awarded or completed proposals have released milestones; the
 * sums are kept on the proposal (schema v14).
 */
export const sumReleasedMilestones = (db: ReadableDB, period: Period): ReleasedRow[] =>
  prepare(
    db,
    `SELECT substr(pr.updated_at, 1, 7) AS month, pr.currency AS currency,
       sum(pr.released_minor) AS releasedMinor, sum(pr.released_milestones) AS milestones, count(*) AS proposals
     FROM proposals pr INDEXED BY proposals_insights_released
     WHERE pr.status IN ('awarded', 'completed') AND pr.updated_at >= @from AND pr.updated_at < @to AND pr.released_milestones > 0
       AND ${ofAccount('pr')}
     GROUP BY 1, 2 ORDER BY 1, 2`,
  ).all(period) as ReleasedRow[];

/** Proposals submitted in the period. */
export const countSubmitted = (db: ReadableDB, period: Period): number =>
  (
    prepare(db, `SELECT count(*) AS n FROM proposals pr INDEXED BY proposals_insights_submitted ${submittedWhere}`).get(period) as { n: number }
  ).n;

/**
 * Per proposal submitted in the period, one number: its submission in ms since the epoch, doubled, plus 1 when
 * the client has replied since (as the funnel's `replied`). One number per row, not a row object: best hours
 * read every submitted proposal.
 */
export const listSubmissionReplies = (db: ReadableDB, period: Period): number[] =>
  prepare(
    db,
    `SELECT CAST(round((julianday(pr.submitted_at) - 2440587.5) * 86400000) AS INTEGER) * 2 + (pr.first_reply_at IS NOT NULL)
     FROM proposals pr INDEXED BY proposals_insights_submitted ${submittedWhere}`,
  )
    .pluck(true)
    .all(period) as number[];

export type BidFeeRow = { currency: string; submitted: number; bids: number; feeMinor: number };

/**
 * Per currency of the bids submitted in the period: how many were submitted, how many of them had their cost
 * reported by the platform (schema v18's bid_fee_minor) and its sum (0 when none). One pass over the price index,
 * which leads by currency (it streams), also counting the submitted bids the figure reports beside.
 */
export const sumBidFees = (db: ReadableDB, period: Period): BidFeeRow[] =>
  prepare(
    db,
    `SELECT pr.currency AS currency, count(*) AS submitted, count(pr.bid_fee_minor) AS bids, coalesce(sum(pr.bid_fee_minor), 0) AS feeMinor
     FROM proposals pr INDEXED BY proposals_insights_price ${submittedWhere}
     GROUP BY pr.currency`,
  ).all(period) as BidFeeRow[];
