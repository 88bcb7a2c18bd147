import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { projectSorts, type ProjectSort } from '../../../../shared/domain/project';
import { usePagedVirtualizer } from '../../components/use-paged-virtualizer';
import { ArrowUp } from 'lucide-react';
import { Select } from '../../ui/select';
import { SplitView } from '../../ui/split-view';
import { feedPageSize, type ProjectWindow } from './project-window';
import { ProjectRow, ProjectRowPlaceholder } from './project-row';

type Props = {
  feed: ProjectWindow;
  sort: ProjectSort;
  onSortChange: (sort: ProjectSort) => void;
  now: Date;
  /** What the search box shows (the filter follows it after a pause). */
  searchText?: string;
  onSearchTextChange?: (text: string) => void;
  /** The query the rows highlight. */
  query?: string;
  searchRef?: RefObject<HTMLInputElement | null>;
  selectedIndex?: number;
  onSelect?: (index: number) => void;
  onOpen?: (index: number) => void;
  /** New projects arrived above the rows on screen (newest first): the cursor keeps its project. */
  onNewAbove?: (count: number) => void;
  openId?: string | null;
  /** Controls in the header beside search and sort (the account filter, shown with two accounts or more). */
  toolbar?: ReactNode;
  filters?: ReactNode;
  savedSearches?: ReactNode;
  detail?: ReactNode;
  failed?: boolean;
  /** The list's share of the split with a project open, as the user left it (undefined: the default). */
  listPercent?: number;
  onListPercentChange?: (listPercent: number) => void;
};

// Where rows not drawn yet are placed; drawn rows are measured.
const estimatedRowHeight = 116;

export const FeedScreen = ({
  feed,
  sort,
  onSortChange,
  now,
  searchText,
  onSearchTextChange,
  query = '',
  searchRef,
  selectedIndex = -1,
  onSelect,
  onOpen,
  onNewAbove,
  openId = null,
  toolbar,
  filters,
  savedSearches,
  detail,
  failed = false,
  listPercent,
  onListPercentChange,
}: Props) => {
  const { t } = useTranslation('feed');
  const { t: tUi } = useTranslation('ui');
  const sortOptions = useMemo(() => projectSorts.map((option) => ({ id: option, label: t(`sort.${option}`) })), [t]);
  const { scrollRef, virtualizer, rows, total } = usePagedVirtualizer(feed, { estimatedRowHeight, cursorIndex: selectedIndex, overscan: 6 });
  const filtered = query !== '' || filters !== undefined;

  // New projects at the top of the newest-first feed do not push the rows being read down: the list scrolls
  // by their height and a pill says how many are above.
  const [newAbove, setNewAbove] = useState(0);
  const firstId = feed.getItem(0)?.id;
  const anchor = useRef({ feed, firstId });
  useLayoutEffect(() => {
    const before = anchor.current;
    anchor.current = { feed, firstId };
    if (before.feed !== feed) {
      setNewAbove(0);
      return;
    }
    if (sort !== 'newest' || before.firstId === undefined || firstId === undefined || before.firstId === firstId) return;
    let count = 0;
    for (let index = 1; index < Math.min(feed.length, feedPageSize) && count === 0; index++) if (feed.getItem(index)?.id === before.firstId) count = index;
    if (count === 0) return;
    // After the virtualizer's own update of this frame (it writes its scroll position back within it), by the
    // new rows' measured height.
    const from = scrollRef.current?.scrollTop ?? 0;
    requestAnimationFrame(() => virtualizer.scrollToOffset(from + (virtualizer.measurementsCache[count]?.start ?? count * estimatedRowHeight)));
    setNewAbove((current) => current + count);
    onNewAbove?.(count);
  }, [feed, firstId, sort, virtualizer, scrollRef, onNewAbove]);

  return (
    <section className={`screen feed${detail ? ' with-detail' : ''}`} aria-labelledby="feed-title">
      <header className="screen-header">
        <div>
          <h1 id="feed-title">{t('title')}</h1>
          {feed.total !== null ? (
            <p className="muted" data-testid="feed-count">
              {t('count', { count: feed.total })}
            </p>
          ) : (
            feed.length > 0 && (
              // The rows are on screen; the exact total follows in a moment.
              <p className="muted" data-testid="feed-counting" aria-live="polite">
                {t('counting')}
              </p>
            )
          )}
        </div>
        <div className="toolbar">
          {toolbar}
          {onSearchTextChange && (
            <input
              ref={searchRef}
              type="search"
              className="search-input"
              data-testid="feed-search"
              aria-label={t('search.label')}
              placeholder={t('search.placeholder')}
              value={searchText ?? ''}
              onChange={(event) => onSearchTextChange(event.target.value)}
            />
          )}
          <Select
            className="ui-select--inline feed-sort"
            label={t('sort.label')}
            testId="feed-sort"
            options={sortOptions}
            value={sort}
            onChange={onSortChange}
          />
        </div>
      </header>
      {(filters || savedSearches) && (
        <div className="feed-bar">
          {filters}
          {savedSearches}
        </div>
      )}
      <SplitView
        id="feed"
        listPercent={listPercent}
        defaultListPercent={44}
        listMinWidth={220}
        detailMinWidth={280}
        onListPercentChange={(share) => onListPercentChange?.(share)}
        separatorLabel={tUi('split.resize')}
        detailShown={Boolean(detail)}
        detail={detail}
        list={
          failed ? (
            <div className="empty-state" role="alert">
              <h2>{t('error.title')}</h2>
              <p>{t('error.body')}</p>
            </div>
          ) : feed.total === 0 ? (
            <div className="empty-state" data-testid="feed-empty">
              <h2>{filtered ? t('empty.filteredTitle') : t('empty.title')}</h2>
              <p>{filtered ? t('empty.filteredBody') : t('empty.body')}</p>
            </div>
          ) : (
            <div
              ref={scrollRef}
              className="list-scroller"
              role="feed"
              aria-label={t('listLabel')}
              // Focusable, so the list scrolls from the keyboard too (rows open by click, j/k and Enter).
              tabIndex={0}
              aria-busy={feed.length === 0}
              onScroll={(event) => {
                if (event.currentTarget.scrollTop === 0) setNewAbove(0);
              }}
            >
              {newAbove > 0 && (
                <button
                  type="button"
                  className="new-above-pill"
                  data-testid="feed-new-pill"
                  onClick={() => {
                    setNewAbove(0);
                    virtualizer.scrollToOffset(0);
                  }}
                >
                  <ArrowUp size={14} aria-hidden="true" />
                  {t('newAbove', { count: newAbove })}
                </button>
              )}
              <div className="list-sizer" style={{ height: virtualizer.getTotalSize() }}>
                {rows.map((row) => {
                  const project = feed.getItem(row.index);
                  return (
                    <div
                      key={row.key}
                      ref={virtualizer.measureElement}
                      data-index={row.index}
                      className="list-item"
                      style={{ transform: `translateY(${row.start}px)` }}
                      // A feed's items are articles (ARIA feed pattern); the open one is the current one.
                      role="article"
                      aria-setsize={total}
                      aria-posinset={row.index + 1}
                      aria-current={project !== undefined && project.id === openId ? 'true' : undefined}
                      data-cursor={row.index === selectedIndex ? 'true' : undefined}
                      onClick={() => {
                        onSelect?.(row.index);
                        onOpen?.(row.index);
                      }}
                    >
                      {project ? (
                        <ProjectRow
                          project={project}
                          now={now}
                          query={query}
                          cursor={row.index === selectedIndex}
                          selected={project.id === openId}
                        />
                      ) : (
                        <ProjectRowPlaceholder />
                      )}
                    </div>
                  );
                })}
              </div>
            </div>
          )
        }
      />
    </section>
  );
};

/** Relative times ("3 minutes ago") move on without a re-fetch. */
export const useNow = (intervalMs = 60_000): Date => {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
};
