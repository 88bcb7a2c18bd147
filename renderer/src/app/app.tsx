import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/contract/settings';
import type { ProjectSort } from '../../../shared/domain/project';
import { FeedScreen, useNow } from '../features/feed/feed-screen';
import { useProjectFeed } from '../features/feed/use-project-feed';
import { SectionIntro } from '../features/sections/section-intro';
import { SettingsScreen, type AppInfo } from '../features/settings/settings-screen';
import { UpdateBanner } from '../features/updates/update-banner';
import { AccountCard } from '../features/sync/account-card';
import { FirstSyncProgress } from '../features/sync/first-sync-progress';
import { SyncIndicator } from '../features/sync/sync-indicator';
import { SyncProblems } from '../features/sync/sync-problems';
import { useSyncStatus } from '../features/sync/use-sync-status';
import { systemLocale, useAppliedLanguage, useSettings } from '../features/settings/use-settings';
import { AppShell } from './app-shell';
import { useClient } from './client-context';
import { useSection, type Section } from './routes';

const FeedRoute = ({ now }: { now: Date }) => {
  const [sort, setSort] = useState<ProjectSort>('newest');
  const { feed } = useProjectFeed(sort);
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
  const now = useNow();
  const sync = useSyncStatus();

  const screens: Record<Section, () => ReactNode> = {
    feed: () => <FeedRoute now={now} />,
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
      >
        <AccountCard
          status={sync.status}
          onSignIn={sync.signIn}
          onSignOut={() => void sync.signOut()}
          onSyncNow={() => void sync.syncNow()}
        />
        <SyncProblems status={sync.status} />
      </SettingsScreen>
    ),
  };

  return (
    <AppShell
      section={section}
      onNavigate={navigate}
      banner={
        disconnected ? (
          <DisconnectedBanner />
        ) : (
          <>
            <UpdateBanner />
            <FirstSyncProgress status={sync.status} />
          </>
        )
      }
      footer={<SyncIndicator status={sync.status} now={now} onSyncNow={() => void sync.syncNow()} />}
    >
      {screens[section]()}
    </AppShell>
  );
};
