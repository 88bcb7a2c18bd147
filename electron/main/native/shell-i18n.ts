import { createInstance } from 'i18next';
import { defaultLocale, matchLocale, type Locale } from '../../../shared/i18n/locales';
import de from '../../../shared/locales/de/shell.json';
import en from '../../../shared/locales/en/shell.json';
import es from '../../../shared/locales/es/shell.json';
import fr from '../../../shared/locales/fr/shell.json';
import it from '../../../shared/locales/it/shell.json';
import type { Translate } from '../policy/menu-model';

const resources = { en: { shell: en }, it: { shell: it }, de: { shell: de }, fr: { shell: fr }, es: { shell: es } };

/** The language of menus, tray, dialogs and notifications: the app's setting, else the system's. */
export const resolveShellLocale = (setting: Locale | null, systemLanguages: readonly string[]): Locale =>
  setting ?? matchLocale(systemLanguages);

/** The main process's own i18next, over the same shared/locales files as the renderer (namespace `shell`). */
export const createShellTranslator = (locale: Locale): Translate => {
  const instance = createInstance();
  // initAsync: false makes init synchronous: the resources are already in memory.
  void instance.init({
    resources,
    lng: locale,
    fallbackLng: defaultLocale,
    ns: ['shell'],
    defaultNS: 'shell',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return (key, options) => String(instance.t(key, { ...options }));
};
