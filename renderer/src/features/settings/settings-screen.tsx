import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Monitor, Moon, Sun } from 'lucide-react';
import type { Theme } from '../../../../shared/contract/settings';
import { SegmentedControl } from '../../ui/segmented-control';
import { Select } from '../../ui/select';
import { formatEndonym, formatLanguageName } from '../../../../shared/i18n/format';
import { locales, localeSchema, type Locale } from '../../../../shared/i18n/locales';
import { useRouteParams } from '../../app/routes';
import './settings.css';

/** The sections `#/settings/<section>` scrolls to (the command centre's "Settings: …" entries). */
export const settingsSections = ['appearance', 'accounts', 'notifications', 'integrity', 'updates'] as const;
export type SettingsSection = (typeof settingsSections)[number];

/** Brings the section named in the address into view with the focus on its heading, once it is drawn. */
const useSectionInView = (): void => {
  const [params] = useRouteParams();
  const section = params[0] ?? null;
  useEffect(() => {
    if (section === null) return;
    // After the frame that closed whatever navigated here (a dialog gives the focus back as it closes).
    const frame = requestAnimationFrame(() => {
      const heading = document.getElementById(`settings-${section}`)?.querySelector<HTMLElement>('h2');
      if (!heading) return;
      heading.tabIndex = -1;
      heading.scrollIntoView({ block: 'start' });
      heading.focus({ preventScroll: true });
    });
    return () => cancelAnimationFrame(frame);
  }, [section]);
};

export type AppInfo = { version: string; schemaVersion: number; host: 'electron' | 'web' };

type Props = {
  language: Locale | null;
  systemLanguage: Locale;
  info: AppInfo | null;
  onLanguageChange: (language: Locale | null) => void;
  theme: Theme;
  onThemeChange: (theme: Theme) => void;
  /** Cards of other features (account, sync problems), between the language and the about card. */
  children?: ReactNode;
};

const systemValue = 'system';

export const SettingsScreen = ({ language, systemLanguage, info, onLanguageChange, theme, onThemeChange, children }: Props) => {
  const { t, i18n } = useTranslation('settings');
  useSectionInView();
  return (
    <section className="screen settings scrollable" aria-labelledby="settings-title">
      <header className="screen-header">
        <h1 id="settings-title">{t('title')}</h1>
      </header>
      <div className="card" id="settings-appearance">
        <h2>{t('sections.appearance')}</h2>
        <Select
          label={t('language.label')}
          description={t('language.hint')}
          testId="language-select"
          value={language ?? systemValue}
          options={[
            { id: systemValue, label: t('language.system', { language: formatLanguageName(systemLanguage, i18n.language) }) },
            // Each language by its own name, so a user who cannot read the current one still finds theirs.
            ...locales.map((locale) => ({ id: locale, label: formatEndonym(locale), lang: locale })),
          ]}
          onChange={(picked) => {
            const locale = localeSchema.safeParse(picked);
            onLanguageChange(locale.success ? locale.data : null);
          }}
          className="settings-language"
        />
        <SegmentedControl
          label={t('theme.label')}
          testId="theme"
          value={theme}
          onChange={onThemeChange}
          segments={[
            { id: 'system', label: t('theme.system'), icon: <Monitor size={16} aria-hidden="true" /> },
            { id: 'light', label: t('theme.light'), icon: <Sun size={16} aria-hidden="true" /> },
            { id: 'dark', label: t('theme.dark'), icon: <Moon size={16} aria-hidden="true" /> },
          ]}
        />
      </div>
      {children}
      {info && (
        <div className="card about">
          <h2>{t('about.title')}</h2>
          <p>{t('about.version', { version: info.version })}</p>
          <p>{t('about.schema', { version: info.schemaVersion })}</p>
          {/* The web host serves tests and the browser demo: a development detail a freelancer has no use for. */}
          {info.host === 'electron' && <p>{t('about.host', { context: info.host })}</p>}
        </div>
      )}
    </section>
  );
};
