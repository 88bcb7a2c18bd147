import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../shared/contract/sync';
import { formatRelativeTime } from '../../../../shared/i18n/format';
import { useSyncProblemText } from './use-sync-problem-text';

type Props = {
  status: SyncStatus | null;
  now: Date;
  onSyncNow: () => void;
  /** The connection to the core is gone (web-host stopped): the last status says nothing any more. */
  disconnected?: boolean;
  onReconnect?: () => void;
};

const tone = (status: SyncStatus): 'ok' | 'busy' | 'warn' | 'off' => {
  if (status.phase === 'syncing') return 'busy';
  if (status.connection === 'online' && !status.lastError) return 'ok';
  if (status.connection === 'unconfigured' || status.connection === 'signed_out') return 'off';
  return 'warn';
};

/** Always visible: is the workspace current, and if not, why. */
export const SyncIndicator = ({ status, now, onSyncNow, disconnected = false, onReconnect = () => window.location.reload() }: Props) => {
  const { t, i18n } = useTranslation('sync');
  const problemText = useSyncProblemText();
  if (disconnected) {
    return (
      <div className="sync-indicator sync-down" data-testid="sync-indicator" role="alert">
        <span className="sync-dot" aria-hidden="true" />
        <span className="sync-label">{t('indicator.engineDown')}</span>
        <button type="button" className="sync-reconnect" onClick={onReconnect} data-testid="reconnect">
          {t('actions.reconnect')}
        </button>
      </div>
    );
  }
  if (!status) return null;
  const label =
    status.phase === 'syncing'
      ? t('indicator.syncing', { count: status.progress?.applied ?? 0 })
      : status.connection === 'unconfigured'
        ? t('indicator.unconfigured')
        : status.connection === 'signed_out'
          ? t('indicator.signedOut')
          : status.connection === 'offline'
            ? t('indicator.offline')
            : status.phase === 'waiting'
              ? t('indicator.waiting')
              : status.lastSyncAt
                ? t('indicator.synced', { when: formatRelativeTime(status.lastSyncAt, now, i18n.language) })
                : t('indicator.neverSynced');
  return (
    <div className={`sync-indicator sync-${tone(status)}`} data-testid="sync-indicator" role="status" title={status.lastError ? problemText(status.lastError) : undefined}>
      <span className="sync-dot" aria-hidden="true" />
      <span className="sync-label">{label}</span>
      {status.account && status.phase !== 'syncing' && (
        <button type="button" className="link-button" onClick={onSyncNow}>
          {t('actions.syncNow')}
        </button>
      )}
    </div>
  );
};
