import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { projectSortSchema, projectSorts, type ProjectSort } from '../../../../shared/domain/project';
import type { ProjectWindow } from './project-window';
import { ProjectRow, ProjectRowPlaceholder } from './project-row';

type Props = {
  feed: ProjectWindow;
  sort: ProjectSort;
  onSortChange: (sort: ProjectSort) => void;
  now: Date;
};

const rowHeight = 104;

export const FeedScreen = ({ feed, sort, onSortChange, now }: Props) => {
  const { t } = useTranslation('feed');
  const scrollRef = useRef<HTMLDivElement>(null);
  const total = feed.total ?? 0;
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 6,
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0]?.index ?? 0;
  const last = rows.at(-1)?.index ?? 0;
  useEffect(() => feed.ensureRange(first, last), [feed, first, last]);

  return (
    <section className="screen feed" aria-labelledby="feed-title">
      <header className="screen-header">
        <div>
          <h1 id="feed-title">{t('title')}</h1>
          {feed.total !== null && (
            <p className="muted" data-testid="feed-count">
              {t('count', { count: feed.total })}
            </p>
          )}
        </div>
        <label className="inline-field">
          <span>{t('sort.label')}</span>
          <select value={sort} onChange={(event) => {
              const picked = projectSortSchema.safeParse(event.target.value);
              if (picked.success) onSortChange(picked.data);
            }}>
            {projectSorts.map((option) => (
              <option key={option} value={option}>
                {t(`sort.${option}`)}
              </option>
            ))}
          </select>
        </label>
      </header>
      {feed.total === 0 ? (
        <div className="empty-state" data-testid="feed-empty">
          <h2>{t('empty.title')}</h2>
          <p>{t('empty.body')}</p>
        </div>
      ) : (
        <div ref={scrollRef} className="list-scroller" role="feed" aria-label={t('listLabel')} aria-busy={feed.total === null}>
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
                >
                  {project ? <ProjectRow project={project} now={now} /> : <ProjectRowPlaceholder />}
                </div>
              );
            })}
          </div>
        </div>
      )}
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
