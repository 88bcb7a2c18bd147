import { useEffect, useState, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { projectSortSchema, projectSorts, type ProjectSort } from '../../../../shared/domain/project';
import { usePagedVirtualizer } from '../../components/use-paged-virtualizer';
import type { ProjectWindow } from './project-window';
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
  openId?: string | null;
  filters?: ReactNode;
  savedSearches?: ReactNode;
  detail?: ReactNode;
  failed?: boolean;
};

const rowHeight = 116;

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
  openId = null,
  filters,
  savedSearches,
  detail,
  failed = false,
}: Props) => {
  const { t } = useTranslation('feed');
  const { scrollRef, virtualizer, rows, total } = usePagedVirtualizer(feed, { rowHeight, selectedIndex, overscan: 6 });
  const filtered = query !== '' || filters !== undefined;

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
          <label className="inline-field">
            <span>{t('sort.label')}</span>
            <select
              value={sort}
              data-testid="feed-sort"
              onChange={(event) => {
                const picked = projectSortSchema.safeParse(event.target.value);
                if (picked.success) onSortChange(picked.data);
              }}
            >
              {projectSorts.map((option) => (
                <option key={option} value={option}>
                  {t(`sort.${option}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
      </header>
      {filters}
      {savedSearches}
      <div className="split">
        {failed ? (
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
          <div ref={scrollRef} className="list-scroller" role="feed" aria-label={t('listLabel')} aria-busy={feed.length === 0}>
            <div className="list-sizer" style={{ height: virtualizer.getTotalSize() }}>
              {rows.map((row) => {
                const project = feed.getItem(row.index);
                return (
                  <div
                    key={row.key}
                    className="list-item"
                    style={{ transform: `translateY(${row.start}px)`, height: row.size }}
                    aria-setsize={total}
                    aria-posinset={row.index + 1}
                    aria-selected={row.index === selectedIndex}
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
                        selected={row.index === selectedIndex || project.id === openId}
                      />
                    ) : (
                      <ProjectRowPlaceholder />
                    )}
                  </div>
                );
              })}
            </div>
          </div>
        )}
        {detail}
      </div>
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
