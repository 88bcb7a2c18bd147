import type { Feature, Geometry } from 'geojson';
import { numericToAlpha2 } from 'i18n-iso-countries';
import { useEffect, useState } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export type CountryShape = { code: string | null; name: string; shape: Feature<Geometry> };

let cached: Promise<CountryShape[]> | null = null;

/**
 * Natural Earth country shapes (world-atlas, 1:50m), bundled with the app: the map never fetches tiles.
 * Read as text and parsed once, lazily, so the ~750 kB only load when the map is first shown.
 */
const loadCountries = (): Promise<CountryShape[]> =>
  (cached ??= import('world-atlas/countries-50m.json?raw').then(({ default: text }) => {
    const topology = JSON.parse(text) as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    return feature(topology, topology.objects.countries).features.map((shape) => ({
      // The atlas names countries by ISO 3166-1 numeric code; stories carry alpha-2.
      code: shape.id === undefined ? null : (numericToAlpha2(String(shape.id)) ?? null),
      name: shape.properties?.name ?? '',
      shape,
    }));
  }));

export const useWorldAtlas = (): CountryShape[] | null => {
  const [countries, setCountries] = useState<CountryShape[] | null>(null);
  useEffect(() => {
    let live = true;
    void loadCountries().then((loaded) => {
      if (live) setCountries(loaded);
    });
    return () => {
      live = false;
    };
  }, []);
  return countries;
};
