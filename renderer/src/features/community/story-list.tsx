import { useTranslation } from 'react-i18next';
import type { StoryFacets, StoryFilter, StorySector, StorySummary } from '../../../../shared/contract/community';
import { formatDate, formatLanguageName, formatRegionName } from '../../../../shared/i18n/format';
import { isolateBidi } from '../../../../shared/domain/bidi';

export type StoryFilterState = Pick<StoryFilter, 'text' | 'profession' | 'sector' | 'country' | 'savedOnly'>;

type Props = {
  filter: StoryFilterState;
  onFilterChange: (filter: StoryFilterState) => void;
  facets: StoryFacets | null;
  stories: { total: number; items: StorySummary[] } | null;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onShowMore: () => void;
};

/** Where a member works, as the list and the reader say it: "Toscana, Italy". */
export const usePlaceLabel = () => {
  const { i18n } = useTranslation();
  return (story: Pick<StorySummary, 'region' | 'country'>): string =>
    [story.region, story.country ? formatRegionName(story.country, i18n.language) : null].filter(Boolean).join(', ');
};

export const StoryList = ({ filter, onFilterChange, facets, stories, selectedId, onSelect, onShowMore }: Props) => {
  const { t, i18n } = useTranslation('community');
  const place = usePlaceLabel();
  const change = (patch: Partial<StoryFilterState>) => onFilterChange({ ...filter, ...patch });
  return (
    <div className="community-list-pane">
      <div className="community-filters" role="search">
        <input
          type="search"
          value={filter.text}
          placeholder={t('stories.searchPlaceholder')}
          aria-label={t('stories.search')}
          data-testid="story-search"
          onChange={(event) => change({ text: event.target.value })}
        />
        <select
          aria-label={t('filters.profession')}
          value={filter.profession ?? ''}
          data-testid="story-profession"
          onChange={(event) => change({ profession: event.target.value || null })}
        >
          <option value="">{t('filters.allProfessions')}</option>
          {facets?.professions.map((entry) => (
            <option key={`${entry.profession}|${entry.sector}`} value={entry.profession}>
              {t('filters.withCount', { label: entry.profession, count: entry.count })}
            </option>
          ))}
        </select>
        <select
          aria-label={t('filters.sector')}
          value={filter.sector ?? ''}
          data-testid="story-sector"
          onChange={(event) => change({ sector: (facets?.sectors.find((entry) => entry.sector === event.target.value)?.sector ?? null) satisfies StorySector | null })}
        >
          <option value="">{t('filters.allSectors')}</option>
          {facets?.sectors.map((entry) => (
            <option key={entry.sector} value={entry.sector}>
              {t('filters.withCount', { label: t(`sectors.${entry.sector}`), count: entry.count })}
            </option>
          ))}
        </select>
        <select
          aria-label={t('filters.region')}
          value={filter.country ?? ''}
          data-testid="story-region"
          onChange={(event) => change({ country: event.target.value || null })}
        >
          <option value="">{t('filters.allRegions')}</option>
          {facets?.countries.map((entry) => (
            <option key={entry.country} value={entry.country}>
              {t('filters.withCount', { label: formatRegionName(entry.country, i18n.language), count: entry.count })}
            </option>
          ))}
        </select>
        <label className="check-field">
          <input type="checkbox" checked={filter.savedOnly} onChange={(event) => change({ savedOnly: event.target.checked })} />
          <span>{t('stories.savedOnly')}</span>
        </label>
      </div>
      {stories && (
        <p className="muted community-count" data-testid="story-count" aria-live="polite">
          {t('stories.count', { count: stories.total })}
        </p>
      )}
      {stories?.total === 0 ? (
        <div className="empty-state">
          <h2>{t('stories.empty.title')}</h2>
          <p>{t('stories.empty.body')}</p>
        </div>
      ) : (
        <ul className="community-list" aria-label={t('stories.listLabel')}>
          {stories?.items.map((story) => (
            <li key={story.id}>
              <button
                type="button"
                className="community-item"
                data-testid="story-item"
                aria-current={story.id === selectedId ? 'true' : undefined}
                onClick={() => onSelect(story.id)}
              >
                <span className="community-item-title" lang={story.language}>
                  <bdi>{story.title}</bdi>
                </span>
                <span className="community-item-meta">
                  {t('stories.byline', { name: isolateBidi(story.authorName), profession: isolateBidi(story.profession) })}
                </span>
                <span className="community-item-meta muted">
                  {[place(story), formatLanguageName(story.language, i18n.language), formatDate(story.publishedAt, i18n.language)]
                    .filter(Boolean)
                    .join(' · ')}
                  {story.saved && <span className="saved-mark"> · {t('stories.savedMark')}</span>}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {stories && stories.items.length < stories.total && (
        <button type="button" className="secondary-button" onClick={onShowMore}>
          {t('stories.showMore')}
        </button>
      )}
    </div>
  );
};
