import { useTranslation } from 'react-i18next';
import type { StoryFacets, StoryFilter, StorySector, StorySummary } from '../../../../shared/contract/community';
import { formatDate, formatLanguageName, formatRegionName } from '../../../../shared/i18n/format';
import { isolateBidi } from '../../../../shared/domain/bidi';
import { Select, type SelectOption } from '../../ui/select';
import { Flag } from '../../ui/flag';
import { sortByLabel } from '../../ui/display-names';

/** A filter's "any" choice: no profession, sector or region is written this way. */
export const anyChoice = '*';

type ProfessionFacet = StoryFacets['professions'][number];

/** The professions to filter by, once each (a profession may come in two sectors), after "all professions". */
export const professionOptions = (facets: StoryFacets | null, allLabel: string, labelOf: (entry: ProfessionFacet) => string): SelectOption<string>[] => {
  const seen = new Map<string, SelectOption<string>>();
  for (const entry of facets?.professions ?? []) if (!seen.has(entry.profession)) seen.set(entry.profession, { id: entry.profession, label: labelOf(entry) });
  return [{ id: anyChoice, label: allLabel }, ...seen.values()];
};

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
        <Select
          hideLabel
          label={t('filters.profession')}
          testId="story-profession"
          value={filter.profession ?? anyChoice}
          options={professionOptions(facets, t('filters.allProfessions'), (entry) => t('filters.withCount', { label: entry.profession, count: entry.count }))}
          onChange={(picked) => change({ profession: picked === anyChoice ? null : picked })}
        />
        <Select
          hideLabel
          label={t('filters.sector')}
          testId="story-sector"
          value={filter.sector ?? anyChoice}
          options={[
            { id: anyChoice, label: t('filters.allSectors') },
            ...(facets?.sectors ?? []).map((entry) => ({ id: entry.sector, label: t('filters.withCount', { label: t(`sectors.${entry.sector}`), count: entry.count }) })),
          ]}
          onChange={(picked) => change({ sector: (facets?.sectors.find((entry) => entry.sector === picked)?.sector ?? null) satisfies StorySector | null })}
        />
        <Select
          hideLabel
          label={t('filters.region')}
          testId="story-region"
          value={filter.country ?? anyChoice}
          options={[
            { id: anyChoice, label: t('filters.allRegions') },
            ...sortByLabel(
              (facets?.countries ?? []).map((entry) => ({
                id: entry.country,
                label: t('filters.withCount', { label: formatRegionName(entry.country, i18n.language), count: entry.count }),
                prefix: <Flag country={entry.country} />,
              })),
              i18n.language,
            ),
          ]}
          onChange={(picked) => change({ country: picked === anyChoice ? null : picked })}
        />
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
