import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/contract/settings';
import { AttentionCard } from '../features/attention/attention-card';
import { useAttention } from '../features/attention/use-attention';
import { ClientsRoute } from '../features/clients/clients-route';
import { CommunityRoute } from '../features/community/community-route';
import { FeedRoute } from '../features/feed/feed-route';
import { InsightsRoute } from '../features/insights/insights-route';
import { useNow } from '../features/feed/feed-screen';
import { SavedSearchNotices } from '../features/feed/saved-search-notices';
import { useSavedSearchNotices } from '../features/feed/use-feed-extras';
import { MessagesRoute } from '../features/messages/messages-route';
import { CommandPalette } from '../features/palette/command-palette';
import { PortfolioRoute } from '../features/portfolio/portfolio-route';
import { ProposalsRoute } from '../features/proposals/proposals-route';
import { SettingsScreen, type AppInfo } from '../features/settings/settings-screen';
import { UpdateBanner } from '../features/updates/update-banner';
import { UpdatesCard } from '../features/updates/updates-card';
import { useUpdateState } from '../features/updates/use-update-state';
import { AccountsCard } from '../features/accounts/accounts-card';
import { FirstSyncProgress } from '../features/sync/first-sync-progress';
import { SyncIndicator } from '../features/sync/sync-indicator';
import { SyncProblems } from '../features/sync/sync-problems';
import { useSyncStatus } from '../features/sync/use-sync-status';
import { useSyncNowFeedback } from '../features/sync/use-sync-now-feedback';
import { IntegrityCard } from '../features/workspace/integrity-card';
import { useIntegrityCheck } from '../features/workspace/use-integrity-check';
import { SignInLostNotice } from '../features/workspace/sign-in-lost-notice';
import { StorageProblemBanner, type StorageNotice } from '../features/workspace/storage-problem-banner';
import { useStorageProblem } from '../features/workspace/use-storage-problem';
import { systemLocale, useAppliedLanguage, useSettings } from '../features/settings/use-settings';
import { NoticeRegion } from '../data/notices';
import { RouteBoundary } from '../data/route-boundary';
import { useCoreQuery } from '../data/use-core-query';
import { useAppliedTheme } from '../ui/theme';
import { AppShell } from './app-shell';
import { useSection, type Section } from './routes';

const useAppInfo = (): AppInfo | null => useCoreQuery(['app.getInfo'], (client) => client.app.getInfo(), { invalidatedBy: [] }).data ?? null;

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
  const { settings, setLanguage, setTheme } = useSettings(initialSettings);
  const appliedLanguage = useAppliedLanguage(settings.language);
  useAppliedTheme(settings.theme);
  const info = useAppInfo();
  const attention = useAttention(info?.host ?? null);
  const now = useNow();
  const sync = useSyncStatus();
  // Every "Sync now" (settings, the sidebar, the command centre) ends in a toast that says how it went.
  const syncNow = useSyncNowFeedback(sync.status, sync.syncNow);
  const updates = useUpdateState();
  const searchNotices = useSavedSearchNotices();
  const storage = useStorageProblem();
  const checkIntegrity = useIntegrityCheck();
  // Sync paused on a full disk stays said after a reload too (the event that announced it is gone by then).
  const storageNotice = storage.problem ?? (sync.status?.pausedFor === 'disk_full' && !storage.dismissed ? ({ problem: 'disk_full', source: 'sync' } satisfies StorageNotice) : null);

  const screens: Record<Section, () => ReactNode> = {
    feed: () => <FeedRoute now={now} />,
    clients: () => <ClientsRoute now={now} />,
    messages: () => <MessagesRoute now={now} />,
    proposals: () => <ProposalsRoute />,
    insights: () => <InsightsRoute />,
    portfolio: () => <PortfolioRoute />,
    community: () => <CommunityRoute now={now} />,
    settings: () => (
      <SettingsScreen
        language={settings.language}
        systemLanguage={systemLocale()}
        info={info}
        onLanguageChange={(language) => void setLanguage(language)}
        theme={settings.theme}
        onThemeChange={(theme) => void setTheme(theme)}
      >
        {/* Anchors for the command centre's "Settings: …" entries (#/settings/<section>). */}
        <div id="settings-accounts" className="settings-anchor">
          <AccountsCard status={sync.status} now={now} onSignIn={sync.signIn} onSyncNow={() => void syncNow.syncNow()} />
        </div>
        <SyncProblems status={sync.status} />
        <div id="settings-notifications" className="settings-anchor">
          <AttentionCard preferences={attention.preferences} host={info?.host ?? null} onChange={(patch) => void attention.update(patch)} />
        </div>
        <div id="settings-integrity" className="settings-anchor">
          <IntegrityCard onCheck={checkIntegrity} />
        </div>
        <div id="settings-updates" className="settings-anchor">
          <UpdatesCard
            state={updates.state}
            onChannelChange={(channel) => void updates.setChannel(channel)}
            onCheckNow={() => void updates.checkNow()}
          />
        </div>
      </SettingsScreen>
    ),
  };

  return (
    <AppShell
      section={section}
      onNavigate={navigate}
      counts={{ messages: attention.unread?.messages ?? 0 }}
      banner={
        disconnected ? (
          <DisconnectedBanner />
        ) : (
          <>
            <NoticeRegion />
            {storageNotice && <StorageProblemBanner problem={storageNotice} onRetry={storage.retry} onDismiss={storage.dismiss} />}
            <UpdateBanner />
            <FirstSyncProgress status={sync.status} />
            {sync.status?.savedSignInLost && !sync.status.account && <SignInLostNotice onSignIn={() => navigate('settings')} />}
            <SavedSearchNotices
              notices={searchNotices.notices}
              onDismiss={searchNotices.dismiss}
              onOpen={(id) => {
                window.location.hash = `#/feed/saved/${id}`;
              }}
            />
          </>
        )
      }
      footer={<SyncIndicator status={sync.status} now={now} onSyncNow={() => void syncNow.syncNow()} disconnected={disconnected} />}
    >
      <RouteBoundary key={section}>{screens[section]()}</RouteBoundary>
      <CommandPalette
        theme={settings.theme}
        onThemeChange={(theme) => void setTheme(theme)}
        language={appliedLanguage}
        onLanguageChange={(language) => void setLanguage(language)}
        onSyncNow={() => void syncNow.syncNow()}
      />
    </AppShell>
  );
};
