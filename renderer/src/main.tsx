// First: configures zod before any schema of the contract is built.
import './platform/no-eval';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { contract } from '../../shared/contract';
import type { PaneSizes, Settings } from '../../shared/contract/settings';
import { createClient } from '../../shared/rpc/bridge';
import type { WorkspaceState } from '../../shared/contract/workspace';
import { App } from './app/app';
import { NoticeProvider } from './data/notices';
import { ClientProvider } from './app/client-context';
import { IncompleteLink } from './app/incomplete-link';
import { PaneSizesProvider } from './features/settings/pane-sizes';
import { systemLocale } from './features/settings/use-settings';
import { RecoveryScreen } from './features/workspace/recovery-screen';
import { setupI18n } from './i18n/setup-i18n';
import { connect, type Connection } from './platform/connect';
import { UiProvider } from './ui/ui-provider';
import './ui/tokens.css';
import './ui/components.css';
import './styles.css';

const useDisconnected = (connection: Connection): boolean => {
  const [disconnected, setDisconnected] = useState(false);
  useEffect(() => connection.onDisconnect(() => setDisconnected(true)), [connection]);
  return disconnected;
};

const Root = ({ connection, settings }: { connection: Connection; settings: Settings }) => (
  <App initialSettings={settings} disconnected={useDisconnected(connection)} />
);

const start = async (): Promise<void> => {
  const connection = connect();
  if (!connection) {
    const i18n = await setupI18n(systemLocale());
    document.documentElement.lang = i18n.language;
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <IncompleteLink />
        </I18nextProvider>
      </StrictMode>,
    );
    return;
  }
  const client = createClient(contract, connection.bridge);
  // A workspace the core could not open (damaged, locked, no room): the recovery screen instead of the app.
  const workspace: WorkspaceState = await client.workspace.getState().catch(() => ({ state: 'ready' as const }));
  if (workspace.state === 'recovery') {
    const i18n = await setupI18n(systemLocale());
    document.documentElement.lang = i18n.language;
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <RecoveryScreen
            state={workspace}
            onRestore={(backup) => client.workspace.restoreBackup({ name: backup.name })}
            onStartEmpty={() => client.workspace.startEmpty()}
            onRetry={() => client.workspace.retryOpen()}
            onOpened={() => window.location.reload()}
          />
        </I18nextProvider>
      </StrictMode>,
    );
    return;
  }
  const [settings, paneSizes] = await Promise.all([
    client.settings.getSettings().catch((): Settings => ({ language: null, theme: 'system' })),
    // The list/detail splits as the user left them, before the first paint (a screen would jump to its width).
    client.settings.getPaneSizes().catch((): PaneSizes => ({})),
  ]);
  // Load the right language before the first paint: no flash of English for an Italian user.
  const i18n = await setupI18n(settings.language ?? systemLocale());
  document.documentElement.lang = i18n.language;
  document.documentElement.dataset['theme'] = settings.theme;
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ClientProvider client={client}>
        <I18nextProvider i18n={i18n}>
          <UiProvider>
            <NoticeProvider>
              <PaneSizesProvider initial={paneSizes}>
                <Root connection={connection} settings={settings} />
              </PaneSizesProvider>
            </NoticeProvider>
          </UiProvider>
        </I18nextProvider>
      </ClientProvider>
    </StrictMode>,
  );
};

void start();
