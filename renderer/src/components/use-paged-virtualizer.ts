import { measureElement, useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import type { PagedWindow } from '../features/feed/project-window';
import { createTypicalSize } from './typical-size';

/**
 * A virtualized list over a paged window: renders only the rows on screen, fetches the pages they need, and
 * keeps the keyboard cursor's row in view. Rows are measured (a two-line title makes its row taller), so
 * `estimatedRowHeight` only places rows not drawn yet, until drawn rows tell their usual height; each rendered row gives `data-index` and
 * `ref={virtualizer.measureElement}`. Every long list (feed, clients, threads) is this.
 */
export const usePagedVirtualizer = <T extends { id: string }>(
  window: PagedWindow<T>,
  options: { estimatedRowHeight: number; cursorIndex: number; overscan?: number },
) => {
  const scrollRef = useRef<HTMLDivElement>(null);
  // Rows loaded count before the total does: the first page shows while the feed still counts.
  const total = window.length;
  // Each drawn row whose height differs from its estimate makes the virtualizer lay out every row after it
  // again (100k in the feed; above the visible rows once per such row of a resize batch). So rows not drawn
  // yet are estimated at the height loaded rows most often have here, and a placeholder (a row whose page is on
  // its way) counts as exactly its estimate: it is replaced, and measured, when its record arrives.
  const [typical] = useState(() => createTypicalSize(options.estimatedRowHeight));
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: typical.get,
    measureElement: (element, entry, instance) =>
      window.getItem(instance.indexFromElement(element)) === undefined
        ? typical.get()
        : typical.note(measureElement(element, entry, instance)),
    // A measured height follows its record when new rows arrive above it. The window's own function, the same
    // until rows arrive: a new one per render made the virtualizer lay out all 100k rows on every scroll step.
    getItemKey: window.itemKey,
    overscan: options.overscan ?? 8,
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows.at(-1)?.index ?? 0;
  useEffect(() => window.ensureRange(first, last), [window, first, last]);
  const { cursorIndex } = options;
  useEffect(() => {
    const scroller = scrollRef.current;
    const row = virtualizer.measurementsCache[cursorIndex];
    if (!scroller || !row || cursorIndex >= total) return;
    // Read from the element, not the virtualizer's last scroll event: rows added above just moved the list,
    // and a cursor already on screen must not scroll it back.
    if (row.start < scroller.scrollTop) virtualizer.scrollToIndex(cursorIndex, { align: 'start' });
    else if (row.end > scroller.scrollTop + scroller.clientHeight) virtualizer.scrollToIndex(cursorIndex, { align: 'end' });
  }, [virtualizer, cursorIndex, total]);
  return { scrollRef, virtualizer, rows, total };
};
