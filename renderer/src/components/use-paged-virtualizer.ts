import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { PagedWindow } from '../features/feed/project-window';

/**
 * A virtualized list over a paged window: renders only the rows on screen, fetches the pages they need, and
 * keeps the keyboard-selected row in view. Every long list (feed, clients, threads) is this.
 */
export const usePagedVirtualizer = <T>(
  window: PagedWindow<T>,
  options: { rowHeight: number; selectedIndex: number; overscan?: number },
) => {
  const scrollRef = useRef<HTMLDivElement>(null);
  // Rows loaded count before the total does: the first page shows while the feed still counts.
  const total = window.length;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => options.rowHeight,
    overscan: options.overscan ?? 8,
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows.at(-1)?.index ?? 0;
  useEffect(() => window.ensureRange(first, last), [window, first, last]);
  const { selectedIndex } = options;
  useEffect(() => {
    if (selectedIndex >= 0 && selectedIndex < total) virtualizer.scrollToIndex(selectedIndex);
  }, [virtualizer, selectedIndex, total]);
  return { scrollRef, virtualizer, rows, total };
};
