import type { TFunction } from 'i18next';
import type { BestHours, BidCost, Earnings, Funnel, InsightsFilter, ReplyTimes, WinRateRow, WinRates } from '../../../../shared/contract/insights';
import { fromMinorUnits, minorUnitDigits } from '../../../../shared/domain/money';
import { buildCsv, type CsvValue } from './insights-csv';

/*
 * The insights screen's pure parts: the periods offered, when a sample is too small to mean much, and each
 * figure as a table (shown beside its chart, and exported as CSV with machine-readable values).
 */

export const periodPresets = ['all', 'year', 'quarter', 'month'] as const;
export type PeriodPreset = (typeof periodPresets)[number];
const presetDays: Record<Exclude<PeriodPreset, 'all'>, number> = { year: 365, quarter: 90, month: 30 };

/**
 * The filter for a period ending now, of one account (null: every account). It starts at a UTC midnight, so the
 * filter (and the queries keyed by it) stays the same all day instead of changing with every render's clock.
 */
export const filterForPeriod = (preset: PeriodPreset, now: Date, account: string | null = null): InsightsFilter => {
  if (preset === 'all') return { from: null, to: null, account };
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return { from: new Date(midnight - presetDays[preset] * 86_400_000).toISOString(), to: null, account };
};

/** Below this many, a rate or a median is shown but said to rest on a small sample. */
export const smallSampleBelow = 30;
export type SampleLevel = 'none' | 'small' | 'enough';
export const rateSampleLevel = (sample: number): SampleLevel => (sample === 0 ? 'none' : sample < smallSampleBelow ? 'small' : 'enough');

/** What the tables need to say numbers, money, months and hours in the UI's language (Intl underneath). */
export type Formatters = {
  count: (value: number) => string;
  percent: (rate: number) => string;
  /** A wait in ms as hours (under two days) or days. */
  duration: (ms: number) => string;
  money: (minor: number, currency: string) => string;
  /** An amount in major units, short, for an axis ("€1.2K"). */
  compactMoney: (major: number, currency: string) => string;
  /** 'YYYY-MM' as "March 2026". */
  month: (month: string) => string;
  /** An hour of the day (0–23) as the UI's language writes it ("14:00", "2 PM"). */
  hour: (hour: number) => string;
  /** A share with up to two decimals: a fee of 12.5 %. */
  percentExact: (rate: number) => string;
};

export const createFormatters = (locale: string): Formatters => {
  const count = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const percentExact = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  const hours = new Intl.NumberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'long', maximumFractionDigits: 1 });
  const days = new Intl.NumberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'long', maximumFractionDigits: 1 });
  const month = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
  const hour = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
  const money = new Map<string, Intl.NumberFormat>();
  const compactMoney = new Map<string, Intl.NumberFormat>();
  return {
    count: (value) => count.format(value),
    percent: (rate) => percent.format(rate),
    duration: (ms) => (ms < 48 * 3_600_000 ? hours.format(ms / 3_600_000) : days.format(ms / 86_400_000)),
    money: (minor, currency) => {
      let format = money.get(currency);
      if (!format) {
        format = new Intl.NumberFormat(locale, { style: 'currency', currency, trailingZeroDisplay: 'stripIfInteger' });
        money.set(currency, format);
      }
      return format.format(fromMinorUnits(minor, currency));
    },
    compactMoney: (major, currency) => {
      let format = compactMoney.get(currency);
      if (!format) {
        format = new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact' });
        compactMoney.set(currency, format);
      }
      return format.format(major);
    },
    month: (value) => month.format(Date.parse(`${value}-01T00:00:00Z`)),
    hour: (value) => hour.format(Date.UTC(2026, 0, 1, value)),
    percentExact: (rate) => percentExact.format(rate),
  };
};

/** `csvLabel`: the export's header when it says more than the screen's (the unit of a raw value). */
export type TableColumn = { id: string; label: string; numeric: boolean; csvLabel?: string };
export type TableCell = { text: string; csv: CsvValue };
export type TableRow = { key: string; cells: TableCell[]; small: boolean };
export type FigureTable = { columns: TableColumn[]; rows: TableRow[] };

export const tableToCsv = (table: FigureTable): string =>
  buildCsv(
    table.columns.map((column) => column.csvLabel ?? column.label),
    table.rows.map((row) => row.cells.map((cell) => cell.csv)),
  );

type Translate = TFunction<'insights'>;

const countCell = (value: number, f: Formatters): TableCell => ({ text: f.count(value), csv: value });
const rateCell = (rate: number | null, f: Formatters): TableCell => ({
  text: rate === null ? '—' : f.percent(rate),
  // Four decimals: a share such as 0.3333 (a spreadsheet shows it as a percentage when asked).
  csv: rate === null ? null : Math.round(rate * 10_000) / 10_000,
});

export const buildFunnelTable = (funnel: Funnel, f: Formatters, t: Translate): FigureTable => {
  const drafted = funnel.stages.find((stage) => stage.stage === 'drafted')?.count ?? 0;
  return {
    columns: [
      { id: 'stage', label: t('funnel.columns.stage'), numeric: false },
      { id: 'count', label: t('funnel.columns.count'), numeric: true },
      { id: 'share', label: t('funnel.columns.share'), numeric: true },
    ],
    rows: funnel.stages.map((stage) => ({
      key: stage.stage,
      cells: [{ text: t(`funnel.stages.${stage.stage}`), csv: stage.stage }, countCell(stage.count, f), rateCell(drafted === 0 ? null : stage.count / drafted, f)],
      small: false,
    })),
  };
};

/** A win-rate group's name: its language, country or category in the UI's language; a price band as a money range. */
export type NameGroup = (row: WinRateRow) => string;

export const buildWinRateTable = (figure: WinRates, nameGroup: NameGroup, f: Formatters, t: Translate): FigureTable => ({
  columns: [
    { id: 'group', label: t(`winRates.dimensions.${figure.dimension}`), numeric: false },
    { id: 'submitted', label: t('winRates.columns.submitted'), numeric: true },
    { id: 'awarded', label: t('winRates.columns.awarded'), numeric: true },
    { id: 'declined', label: t('winRates.columns.declined'), numeric: true },
    { id: 'withdrawn', label: t('winRates.columns.withdrawn'), numeric: true },
    { id: 'open', label: t('winRates.columns.open'), numeric: true },
    { id: 'winRate', label: t('winRates.columns.winRate'), numeric: true },
  ],
  rows: figure.rows.map((row) => ({
    key: row.key ?? '∅',
    cells: [
      { text: nameGroup(row), csv: nameGroup(row) },
      countCell(row.submitted, f),
      countCell(row.awarded, f),
      countCell(row.declined, f),
      countCell(row.withdrawn, f),
      countCell(row.open, f),
      rateCell(row.winRate, f),
    ],
    small: rateSampleLevel(row.submitted) === 'small',
  })),
});

/** A price band in its own currency: "€250 – €500", "€10,000 or more", per hour for hourly bids. */
export const namePriceBand = (band: NonNullable<WinRateRow['band']>, f: Formatters, t: Translate): string => {
  const range =
    band.maxMinor === null
      ? t('winRates.bandFrom', { min: f.money(band.minMinor, band.currency) })
      : t('winRates.bandRange', { min: f.money(band.minMinor, band.currency), max: f.money(band.maxMinor, band.currency) });
  return band.kind === 'hourly' ? t('winRates.perHour', { range }) : range;
};

const hoursOf = (ms: number | null): number | null => (ms === null ? null : Math.round((ms / 3_600_000) * 100) / 100);

export const buildReplyTimesTable = (figure: ReplyTimes, f: Formatters, t: Translate): FigureTable => ({
  columns: [
    { id: 'who', label: t('replyTimes.columns.who'), numeric: false },
    { id: 'median', label: t('replyTimes.columns.median'), csvLabel: t('replyTimes.columns.medianHours'), numeric: true },
    { id: 'sample', label: t('replyTimes.columns.sample'), numeric: true },
    { id: 'unanswered', label: t('replyTimes.columns.unanswered'), numeric: true },
  ],
  rows: (['client', 'mine'] as const).map((who) => {
    const times = figure[who];
    return {
      key: who,
      cells: [
        { text: t(`replyTimes.${who}`), csv: who },
        { text: times.medianMs === null ? '—' : f.duration(times.medianMs), csv: hoursOf(times.medianMs) },
        countCell(times.sample, f),
        countCell(times.unanswered, f),
      ],
      small: rateSampleLevel(times.sample) === 'small',
    };
  }),
});

export const buildEarningsTable = (figure: Earnings, f: Formatters, t: Translate): FigureTable => ({
  columns: [
    { id: 'month', label: t('earnings.columns.month'), numeric: false },
    { id: 'currency', label: t('earnings.columns.currency'), numeric: false },
    { id: 'released', label: t('earnings.columns.released'), numeric: true },
    { id: 'milestones', label: t('earnings.columns.milestones'), numeric: true },
    { id: 'proposals', label: t('earnings.columns.proposals'), numeric: true },
  ],
  rows: figure.rows.map((row) => ({
    key: `${row.month} ${row.currency}`,
    cells: [
      { text: f.month(row.month), csv: row.month },
      { text: row.currency, csv: row.currency },
      // The amount in its currency's major unit (never converted), as many decimals as the currency has.
      { text: f.money(row.releasedMinor, row.currency), csv: Number(fromMinorUnits(row.releasedMinor, row.currency).toFixed(minorUnitDigits(row.currency))) },
      countCell(row.milestones, f),
      countCell(row.proposals, f),
    ],
    small: false,
  })),
});

export const buildBestHoursTable = (figure: BestHours, f: Formatters, t: Translate): FigureTable => ({
  columns: [
    { id: 'hour', label: t('bestHours.columns.hour'), numeric: false },
    { id: 'submitted', label: t('bestHours.columns.submitted'), numeric: true },
    { id: 'replied', label: t('bestHours.columns.replied'), numeric: true },
    { id: 'replyRate', label: t('bestHours.columns.replyRate'), numeric: true },
  ],
  rows: figure.hours.map((hour) => ({
    key: String(hour.hour),
    cells: [{ text: f.hour(hour.hour), csv: hour.hour }, countCell(hour.submitted, f), countCell(hour.replied, f), rateCell(hour.replyRate, f)],
    small: rateSampleLevel(hour.submitted) === 'small',
  })),
});

/** An amount in its currency's major unit for the CSV (never converted), as many decimals as the currency has. */
const moneyCsv = (minor: number, currency: string): number => Number(fromMinorUnits(minor, currency).toFixed(minorUnitDigits(currency)));

export type BidCostCurrency = {
  currency: string;
  /** Bids whose platform reported what they cost, and the sum; 0 and 0 where none did in this currency. */
  bids: number;
  feeMinor: number;
  /** Released in the period and the platform's fee on it at the current percent. */
  releasedMinor: number;
  paymentFeeMinor: number;
};

/** Bid costs and the fee on payments side by side, one row per currency (never added across currencies). */
export const splitBidCostByCurrency = (figure: BidCost): BidCostCurrency[] => {
  const rows = new Map<string, BidCostCurrency>();
  const rowOf = (currency: string): BidCostCurrency => {
    let row = rows.get(currency);
    if (!row) {
      row = { currency, bids: 0, feeMinor: 0, releasedMinor: 0, paymentFeeMinor: 0 };
      rows.set(currency, row);
    }
    return row;
  };
  for (const fee of figure.bidFees) Object.assign(rowOf(fee.currency), { bids: fee.bids, feeMinor: fee.feeMinor });
  for (const paid of figure.currencies) Object.assign(rowOf(paid.currency), { releasedMinor: paid.releasedMinor, paymentFeeMinor: paid.feeMinor });
  return [...rows.values()].sort((a, b) => (a.currency < b.currency ? -1 : 1));
};

export const buildBidCostTable = (figure: BidCost, f: Formatters, t: Translate): FigureTable => ({
  columns: [
    { id: 'currency', label: t('bidCost.columns.currency'), numeric: false },
    { id: 'bids', label: t('bidCost.columns.bids'), numeric: true },
    { id: 'cost', label: t('bidCost.columns.cost'), numeric: true },
    { id: 'average', label: t('bidCost.columns.average'), numeric: true },
    { id: 'released', label: t('bidCost.columns.released'), numeric: true },
    { id: 'paymentFee', label: t('bidCost.columns.paymentFee', { percent: f.percentExact(figure.feePercent / 100) }), numeric: true },
  ],
  rows: splitBidCostByCurrency(figure).map((row) => ({
    key: row.currency,
    cells: [
      { text: row.currency, csv: row.currency },
      countCell(row.bids, f),
      row.bids === 0 ? { text: '—', csv: null } : { text: f.money(row.feeMinor, row.currency), csv: moneyCsv(row.feeMinor, row.currency) },
      row.bids === 0
        ? { text: '—', csv: null }
        : { text: f.money(Math.round(row.feeMinor / row.bids), row.currency), csv: moneyCsv(Math.round(row.feeMinor / row.bids), row.currency) },
      { text: f.money(row.releasedMinor, row.currency), csv: moneyCsv(row.releasedMinor, row.currency) },
      { text: f.money(row.paymentFeeMinor, row.currency), csv: moneyCsv(row.paymentFeeMinor, row.currency) },
    ],
    small: row.bids > 0 && rateSampleLevel(row.bids) === 'small',
  })),
});

/** Earnings as one series per currency (never added across currencies), months in order. */
export const splitEarningsByCurrency = (figure: Earnings): { currency: string; months: { month: string; releasedMinor: number }[] }[] => {
  const series = new Map<string, { month: string; releasedMinor: number }[]>();
  for (const row of [...figure.rows].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0))) {
    const months = series.get(row.currency) ?? [];
    months.push({ month: row.month, releasedMinor: row.releasedMinor });
    series.set(row.currency, months);
  }
  return [...series].sort(([a], [b]) => (a < b ? -1 : 1)).map(([currency, months]) => ({ currency, months }));
};

/** The file name of an export: the figure and the day, e.g. insights-win-rates-2026-12-07.csv. */
export const csvFileName = (figure: string, now: Date): string => `insights-${figure}-${now.toISOString().slice(0, 10)}.csv`;
