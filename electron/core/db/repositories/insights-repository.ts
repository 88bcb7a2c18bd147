import type { WinRateDimension } from '../../../../shared/contract/insights';
import { prepare, type ReadableDB } from '../database';

/**
 * The insights section's SQL: one query per figure over the user's proposals, the project threads and their
 * milestones. Every query reads a range of an index made for it (schema v12) and never the wide rows' raw
 * JSON; tests/unit/db/insights-repository.test.ts holds each to a brute force over random histories and to its
 * query plan. What the figures mean is written in shared/contract/insights.ts.
 */

/** [from, to) as stored instants (UTC, `…Z`); an open end is a bound every stored instant passes. */
export type Period = { from: string; to: string };
export const openPeriod = (from: string | null, to: string | null): Period => ({
  from: from === null ? '' : new Date(from).toISOString(),
  to: to === null ? '~' : new Date(to).toISOString(),
});

// The platform's statuses a decision ends in; 'completed' is an awarded proposal whose work is done.
const awardedSql = "pr.status IN ('awarded', 'completed')";

/** A client's message in the project's threads after the proposal was submitted: two covering index seeks, no row read, stops at the first. */
const hasReplySql = `EXISTS (SELECT 1 FROM threads t INDEXED BY threads_by_project
    JOIN messages m INDEXED BY messages_by_thread ON m.thread_id = t.id
  WHERE t.project_id = pr.project_id AND t.context = 'project'
    AND m.sent_at > pr.submitted_at AND m.from_me = 0 AND m.state = 'synced')`;

export type FunnelCounts = { drafted: number; submitted: number; replied: number; shortlisted: number; awarded: number };

/** Proposals begun in the period and how many reached each stage ("at least": a later stage need not pass an earlier one). */
export const countFunnel = (db: ReadableDB, period: Period): FunnelCounts => {
  const row = prepare(
    db,
    `SELECT count(*) AS drafted,
       count(pr.submitted_at) AS submitted,
       coalesce(sum(pr.submitted_at IS NOT NULL AND ${hasReplySql}), 0) AS replied,
       coalesce(sum(pr.submitted_at IS NOT NULL AND (pr.was_shortlisted = 1 OR pr.status = 'shortlisted' OR ${awardedSql})), 0) AS shortlisted,
       coalesce(sum(pr.submitted_at IS NOT NULL AND ${awardedSql}), 0) AS awarded
     FROM proposals pr INDEXED BY proposals_insights_created
     WHERE pr.created_at >= ? AND pr.created_at < ?`,
  ).get(period.from, period.to) as FunnelCounts;
  return row;
};

export type OutcomeCounts = { submitted: number; awarded: number; declined: number; withdrawn: number };
export type WinRateGroup = OutcomeCounts & { key: string | null };
export type PriceBandGroup = OutcomeCounts & { currency: string; kind: 'fixed' | 'hourly'; band: number | null };

const outcomesSql = `count(*) AS submitted, sum(${awardedSql}) AS awarded,
  sum(pr.status = 'declined') AS declined, sum(pr.status = 'withdrawn') AS withdrawn`;

const submittedFrom = `FROM proposals pr INDEXED BY proposals_insights_submitted
  LEFT JOIN projects p INDEXED BY projects_insights ON p.id = pr.project_id`;
const submittedWhere = 'WHERE pr.submitted_at IS NOT NULL AND pr.submitted_at >= ? AND pr.submitted_at < ?';

const groupKeys: Record<Exclude<WinRateDimension, 'priceBand' | 'skill'>, string> = {
  language: 'pr.default_locale',
  category: 'p.category',
  // The project's country is the client's (the platform's record says so); the client record may not be here yet.
  country: 'p.country',
  // One account per workspace today: every proposal is the signed-in account's; the handler names it.
  account: 'NULL',
};

/** Submitted proposals in the period grouped by a column of theirs or their project's. */
export const countOutcomesBy = (db: ReadableDB, period: Period, dimension: Exclude<WinRateDimension, 'priceBand'>): WinRateGroup[] => {
  if (dimension === 'skill') {
    // A proposal counts once under each skill of its project (project_skills keeps one row per skill).
    return prepare(
      db,
      `SELECT ps.skill AS key, ${outcomesSql} ${submittedFrom}
       LEFT JOIN project_skills ps ON ps.project_pk = p.pk
       ${submittedWhere} GROUP BY ps.skill ORDER BY submitted DESC, key`,
    ).all(period.from, period.to) as WinRateGroup[];
  }
  // The project's row only when the key is the project's (the language is the proposal's own).
  const from = dimension === 'category' || dimension === 'country' ? submittedFrom : 'FROM proposals pr INDEXED BY proposals_insights_submitted';
  return prepare(db, `SELECT ${groupKeys[dimension]} AS key, ${outcomesSql} ${from} ${submittedWhere} GROUP BY 1 ORDER BY submitted DESC, key`).all(
    period.from,
    period.to,
  ) as WinRateGroup[];
};

/**
 * Price bands in major units of the proposal's own currency (never converted): a total for fixed-price bids,
 * the hourly rate for hourly ones. Band i is [bounds[i], bounds[i+1]), the last one open-ended.
 */
export const priceBandBounds: Readonly<Record<'fixed' | 'hourly', readonly number[]>> = {
  fixed: [0, 100, 250, 500, 1_000, 2_500, 5_000, 10_000],
  hourly: [0, 15, 25, 40, 60, 100],
};

const bandCase = (bounds: readonly number[]): string =>
  `CASE ${bounds
    .slice(1)
    .map((bound, index) => `WHEN amount_minor < ${bound} * unit THEN ${index}`)
    .join(' ')} ELSE ${bounds.length - 1} END`;

/** The currencies of the proposals submitted in the period (the bands need each one's minor unit). */
export const listSubmittedCurrencies = (db: ReadableDB, period: Period): string[] =>
  (
    prepare(db, `SELECT DISTINCT pr.currency FROM proposals pr INDEXED BY proposals_insights_submitted ${submittedWhere}`).all(
      period.from,
      period.to,
    ) as { currency: string }[]
  ).map((row) => row.currency);

/** `unitsPerMajor`: [currency, minor units in one major unit] for every currency listSubmittedCurrencies gave. */
export const countOutcomesByPriceBand = (db: ReadableDB, period: Period, unitsPerMajor: readonly (readonly [string, number])[]): PriceBandGroup[] => {
  if (unitsPerMajor.length === 0) return [];
  const unit = `CASE pr.currency ${unitsPerMajor.map(() => 'WHEN ? THEN ?').join(' ')} END`;
  return prepare(
    db,
    `SELECT currency, kind,
       CASE WHEN amount_minor IS NULL THEN NULL WHEN kind = 'hourly' THEN ${bandCase(priceBandBounds.hourly)}
         ELSE ${bandCase(priceBandBounds.fixed)} END AS band,
       count(*) AS submitted, sum(awarded) AS awarded, sum(declined) AS declined, sum(withdrawn) AS withdrawn
     FROM (SELECT pr.currency, pr.kind, pr.amount_minor, ${unit} AS unit, ${awardedSql} AS awarded,
             pr.status = 'declined' AS declined, pr.status = 'withdrawn' AS withdrawn
           FROM proposals pr INDEXED BY proposals_insights_submitted ${submittedWhere})
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
  ).all(...unitsPerMajor.flat(), period.from, period.to) as PriceBandGroup[];
};

export type ReplyRow = { submittedAt: string; later: string | null };

/**
 * Every proposal submitted in the period with the confirmed messages in the project's threads strictly after
 * it, packed as `<from_me><sent_at>` items joined by commas (in no order): one index walk per proposal gives
 * both the client's first reply and the user's answer to it (replyAfter reads them).
 */
export const listReplies = (db: ReadableDB, period: Period): ReplyRow[] =>
  prepare(
    db,
    `SELECT pr.submitted_at AS submittedAt,
       (SELECT group_concat(m.from_me || m.sent_at, ',') FROM threads t INDEXED BY threads_by_project
          JOIN messages m INDEXED BY messages_by_thread ON m.thread_id = t.id
        WHERE t.project_id = pr.project_id AND t.context = 'project' AND m.sent_at > pr.submitted_at AND m.state = 'synced') AS later
     FROM proposals pr INDEXED BY proposals_insights_submitted ${submittedWhere}`,
  ).all(period.from, period.to) as ReplyRow[];

/**
 * From a listReplies row: the client's first message (null: none) and the user's first message strictly after
 * that one (null: none yet). Stored instants are all `YYYY-MM-DDTHH:MM:SS.sssZ`, so text order is time order.
 */
export const replyAfter = (later: string | null): { repliedAt: string | null; answeredAt: string | null } => {
  if (later === null) return { repliedAt: null, answeredAt: null };
  const items = later.split(',');
  let repliedAt: string | null = null;
  for (const item of items) if (item[0] === '0' && (repliedAt === null || item.slice(1) < repliedAt)) repliedAt = item.slice(1);
  if (repliedAt === null) return { repliedAt: null, answeredAt: null };
  let answeredAt: string | null = null;
  for (const item of items) {
    const at = item.slice(1);
    if (item[0] === '1' && at > repliedAt && (answeredAt === null || at < answeredAt)) answeredAt = at;
  }
  return { repliedAt, answeredAt };
};

export type ReleasedRow = { month: string; currency: string; releasedMinor: number; milestones: number; proposals: number };

/**
 * Released milestones per month (UTC) and currency. A milestone carries no release date: it is dated by its
 * proposal's last change as the platform reported it (awarded and completed proposals are no longer edited
 * here, so updated_at is the platform's). Only awarded or completed proposals have released milestones.
 */
export const sumReleasedMilestones = (db: ReadableDB, period: Period): ReleasedRow[] =>
  prepare(
    db,
    `SELECT substr(pr.updated_at, 1, 7) AS month, pr.currency AS currency,
       sum(json_extract(m.value, '$.amount_minor')) AS releasedMinor, count(*) AS milestones, count(DISTINCT pr.id) AS proposals
     FROM proposals pr INDEXED BY proposals_by_status, json_each(pr.milestones) m
     WHERE pr.status IN ('awarded', 'completed') AND pr.updated_at >= ? AND pr.updated_at < ?
       AND json_extract(m.value, '$.status') = 'released'
     GROUP BY 1, 2 ORDER BY 1, 2`,
  ).all(period.from, period.to) as ReleasedRow[];

/** Proposals submitted in the period. */
export const countSubmitted = (db: ReadableDB, period: Period): number =>
  (
    prepare(db, `SELECT count(*) AS n FROM proposals pr INDEXED BY proposals_insights_submitted ${submittedWhere}`).get(
      period.from,
      period.to,
    ) as { n: number }
  ).n;

/** Per submission instant in the period: whether the client has replied since (as the funnel's `replied`). */
export const listSubmissionReplies = (db: ReadableDB, period: Period): { submittedAt: string; replied: number }[] =>
  prepare(
    db,
    `SELECT pr.submitted_at AS submittedAt, ${hasReplySql} AS replied
     FROM proposals pr INDEXED BY proposals_insights_submitted ${submittedWhere}`,
  ).all(period.from, period.to) as { submittedAt: string; replied: number }[];
