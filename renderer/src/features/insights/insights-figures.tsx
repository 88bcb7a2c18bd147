import { useTranslation } from 'react-i18next';
import type { BestHours, BidCost, Earnings, Funnel, ReplyTimes, WinRateDimension, WinRateRow, WinRates } from '../../../../shared/contract/insights';
import { fromMinorUnits } from '../../../../shared/domain/money';
import { nameCountry, nameLanguage } from '../../ui/display-names';
import { ColumnChart, HorizontalBarChart } from './insights-charts';
import { FigureCard } from './figure-card';
import { Select } from '../../ui/select';
import { useSkillName } from '../../ui/skill-names';
import {
  buildBidCostTable,
  buildBestHoursTable,
  buildEarningsTable,
  buildFunnelTable,
  buildReplyTimesTable,
  buildWinRateTable,
  namePriceBand,
  rateSampleLevel,
  splitBidCostByCurrency,
  splitEarningsByCurrency,
  type FigureTable,
  type Formatters,
} from './insights-model';

/* Each figure as a card: pure, from the figure the core computed and the UI's formatters. */

type Common = { f: Formatters; onExport: (id: string, table: FigureTable) => void };

export const FunnelFigure = ({ figure, f, onExport }: Common & { figure: Funnel }) => {
  const { t } = useTranslation('insights');
  const table = buildFunnelTable(figure, f, t);
  const drafted = figure.sample;
  return (
    <FigureCard
      id="funnel"
      title={t('funnel.title')}
      note={t('funnel.note')}
      sample={t('sample.proposals', { count: figure.sample, formatted: f.count(figure.sample) })}
      small={rateSampleLevel(figure.sample) === 'small'}
      empty={figure.sample === 0}
      table={table}
      onExport={onExport}
      chart={
        <HorizontalBarChart
          title={t('funnel.title')}
          smallLabel={t('sample.small')}
          max={drafted}
          data={figure.stages.map((stage) => ({
            key: stage.stage,
            label: t(`funnel.stages.${stage.stage}`),
            value: stage.count,
            valueText: drafted === 0 ? f.count(stage.count) : `${f.count(stage.count)} · ${f.percent(stage.count / drafted)}`,
            small: false,
          }))}
          testId="insights-funnel-chart"
        />
      }
    />
  );
};

/** The dimensions the screen offers; by account only once the workspace has more than one. */
export const shownDimensions = ['language', 'category', 'skill', 'country', 'priceBand', 'account'] as const satisfies readonly WinRateDimension[];
export type ShownDimension = (typeof shownDimensions)[number];

/** An account's name as Settings → Accounts shows it (its id when it is gone). */
export type NameAccount = (accountId: string) => string;

const useGroupName = (dimension: WinRateDimension, f: Formatters, nameAccount: NameAccount): ((row: WinRateRow) => string) => {
  const { t, i18n } = useTranslation('insights');
  const nameSkill = useSkillName();
  return (row) => {
    if (dimension === 'priceBand') return row.band ? namePriceBand(row.band, f, t) : t('winRates.noAmount');
    if (dimension === 'account') return row.key === null ? t('winRates.noAccount') : nameAccount(row.key);
    if (row.key === null) return t('winRates.unknown');
    if (dimension === 'language') return nameLanguage(row.key, i18n.language);
    if (dimension === 'country') return nameCountry(row.key, i18n.language);
    if (dimension === 'category') return t(`categories.${row.key}`, { defaultValue: row.key });
    if (dimension === 'skill') return nameSkill(row.key);
    return row.key;
  };
};

type WinRatesProps = Common & {
  figure: WinRates;
  dimension: ShownDimension;
  dimensions: readonly ShownDimension[];
  onDimensionChange: (dimension: ShownDimension) => void;
  nameAccount: NameAccount;
};

export const WinRatesFigure = ({ figure, dimension, dimensions, onDimensionChange, nameAccount, f, onExport }: WinRatesProps) => {
  const { t } = useTranslation('insights');
  const nameGroup = useGroupName(figure.dimension, f, nameAccount);
  const table = buildWinRateTable(figure, nameGroup, f, t);
  return (
    <FigureCard
      id="win-rates"
      title={t('winRates.title')}
      note={figure.dimension === 'skill' ? t('winRates.noteSkill') : t('winRates.note')}
      sample={t('sample.submitted', { count: figure.sample, formatted: f.count(figure.sample) })}
      small={rateSampleLevel(figure.sample) === 'small'}
      someSmall={table.rows.some((row) => row.small)}
      empty={figure.sample === 0}
      table={table}
      onExport={(id, exported) => onExport(`${id}-${figure.dimension}`, exported)}
      controls={
        <Select
          inline
          label={t('winRates.by')}
          testId="insights-dimension"
          value={dimension}
          options={dimensions.map((option) => ({ id: option, label: t(`winRates.dimensions.${option}`) }))}
          onChange={onDimensionChange}
          className="insights-control"
        />
      }
      chart={
        <HorizontalBarChart
          title={t('winRates.chartTitle', { dimension: t(`winRates.dimensions.${figure.dimension}`) })}
          smallLabel={t('sample.small')}
          max={1}
          data={figure.rows.map((row) => ({
            key: row.key ?? '∅',
            label: nameGroup(row),
            value: row.winRate ?? 0,
            valueText: `${row.winRate === null ? '—' : f.percent(row.winRate)} · ${t('sample.n', { formatted: f.count(row.submitted) })}`,
            small: rateSampleLevel(row.submitted) === 'small',
          }))}
          testId="insights-win-rates-chart"
        />
      }
    />
  );
};

export const ReplyTimesFigure = ({ figure, f, onExport }: Common & { figure: ReplyTimes }) => {
  const { t } = useTranslation('insights');
  const table = buildReplyTimesTable(figure, f, t);
  const max = Math.max(figure.client.medianMs ?? 0, figure.mine.medianMs ?? 0);
  const sample = figure.client.sample + figure.client.unanswered;
  return (
    <FigureCard
      id="reply-times"
      title={t('replyTimes.title')}
      note={t('replyTimes.note')}
      sample={t('sample.replies', { count: figure.client.sample, formatted: f.count(figure.client.sample), submitted: f.count(sample) })}
      small={rateSampleLevel(figure.client.sample) === 'small'}
      someSmall={table.rows.some((row) => row.small)}
      empty={sample === 0}
      table={table}
      onExport={onExport}
      chart={
        <HorizontalBarChart
          title={t('replyTimes.title')}
          smallLabel={t('sample.small')}
          max={max}
          data={(['client', 'mine'] as const).map((who) => ({
            key: who,
            label: t(`replyTimes.${who}`),
            value: figure[who].medianMs ?? 0,
            valueText: `${figure[who].medianMs === null ? '—' : f.duration(figure[who].medianMs)} · ${t('sample.n', { formatted: f.count(figure[who].sample) })}`,
            small: rateSampleLevel(figure[who].sample) === 'small',
          }))}
          testId="insights-reply-times-chart"
        />
      }
    />
  );
};

export const EarningsFigure = ({ figure, f, onExport }: Common & { figure: Earnings }) => {
  const { t } = useTranslation('insights');
  const table = buildEarningsTable(figure, f, t);
  const series = splitEarningsByCurrency(figure);
  return (
    <FigureCard
      id="earnings"
      title={t('earnings.title')}
      note={t('earnings.note')}
      sample={t('sample.milestones', { count: figure.sample, formatted: f.count(figure.sample) })}
      small={false}
      empty={figure.sample === 0}
      table={table}
      onExport={onExport}
      chart={
        <div className="insights-series">
          {series.map(({ currency, months }) => (
            <figure key={currency} className="insights-series-item" data-testid="insights-earnings-series" data-currency={currency}>
              <figcaption>{t('earnings.series', { currency })}</figcaption>
              <ColumnChart
                title={t('earnings.seriesTitle', { currency })}
                smallLabel={t('sample.small')}
                max={Math.max(...months.map((month) => fromMinorUnits(month.releasedMinor, currency)))}
                formatValue={(value) => f.compactMoney(value, currency)}
                labelEvery={Math.max(1, Math.ceil(months.length / 8))}
                height={180}
                data={months.map((month) => ({
                  key: month.month,
                  label: f.month(month.month),
                  value: fromMinorUnits(month.releasedMinor, currency),
                  valueText: f.money(month.releasedMinor, currency),
                  small: false,
                }))}
              />
            </figure>
          ))}
        </div>
      }
    />
  );
};

export const BestHoursFigure = ({ figure, f, onExport }: Common & { figure: BestHours }) => {
  const { t } = useTranslation('insights');
  const table = buildBestHoursTable(figure, f, t);
  const busiest = Math.max(...figure.hours.map((hour) => hour.submitted));
  return (
    <FigureCard
      id="best-hours"
      title={t('bestHours.title')}
      note={t('bestHours.note', { zone: figure.timeZone })}
      sample={t('sample.submitted', { count: figure.sample, formatted: f.count(figure.sample) })}
      small={rateSampleLevel(figure.sample) === 'small'}
      someSmall={table.rows.some((row) => row.small && row.cells[1]?.csv !== 0)}
      empty={figure.sample === 0}
      table={table}
      onExport={onExport}
      chart={
        <>
          <ColumnChart
            title={t('bestHours.title')}
            smallLabel={t('sample.small')}
            max={busiest}
            formatValue={f.count}
            valueTicks={Math.min(4, busiest)}
            labelEvery={3}
            data={figure.hours.map((hour) => ({
              key: String(hour.hour),
              label: f.hour(hour.hour),
              value: hour.replied,
              total: hour.submitted,
              valueText: t('bestHours.value', {
                rate: hour.replyRate === null ? '—' : f.percent(hour.replyRate),
                replied: f.count(hour.replied),
                submitted: f.count(hour.submitted),
              }),
              small: rateSampleLevel(hour.submitted) === 'small',
            }))}
            testId="insights-best-hours-chart"
          />
          <p className="insights-key" aria-hidden="true">
            <span className="key-swatch key-swatch--total" /> {t('bestHours.columns.submitted')}
            <span className="key-swatch key-swatch--value" /> {t('bestHours.columns.replied')}
          </p>
        </>
      }
    />
  );
};

/**
 * What bidding cost: per currency of the bids (never converted), what the platform reported placing them cost
 * (Freelancer's paid upgrades; other platforms report nothing, and those bids are not in the sample), beside the
 * platform's fee on the payments released in the period.
 */
export const BidCostFigure = ({ figure, f, onExport }: Common & { figure: BidCost }) => {
  const { t } = useTranslation('insights');
  const table = buildBidCostTable(figure, f, t);
  const rows = splitBidCostByCurrency(figure);
  const percent = f.percentExact(figure.feePercent / 100);
  return (
    <FigureCard
      id="bid-cost"
      title={t('bidCost.title')}
      note={t('bidCost.note')}
      sample={t('sample.bidCosts', {
        count: figure.bidFeeSample,
        formatted: f.count(figure.bidFeeSample),
        submitted: f.count(figure.bidsSubmitted),
      })}
      small={rateSampleLevel(figure.bidFeeSample) === 'small'}
      someSmall={table.rows.some((row) => row.small)}
      empty={rows.length === 0}
      table={table}
      onExport={onExport}
      chart={
        <ul className="insights-stats" data-testid="insights-bid-cost-stats">
          {rows.map((row) => (
            <li key={row.currency} className="insights-stat" data-currency={row.currency} data-testid="insights-bid-cost-currency">
              <span className="insights-stat-currency">{t('bidCost.in', { currency: row.currency })}</span>
              {row.bids === 0 ? (
                <span className="insights-stat-muted">{t('bidCost.notReported')}</span>
              ) : (
                <>
                  <span className="insights-stat-value">{f.money(row.feeMinor, row.currency)}</span>
                  <span className="insights-stat-detail">
                    {t('bidCost.onBids', { count: row.bids, formatted: f.count(row.bids), average: f.money(Math.round(row.feeMinor / row.bids), row.currency) })}
                    {rateSampleLevel(row.bids) === 'small' ? ' *' : ''}
                  </span>
                </>
              )}
              {row.releasedMinor > 0 && (
                <span className="insights-stat-detail">
                  {t(figure.feeSource === 'platform' ? 'bidCost.paymentFee' : 'bidCost.paymentFeeDefault', {
                    fee: f.money(row.paymentFeeMinor, row.currency),
                    percent,
                    released: f.money(row.releasedMinor, row.currency),
                  })}
                </span>
              )}
            </li>
          ))}
        </ul>
      }
    />
  );
};
