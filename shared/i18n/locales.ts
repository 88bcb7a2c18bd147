import { z } from 'zod';

export const locales = ['en', 'it', 'de', 'fr', 'es'] as const;
export const localeSchema = z.enum(locales);
export type Locale = z.infer<typeof localeSchema>;

export const defaultLocale: Locale = 'en';

/** The UI's namespaces: one JSON file per namespace per locale in shared/locales/<locale>/. */
export const namespaces = ['common', 'feed', 'settings', 'shell', 'sync', 'community', 'messages', 'clients', 'palette', 'portfolio', 'proposals', 'workspace', 'ui', 'insights', 'skills'] as const;
export type Namespace = (typeof namespaces)[number];

/** Best supported locale for a list of BCP 47 tags such as navigator.languages or app.getPreferredSystemLanguages(). */
export const matchLocale = (preferred: readonly string[]): Locale => {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    const match = locales.find((locale) => locale === base);
    if (match) return match;
  }
  return defaultLocale;
};
