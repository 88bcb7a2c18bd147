import type { Contract } from '../../../shared/contract';
import { paneIds, paneSizeSchema, themeSchema, type PaneSizes, type Settings } from '../../../shared/contract/settings';
import { localeSchema } from '../../../shared/i18n/locales';
import { deleteSetting, readSetting, writeSetting } from '../db/repositories/settings-repository';
import type { DomainHandlers } from '../rpc/rpc-server';
import type { CoreContext } from './context';

const languageKey = 'ui.language';
const themeKey = 'ui.theme';
// One row per screen, beside ui.theme: `ui.pane.feed` = the list's share of the split, in percent.
const paneKey = (pane: string): string => `ui.pane.${pane}`;

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
  const getPaneSizes = (): PaneSizes => {
    const sizes: PaneSizes = {};
    for (const pane of paneIds) {
      // A row written by hand or by an older build that is not a size in range is ignored, not served.
      const size = paneSizeSchema.safeParse(Number(readSetting(db, paneKey(pane))));
      if (size.success) sizes[pane] = size.data;
    }
    return sizes;
  };
  return {
    getSettings,
    getPaneSizes,
    setPaneSize: ({ pane, listPercent }) => {
      // Rounded to a tenth of a percent: finer than a pixel at any window width, and a short row.
      writeSetting(db, paneKey(pane), String(Math.round(listPercent * 10) / 10));
      return getPaneSizes();
    },
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
