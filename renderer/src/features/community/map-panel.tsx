import { useTranslation } from 'react-i18next';
import type { ProfessionMap as ProfessionMapData, StoryFacets, StorySector, StorySummary } from '../../../../shared/contract/community';
import { formatRegionName } from '../../../../shared/i18n/format';
import { MapLegend, ProfessionMap, mapViews, type MapView } from './profession-map';
import { SectorChart } from './sector-chart';
import type { CountryShape } from './use-world-atlas';
import { isolateBidi } from '../../../../shared/domain/bidi';
import { Select } from '../../ui/select';
import { anyChoice, professionOptions } from './story-list';

export type MapFilter = { profession: string | null; sector: StorySector | null; country: string | null; view: MapView };

type Props = {
  filter: MapFilter;
  onFilterChange: (filter: MapFilter) => void;
  facets: StoryFacets | null;
  data: ProfessionMapData | null;
  /** The data shown is for an earlier filter; the one asked for is on its way. */
  busy: boolean;
  countries: CountryShape[] | null;
  regionStories: StorySummary[] | null;
  onOpenStory: (id: string) => void;
};

export const MapPanel = ({ filter, onFilterChange, facets, data, busy, countries, regionStories, onOpenStory }: Props) => {
  const { t, i18n } = useTranslation('community');
  const change = (patch: Partial<MapFilter>) => onFilterChange({ ...filter, ...patch });
  const counts = new Map((data?.countries ?? []).map((entry) => [entry.country, entry.count]));
  const max = Math.max(0, ...counts.values());
  return (
    <div className="map-panel">
      <div className="map-column">
        <div className="community-filters">
          <Select
            hideLabel
            label={t('filters.profession')}
            testId="map-profession"
            value={filter.profession ?? anyChoice}
            options={professionOptions(facets, t('filters.allProfessions'), (entry) => t('filters.withCount', { label: entry.profession, count: entry.count }))}
            onChange={(picked) => change({ profession: picked === anyChoice ? null : picked, country: null })}
          />
          <Select
            hideLabel
            label={t('filters.sector')}
            testId="map-sector"
            value={filter.sector ?? anyChoice}
            options={[
              { id: anyChoice, label: t('filters.allSectors') },
              ...(facets?.sectors ?? []).map((entry) => ({ id: entry.sector, label: t(`sectors.${entry.sector}`) })),
            ]}
            onChange={(picked) => change({ sector: facets?.sectors.find((entry) => entry.sector === picked)?.sector ?? null, country: null })}
          />
          <div className="segmented" role="group" aria-label={t('map.viewLabel')}>
            {mapViews.map((view) => (
              <button key={view} type="button" aria-pressed={filter.view === view} onClick={() => change({ view })}>
                {t(`map.views.${view}`)}
              </button>
            ))}
          </div>
        </div>
        <ProfessionMap countries={countries} counts={counts} view={filter.view} selected={filter.country} onSelect={(country) => change({ country })} />
        <MapLegend max={max} />
        {data && <SectorChart sectors={data.sectors} selectedProfession={filter.profession} onSelectProfession={(profession) => change({ profession, country: null })} />}
      </div>
      <aside className="map-side">
        <h2 className="reader-subtitle">{t('map.regions')}</h2>
        {data?.countries.length === 0 && <p className="muted">{t('map.noMembers')}</p>}
        <ul className="region-list" data-testid="region-list" aria-busy={busy}>
          {data?.countries.map((entry) => (
            <li key={entry.country}>
              <button
                type="button"
                aria-pressed={entry.country === filter.country}
                data-testid="region-item"
                data-country={entry.country}
                onClick={() => change({ country: entry.country === filter.country ? null : entry.country })}
              >
                <span>{formatRegionName(entry.country, i18n.language)}</span>
                <span className="muted">{t('map.members', { count: entry.count })}</span>
              </button>
            </li>
          ))}
        </ul>
        {filter.country && (
          <section aria-labelledby="region-stories-title" data-testid="region-stories">
            <h2 id="region-stories-title" className="reader-subtitle">
              {t('map.storiesFrom', { region: formatRegionName(filter.country, i18n.language) })}
            </h2>
            <ul className="community-list">
              {regionStories?.map((story) => (
                <li key={story.id}>
                  <button type="button" className="community-item" data-testid="region-story" onClick={() => onOpenStory(story.id)}>
                    <span className="community-item-title" lang={story.language}>
                      <bdi>{story.title}</bdi>
                    </span>
                    <span className="community-item-meta">{t('stories.byline', { name: isolateBidi(story.authorName), profession: isolateBidi(story.profession) })}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
      </aside>
    </div>
  );
};
