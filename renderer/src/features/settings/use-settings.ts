import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings, Theme } from '../../../../shared/contract/settings';
import { matchLocale, type Locale } from '../../../../shared/i18n/locales';
import { useClient } from '../../app/client-context';
import { useCoreAction } from '../../data/use-core-action';

export const systemLocale = (): Locale => matchLocale(navigator.languages);

/**
 * The settings as the core holds them. Every window follows the core's settingsChanged event, so a language
 * picked anywhere applies everywhere at once.
 */
export const useSettings = (initial: Settings) => {
  const client = useClient();
  const [settings, setSettings] = useState(initial);
  useEffect(() => client.on('settingsChanged', setSettings), [client]);
  const choose = useCoreAction((core, language: Locale | null) => core.settings.setLanguage({ language })).run;
  const setLanguage = useCallback(
    async (language: Locale | null) => {
      const result = await choose(language);
      if (result.ok) setSettings(result.value);
    },
    [choose],
  );
  const chooseTheme = useCoreAction((core, theme: Theme) => core.settings.setTheme({ theme })).run;
  const setTheme = useCallback(
    async (theme: Theme) => {
      const result = await chooseTheme(theme);
      if (result.ok) setSettings(result.value);
    },
    [chooseTheme],
  );
  return { settings, setLanguage, setTheme };
};

/** Applies the chosen (or the system's) language to i18next and to the document. */
export const useAppliedLanguage = (language: Locale | null): Locale => {
  const { i18n } = useTranslation();
  const applied = language ?? systemLocale();
  useEffect(() => {
    if (i18n.language !== applied) void i18n.changeLanguage(applied);
    document.documentElement.lang = applied;
  }, [i18n, applied]);
  return applied;
};
