import { useCallback, useSyncExternalStore } from 'react';
import type { PeriodPreset } from './insights-model';

/** What the insights screen is narrowed to: its period and the account chosen (none: every account). */
export type InsightsFilters = { period: PeriodPreset; accountIds: readonly string[] };

/*
 * Kept here rather than in the screen's state, which goes when the user leaves the screen (#16: the filter reset
 * on every visit). They last while the window is open and start again with the app: no list's filters are stored
 * across a restart (the feed's are not kept through a visit elsewhere either; a saved search keeps a feed query).
 */
let current: InsightsFilters = { period: 'all', accountIds: [] };
const listeners = new Set<() => void>();

const subscribe = (listener: () => void): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const readFilters = (): InsightsFilters => current;

const changeFilters = (patch: Partial<InsightsFilters>): void => {
  current = { ...current, ...patch };
  for (const listener of listeners) listener();
};

/** The insights filters, the same on every visit to the screen, and how to change them. */
export const useInsightsFilters = (): {
  filters: InsightsFilters;
  setPeriod: (period: PeriodPreset) => void;
  setAccountIds: (accountIds: readonly string[]) => void;
} => {
  const filters = useSyncExternalStore(subscribe, readFilters);
  const setPeriod = useCallback((period: PeriodPreset) => changeFilters({ period }), []);
  const setAccountIds = useCallback((accountIds: readonly string[]) => changeFilters({ accountIds }), []);
  return { filters, setPeriod, setAccountIds };
};
