import type { Contract } from '../../../shared/contract';
import type { Settings } from '../../../shared/contract/settings';
import { localeSchema } from '../../../shared/i18n/locales';
import { deleteSetting, readSetting, writeSetting } from '../db/repositories/settings-repository';
import type { DomainHandlers } from '../rpc/rpc-server';
import type { CoreContext } from './context';

const languageKey = 'ui.language';

export const createSettingsHandlers = ({ db, emit }: CoreContext) => {
  const getSettings = (): Settings => {
    const stored = localeSchema.safeParse(readSetting(db, languageKey));
    return { language: stored.success ? stored.data : null };
  };
  return {
    getSettings,
    setLanguage: ({ language }) => {
      if (language) writeSetting(db, languageKey, language);
      else deleteSetting(db, languageKey);
      const settings = getSettings();
      emit('settingsChanged', settings);
      return settings;
    },
  } satisfies DomainHandlers<Contract, 'settings'>;
};
