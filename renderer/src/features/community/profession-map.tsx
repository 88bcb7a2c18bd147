import { geoAzimuthalEqualArea, geoNaturalEarth1, geoPath, type GeoProjection } from 'd3-geo';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRegionName } from '../../../../shared/i18n/format';
import { levelOf, levels } from './map-shading';
import type { CountryShape } from './use-world-atlas';

export const mapViews = ['europe', 'world'] as const;
export type MapView = (typeof mapViews)[number];

type Props = {
  countries: CountryShape[] | null;
  counts: ReadonlyMap<string, number>;
  view: MapView;
  selected: string | null;
  onSelect: (country: string) => void;
};

const width = 720;
const height = 460;

// Europe, where most members are, gets an equal-area view of its own; the world view drops Antarctica.
const projectionFor = (view: MapView): GeoProjection =>
  view === 'europe'
    ? geoAzimuthalEqualArea()
        .rotate([-10, -52])
        .fitExtent(
          [
            [8, 8],
            [width - 8, height - 8],
          ],
          { type: 'MultiPoint', coordinates: [[-12, 35], [32, 35], [-20, 64], [40, 66], [10, 71]] },
        )
    : geoNaturalEarth1().fitExtent(
        [
          [8, 8],
          [width - 8, height - 8],
        ],
        { type: 'MultiPoint', coordinates: [[-170, -56], [180, -56], [-170, 83], [180, 83]] },
      );


/** Countries shaded by how many members of the chosen profession live there; click or Enter picks one. */
export const ProfessionMap = ({ countries, counts, view, selected, onSelect }: Props) => {
  const { t, i18n } = useTranslation('community');
  const paths = useMemo(() => {
    if (!countries) return [];
    const path = geoPath(projectionFor(view));
    return countries
      .filter((country) => view === 'europe' || country.code !== 'AQ')
      .map((country) => ({ ...country, d: path(country.shape) ?? '' }))
      .filter((country) => country.d !== '');
  }, [countries, view]);
  const max = Math.max(0, ...counts.values());
  if (!countries) return <div className="profession-map map-loading muted">{t('map.loading')}</div>;
  return (
    <svg className="profession-map" viewBox={`0 0 ${width} ${height}`} role="group" aria-label={t('map.label')} data-testid="profession-map">
      {paths.map((country) => {
        const count = country.code ? (counts.get(country.code) ?? 0) : 0;
        const name = country.code ? formatRegionName(country.code, i18n.language) : country.name;
        const clickable = country.code !== null && count > 0;
        const className = `map-country map-level-${levelOf(count, max)}${country.code !== null && country.code === selected ? ' selected' : ''}`;
        return clickable && country.code ? (
          <path
            key={country.code}
            d={country.d}
            className={className}
            role="button"
            tabIndex={0}
            aria-label={t('map.countryLabel', { name, count })}
            aria-pressed={country.code === selected}
            data-country={country.code}
            onClick={() => onSelect(country.code ?? '')}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ' ') {
                event.preventDefault();
                onSelect(country.code ?? '');
              }
            }}
          >
            <title>{t('map.countryLabel', { name, count })}</title>
          </path>
        ) : (
          <path key={country.code ?? country.name} d={country.d} className={className} aria-hidden="true" />
        );
      })}
    </svg>
  );
};

export const MapLegend = ({ max }: { max: number }) => {
  const { t } = useTranslation('community');
  return (
    <div className="map-legend" aria-hidden="true">
      <span>{t('map.legendFew')}</span>
      {Array.from({ length: levels }, (_, index) => (
        <svg key={index} className={`map-swatch map-level-${index + 1}`} viewBox="0 0 10 10">
          <rect width="10" height="10" />
        </svg>
      ))}
      <span>{t('map.legendMany', { count: max })}</span>
    </div>
  );
};
