import { useCallback } from 'react';
import { createWindowState } from '../../app/window-state';
import type { PeriodPreset } from './insights-model';

/** What the insights screen is narrowed to: its period and the account chosen (none: every account). */
export type InsightsFilters = { period: PeriodPreset; accountIds: readonly string[] };

// Kept while the window is open, not in the screen's state (#16: the filter reset on every visit).
const useFilters = createWindowState<InsightsFilters>({ period: 'all', accountIds: [] });

/** The insights filters, the same on every visit to the screen, and how to change them. */
export const useInsightsFilters = (): {
  filters: InsightsFilters;
  setPeriod: (period: PeriodPreset) => void;
  setAccountIds: (accountIds: readonly string[]) => void;
} => {
  const [filters, setFilters] = useFilters();
  const setPeriod = useCallback((period: PeriodPreset) => setFilters((current) => ({ ...current, period })), [setFilters]);
  const setAccountIds = useCallback((accountIds: readonly string[]) => setFilters((current) => ({ ...current, accountIds })), [setFilters]);
  return { filters, setPeriod, setAccountIds };
};
