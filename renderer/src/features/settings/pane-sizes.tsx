import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import type { PaneId, PaneSizes } from '../../../../shared/contract/settings';
import { useCoreAction } from '../../data/use-core-action';

type PaneSizesValue = { sizes: PaneSizes; save: (pane: PaneId, listPercent: number) => void };

const PaneSizesContext = createContext<PaneSizesValue | null>(null);

/**
 * The list/detail splits as the core stores them (`ui.pane.<screen>` in the settings table, beside `ui.theme`),
 * read once before the first paint so a screen opens at its width instead of jumping to it.
 */
export const PaneSizesProvider = ({ initial, children }: { initial: PaneSizes; children: ReactNode }) => {
  const [sizes, setSizes] = useState(initial);
  const store = useCoreAction((core, pane: PaneId, listPercent: number) => core.settings.setPaneSize({ pane, listPercent })).run;
  const save = useCallback(
    (pane: PaneId, listPercent: number) => {
      setSizes((current) => ({ ...current, [pane]: listPercent }));
      void store(pane, listPercent);
    },
    [store],
  );
  return <PaneSizesContext.Provider value={{ sizes, save }}>{children}</PaneSizesContext.Provider>;
};

/** One screen's split: the list's stored share (undefined: never moved, the screen's default) and its setter. */
export const usePaneSize = (pane: PaneId): { listPercent: number | undefined; onListPercentChange: (listPercent: number) => void } => {
  const context = useContext(PaneSizesContext);
  const save = context?.save;
  const onListPercentChange = useCallback((listPercent: number) => save?.(pane, listPercent), [save, pane]);
  return { listPercent: context?.sizes[pane], onListPercentChange };
};
