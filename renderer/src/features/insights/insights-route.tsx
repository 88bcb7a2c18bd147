import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../components/download-file';
import type { CoreQueryResult } from '../../data/use-core-query';
import { SegmentedControl } from '../../ui/segmented-control';
import { Skeleton } from '../../ui/skeleton';
import { AccountFilter } from '../accounts/account-filter';
import { useAccountChoices, useAccounts } from '../accounts/use-accounts';
import {
  BestHoursFigure,
  BidCostFigure,
  EarningsFigure,
  FunnelFigure,
  ReplyTimesFigure,
  WinRatesFigure,
  shownDimensions,
  type ShownDimension,
} from './insights-figures';
import { createFormatters, csvFileName, filterForPeriod, periodPresets, tableToCsv, type FigureTable } from './insights-model';
import { useInsightsFilters } from './insights-filters';
import { useInsights } from './use-insights';
import './insights.css';

/** A figure while it loads (a placeholder of its size), when it failed (said), or drawn. */
const Slot = <T,>({ query, testId, children }: { query: CoreQueryResult<T>; testId: string; children: (data: T) => ReactNode }) => {
  const { t } = useTranslation('insights');
  const data = query.data ?? query.previous;
  if (query.status === 'failed' && data === undefined)
    return (
      <section className="insights-card" data-testid={`${testId}-failed`} role="alert">
        <p>{t('failed')}</p>
      </section>
    );
  if (data === undefined)
    return (
      <section className="insights-card" aria-busy="true" data-testid={`${testId}-loading`}>
        <Skeleton lines={4} />
      </section>
    );
  return <>{children(data)}</>;
};

/** Insights: what the user's own proposals say, computed offline in the core for the period and account chosen. */
export const InsightsRoute = () => {
  const { t, i18n } = useTranslation('insights');
  // They outlive the screen: leaving it and coming back finds the same period and account (#16).
  const { filters, setPeriod, setAccountIds } = useInsightsFilters();
  const { period, accountIds } = filters;
  const [picked, setDimension] = useState<ShownDimension>('language');
  const { accounts } = useAccounts();
  const accountChoices = useAccountChoices();
  // An account removed meanwhile no longer filters (its proposals went with it).
  const account = accountIds[0] !== undefined && accounts?.some((candidate) => candidate.id === accountIds[0]) ? accountIds[0] : null;
  // By account only where there is more than one to compare.
  const dimensions = useMemo(() => shownDimensions.filter((option) => option !== 'account' || accountChoices.length > 1), [accountChoices.length]);
  const dimension = dimensions.includes(picked) ? picked : 'language';
  const nameAccount = useCallback((id: string) => accounts?.find((candidate) => candidate.id === id)?.label ?? id, [accounts]);
  const filter = useMemo(() => filterForPeriod(period, new Date(), account), [period, account]);
  const timeZone = useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone, []);
  const f = useMemo(() => createFormatters(i18n.language), [i18n.language]);
  const figures = useInsights(filter, dimension, timeZone);
  const exportTable = useCallback((id: string, table: FigureTable) => {
    downloadFile(csvFileName(id, new Date()), [tableToCsv(table)], 'text/csv;charset=utf-8');
  }, []);

  return (
    <section className="screen scrollable insights-screen" aria-labelledby="insights-title" data-testid="insights-screen">
      <header className="screen-header insights-header">
        <div>
          <h1 id="insights-title">{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
        <div className="insights-filters">
          <SegmentedControl
            label={t('period.label')}
            segments={periodPresets.map((preset) => ({ id: preset, label: t(`period.${preset}`) }))}
            value={period}
            onChange={setPeriod}
            testId="insights-period"
          />
          {/* Its label above it, as the period's is (the lists' filter puts it beside). */}
          <AccountFilter accounts={accountChoices} value={account === null ? [] : [account]} onChange={setAccountIds} className="insights-account-filter" />
        </div>
      </header>
      <div className="insights-grid">
        <Slot query={figures.funnel} testId="insights-funnel">
          {(figure) => <FunnelFigure figure={figure} f={f} onExport={exportTable} />}
        </Slot>
        <Slot query={figures.winRates} testId="insights-win-rates">
          {(figure) => (
            <WinRatesFigure
              figure={figure}
              dimension={dimension}
              dimensions={dimensions}
              onDimensionChange={setDimension}
              nameAccount={nameAccount}
              f={f}
              onExport={exportTable}
            />
          )}
        </Slot>
        <Slot query={figures.replyTimes} testId="insights-reply-times">
          {(figure) => <ReplyTimesFigure figure={figure} f={f} onExport={exportTable} />}
        </Slot>
        <Slot query={figures.bestHours} testId="insights-best-hours">
          {(figure) => <BestHoursFigure figure={figure} f={f} onExport={exportTable} />}
        </Slot>
        <Slot query={figures.earnings} testId="insights-earnings">
          {(figure) => <EarningsFigure figure={figure} f={f} onExport={exportTable} />}
        </Slot>
        <Slot query={figures.bidCost} testId="insights-bid-cost">
          {(figure) => <BidCostFigure figure={figure} f={f} onExport={exportTable} />}
        </Slot>
      </div>
    </section>
  );
};
