import type { Contract } from '../../../shared/contract';
import { themeSchema, type Settings } from '../../../shared/contract/settings';
import { localeSchema } from '../../../shared/i18n/locales';
import { deleteSetting, readSetting, writeSetting } from '../db/repositories/settings-repository';
import type { DomainHandlers } from '../rpc/rpc-server';
import type { CoreContext } from './context';

const languageKey = 'ui.language';
const themeKey = 'ui.theme';

export const createSettingsHandlers = ({ db, emit }: CoreContext) => {
  const getSettings = (): Settings => {
    const stored = localeSchema.safeParse(readSetting(db, languageKey));
    const theme = themeSchema.safeParse(readSetting(db, themeKey));
    return { language: stored.success ? stored.data : null, theme: theme.success ? theme.data : 'system' };
  };
  const announce = (): Settings => {
    const settings = getSettings();
    emit('settingsChanged', settings);
    return settings;
  };
  return {
    getSettings,
    setLanguage: ({ language }) => {
      if (language) writeSetting(db, languageKey, language);
      else deleteSetting(db, languageKey);
      return announce();
    },
    setTheme: ({ theme }) => {
      // 'system' is the default: stored as no row, like a language never picked.
      if (theme === 'system') deleteSetting(db, themeKey);
      else writeSetting(db, themeKey, theme);
      return announce();
    },
  } satisfies DomainHandlers<Contract, 'settings'>;
};
