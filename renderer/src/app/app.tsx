import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/contract/settings';
import type { ProjectSort } from '../../../shared/domain/project';
import { FeedScreen, useNow } from '../features/feed/feed-screen';
import { useProjectFeed } from '../features/feed/use-project-feed';
import { SectionIntro } from '../features/sections/section-intro';
import { SettingsScreen, type AppInfo } from '../features/settings/settings-screen';
import { UpdateBanner } from '../features/updates/update-banner';
import { systemLocale, useAppliedLanguage, useSettings } from '../features/settings/use-settings';
import { AppShell } from './app-shell';
import { useClient } from './client-context';
import { useSection, type Section } from './routes';

const FeedRoute = () => {
  const [sort, setSort] = useState<ProjectSort>('newest');
  const { feed } = useProjectFeed(sort);
  const now = useNow();
  return <FeedScreen feed={feed} sort={sort} onSortChange={setSort} now={now} />;
};

const useAppInfo = (): AppInfo | null => {
  const client = useClient();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void client.app.getInfo().then(setInfo);
  }, [client]);
  return info;
};

const DisconnectedBanner = () => {
  const { t } = useTranslation();
  return (
    <div className="banner banner-error" role="alert">
      <span>{t('state.offlineCore')}</span>
      <button type="button" onClick={() => window.location.reload()}>
        {t('state.reload')}
      </button>
    </div>
  );
};

type Props = { initialSettings: Settings; disconnected: boolean };

export const App = ({ initialSettings, disconnected }: Props) => {
  const [section, navigate] = useSection();
  const { settings, setLanguage } = useSettings(initialSettings);
  useAppliedLanguage(settings.language);
  const info = useAppInfo();

  const screens: Record<Section, () => React.ReactNode> = {
    feed: () => <FeedRoute />,
    clients: () => <SectionIntro section="clients" />,
    messages: () => <SectionIntro section="messages" />,
    proposals: () => <SectionIntro section="proposals" />,
    portfolio: () => <SectionIntro section="portfolio" />,
    settings: () => (
      <SettingsScreen
        language={settings.language}
        systemLanguage={systemLocale()}
        info={info}
        onLanguageChange={(language) => void setLanguage(language)}
      />
    ),
  };

  return (
    <AppShell section={section} onNavigate={navigate} banner={disconnected ? <DisconnectedBanner /> : <UpdateBanner />}>
      {screens[section]()}
    </AppShell>
  );
};
