import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInstance, type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { WinRates } from '../../../shared/contract/insights';
import { buildCsv, formatCsvField } from '../../../renderer/src/features/insights/insights-csv';
import {
  buildBidCostTable,
  buildEarningsTable,
  buildReplyTimesTable,
  buildWinRateTable,
  createFormatters,
  filterForPeriod,
  namePriceBand,
  rateSampleLevel,
  splitEarningsByCurrency,
  tableToCsv,
} from '../../../renderer/src/features/insights/insights-model';

let t: TFunction<'insights'>;
beforeAll(async () => {
  const read = (locale: string): Record<string, unknown> =>
    JSON.parse(readFileSync(path.join(import.meta.dirname, `../../../shared/locales/${locale}/insights.json`), 'utf8')) as Record<string, unknown>;
  const i18n = createInstance();
  await i18n.init({ resources: { en: { insights: read('en') }, de: { insights: read('de') } }, lng: 'en', ns: ['insights'], defaultNS: 'insights' });
  t = i18n.getFixedT('en', 'insights');
});

describe('insights CSV', () => {
  it('quotes what needs quoting, keeps numbers as numbers and defuses what a spreadsheet would run as a formula', () => {
    expect(formatCsvField('Rossi, Mario')).toBe('"Rossi, Mario"');
    expect(formatCsvField('il "vero" cliente')).toBe('"il ""vero"" cliente"');
    expect(formatCsvField('two\nlines')).toBe('"two\nlines"');
    expect(formatCsvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(formatCsvField('+39 06')).toBe("'+39 06");
    expect(formatCsvField('-5')).toBe("'-5");
    expect(formatCsvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(formatCsvField(-5)).toBe('-5');
    expect(formatCsvField(0.3333)).toBe('0.3333');
    expect(formatCsvField(null)).toBe('');
    expect(formatCsvField(Number.NaN)).toBe('');
    expect(buildCsv(['a', 'b'], [[1, 'x'], [null, 'y,z']])).toBe('\uFEFFa,b\r\n1,x\r\n,"y,z"\r\n');
  });
});

describe('sample sizes', () => {
  it('calls fewer than 30 a small sample and none no sample', () => {
    expect([0, 1, 29, 30, 500].map(rateSampleLevel)).toEqual(['none', 'small', 'small', 'enough', 'enough']);
  });

  it('flags each win-rate row on its own sample, and exports the raw values with the small ones', () => {
    const figure: WinRates = {
      dimension: 'language',
      sample: 42,
      rows: [
        { key: 'it', band: null, submitted: 30, awarded: 10, declined: 5, withdrawn: 1, open: 14, winRate: 1 / 3 },
        { key: 'de', band: null, submitted: 12, awarded: 3, declined: 0, withdrawn: 0, open: 9, winRate: 0.25 },
      ],
    };
    const table = buildWinRateTable(figure, (row) => (row.key === 'it' ? 'Italian' : 'German'), createFormatters('en'), t);
    expect(table.rows.map((row) => [row.key, row.small])).toEqual([
      ['it', false],
      ['de', true],
    ]);
    expect(table.rows[0]!.cells.map((cell) => cell.text)).toEqual(['Italian', '30', '10', '5', '1', '14', '33%']);
    expect(tableToCsv(table)).toBe(
      '\uFEFFLanguage,Submitted,Awarded,Declined,Withdrawn,Open,Win rate\r\nItalian,30,10,5,1,14,0.3333\r\nGerman,12,3,0,0,9,0.25\r\n',
    );
  });

  it('flags a median on a small sample and exports it in hours under a header that says so', () => {
    const table = buildReplyTimesTable(
      { client: { medianMs: 5.5 * 3_600_000, sample: 40, unanswered: 3 }, mine: { medianMs: null, sample: 0, unanswered: 2 } },
      createFormatters('en'),
      t,
    );
    expect(table.rows.map((row) => row.small)).toEqual([false, false]);
    expect(table.rows[0]!.cells[1]).toEqual({ text: '5.5 hours', csv: 5.5 });
    expect(tableToCsv(table).split('\r\n')[0]).toBe('\uFEFFWho,Median (hours),Replies,Still waiting');
  });
});

describe('periods', () => {
  it('start at a UTC midnight, so the filter stays the same all day', () => {
    expect(filterForPeriod('all', new Date('2026-12-07T10:00:00Z'))).toEqual({ from: null, to: null, account: null });
    const morning = filterForPeriod('month', new Date('2026-12-07T00:10:00Z'));
    expect(morning).toEqual({ from: '2026-11-07T00:00:00.000Z', to: null, account: null });
    expect(filterForPeriod('month', new Date('2026-12-07T23:59:00Z'))).toEqual(morning);
    expect(filterForPeriod('year', new Date('2026-12-07T12:00:00Z')).from).toBe('2025-12-07T00:00:00.000Z');
    // One account's figures: the same period, the account named.
    expect(filterForPeriod('month', new Date('2026-12-07T00:10:00Z'), 'acc_2')).toEqual({ ...morning, account: 'acc_2' });
  });
});

describe('money', () => {
  it('keeps each currency its own series and exports amounts in the currency’s own major unit', () => {
    const figure = {
      rows: [
        { month: '2026-02', currency: 'EUR', releasedMinor: 123_456, milestones: 2, proposals: 1 },
        { month: '2026-01', currency: 'JPY', releasedMinor: 50_000, milestones: 1, proposals: 1 },
        { month: '2026-01', currency: 'EUR', releasedMinor: 1_000, milestones: 1, proposals: 1 },
      ],
      sample: 4,
      datedBy: 'proposal_updated_at' as const,
    };
    expect(splitEarningsByCurrency(figure)).toEqual([
      {
        currency: 'EUR',
        months: [
          { month: '2026-01', releasedMinor: 1_000 },
          { month: '2026-02', releasedMinor: 123_456 },
        ],
      },
      { currency: 'JPY', months: [{ month: '2026-01', releasedMinor: 50_000 }] },
    ]);
    const table = buildEarningsTable(figure, createFormatters('de'), t);
    expect(table.rows.map((row) => row.cells.map((cell) => cell.csv))).toEqual([
      ['2026-02', 'EUR', 1234.56, 2, 1],
      ['2026-01', 'JPY', 50000, 1, 1],
      ['2026-01', 'EUR', 10, 1, 1],
    ]);
    expect(table.rows[0]!.cells.slice(0, 3).map((cell) => cell.text)).toEqual(['Februar 2026', 'EUR', '1.234,56\u00a0€']);
  });

  it('says what bidding cost per currency beside the fee on payments, never adding currencies, a small sample marked', () => {
    const figure = {
      feePercent: 12.5,
      feeSource: 'platform' as const,
      bidFees: [
        { currency: 'EUR', bids: 40, feeMinor: 12_000 },
        { currency: 'JPY', bids: 3, feeMinor: 1_500 },
      ],
      bidFeeSample: 43,
      bidsSubmitted: 90,
      currencies: [
        { currency: 'EUR', releasedMinor: 400_000, feeMinor: 50_000 },
        { currency: 'USD', releasedMinor: 10_000, feeMinor: 1_250 },
      ],
      sample: 5,
    };
    const table = buildBidCostTable(figure, createFormatters('de'), t);
    expect(table.columns.at(-1)!.label).toBe('Fee on payments (12,5 %)');
    expect(table.rows.map((row) => row.cells.map((cell) => cell.csv))).toEqual([
      ['EUR', 40, 120, 3, 4000, 500],
      ['JPY', 3, 1500, 500, 0, 0],
      // No bid of this currency reported its cost: no cost and no average, not 0.
      ['USD', 0, null, null, 100, 12.5],
    ]);
    expect(table.rows.map((row) => row.small)).toEqual([false, true, false]);
    expect(table.rows[0]!.cells.slice(2, 4).map((cell) => cell.text)).toEqual(['120 €', '3 €']);
    expect(table.rows[2]!.cells[2]!.text).toBe('—');
  });

  it('names a price band in its own currency, per hour for hourly bids', () => {
    const f = createFormatters('en');
    expect(namePriceBand({ currency: 'EUR', kind: 'fixed', minMinor: 25_000, maxMinor: 50_000 }, f, t)).toBe('€250 – €500');
    expect(namePriceBand({ currency: 'JPY', kind: 'hourly', minMinor: 100, maxMinor: null }, f, t)).toBe('¥100 or more per hour');
  });
});
