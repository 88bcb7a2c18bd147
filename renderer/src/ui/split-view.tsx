import { useCallback, useEffect, useMemo, useRef, type CSSProperties, type ReactNode } from 'react';
import { Group, Panel, Separator, type Layout, type LayoutChangedMeta } from 'react-resizable-panels';
import './split-view.css';

// Each pane's content scrolls inside itself; nothing spills into the other pane (focus rings still show: the
// clip margin in split-view.css).
const clipped = { overflow: 'clip' } satisfies CSSProperties;

type Props = {
  /** Names the group, its panels and its separator (`<id>-split`, `<id>-separator`) for tests and styles. */
  id: string;
  list: ReactNode;
  detail: ReactNode;
  /** The list's share in percent as the user left it; undefined: the screen's default. */
  listPercent: number | undefined;
  defaultListPercent: number;
  /** In pixels: each pane keeps at least this much, so both stay usable in an 800 px window. */
  listMinWidth: number;
  detailMinWidth: number;
  /** Called once a drag ends, or on each key, with the share to remember. */
  onListPercentChange: (listPercent: number) => void;
  /** The separator's accessible name ("Resize the list"). */
  separatorLabel: string;
  /** Without a detail (the feed with nothing open) the list takes the whole width and the separator goes away. */
  detailShown?: boolean;
  className?: string;
};

/**
 * A list beside its detail with a separator between them that the pointer drags and the keyboard moves
 * (role=separator: arrows by 5 %, Home and End to the limits, as react-resizable-panels implements it). The
 * list stays mounted whether or not a detail is shown, so its scroll position and virtualizer survive opening
 * and closing items.
 */
export const SplitView = ({
  id,
  list,
  detail,
  listPercent,
  defaultListPercent,
  listMinWidth,
  detailMinWidth,
  onListPercentChange,
  separatorLabel,
  detailShown = true,
  className,
}: Props) => {
  const start = listPercent ?? defaultListPercent;
  // Panel ids are DOM ids too: named after the screen so no two screens' panels share one.
  const listId = `${id}-list`;
  const detailId = `${id}-detail`;
  // Stable props: the list beside it re-renders with every page the virtualizer fetches, and the group need not.
  const defaultLayout = useMemo(() => ({ [listId]: start, [detailId]: 100 - start }), [listId, detailId, start]);
  const latestChange = useRef(onListPercentChange);
  useEffect(() => {
    latestChange.current = onListPercentChange;
  }, [onListPercentChange]);
  const remember = useCallback(
    (layout: Layout, meta: LayoutChangedMeta): void => {
      // Only what the user did: the first layout and the constraints applied to a narrow window are not a choice.
      if (!meta.isUserInteraction) return;
      const share = meta.requestedLayout?.[listId] ?? layout[listId];
      if (share !== undefined) latestChange.current(share);
    },
    [listId],
  );
  return (
    <Group
      id={`${id}-split`}
      orientation="horizontal"
      className={['ui-split', detailShown ? 'has-detail' : 'list-only', className].filter(Boolean).join(' ')}
      defaultLayout={defaultLayout}
      onLayoutChanged={remember}
      disabled={!detailShown}
    >
      <Panel id={listId} data-pane="list" className="ui-split-pane ui-split-list" minSize={listMinWidth} style={clipped}>
        {list}
      </Panel>
      <Separator id={`${id}-separator`} className="ui-split-separator" aria-label={separatorLabel} disableDoubleClick={false} />
      <Panel id={detailId} data-pane="detail" className="ui-split-pane ui-split-detail" minSize={detailMinWidth} style={clipped}>
        {detail}
      </Panel>
    </Group>
  );
};
