import { createInstance, type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLocale, namespaces, type Locale } from '../../../shared/i18n/locales';

type Resources = Record<string, Record<string, Record<string, unknown>>>;

const files = import.meta.glob<Record<string, unknown>>('../../../shared/locales/*/*.json', {
  eager: true,
  import: 'default',
});

const resources = Object.entries(files).reduce<Resources>((all, [file, strings]) => {
  const match = /locales\/([a-z]{2})\/([a-z-]+)\.json$/.exec(file);
  if (match) (all[match[1]!] ??= {})[match[2]!] = strings;
  return all;
}, {});

export const setupI18n = async (language: Locale): Promise<i18n> => {
  const instance = createInstance();
  await instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: defaultLocale,
    ns: namespaces,
    defaultNS: 'common',
    // React escapes what it renders; escaping here too would show "&amp;".
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
};
