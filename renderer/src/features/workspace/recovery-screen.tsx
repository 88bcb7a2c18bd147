import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecoveryResult, WorkspaceBackup, WorkspaceState } from '../../../../shared/contract/workspace';
import { formatByteSize, formatDateTime } from '../../../../shared/i18n/format';

type Recovery = Extract<WorkspaceState, { state: 'recovery' }>;

type Props = {
  state: Recovery;
  onRestore: (backup: WorkspaceBackup) => Promise<RecoveryResult>;
  onStartEmpty: () => Promise<RecoveryResult>;
  onRetry: () => Promise<RecoveryResult>;
  /** The workspace is open: load the app. */
  onOpened: () => void;
};

/**
 * Shown instead of the app when the core could not open the workspace: what happened, in the user's language,
 * and the ways forward. A damaged workspace offers its backups and an empty start (the damaged file is kept
 * either way); a workspace held by another program, a full disk or a disk error offer a retry.
 */
export const RecoveryScreen = ({ state, onRestore, onStartEmpty, onRetry, onOpened }: Props) => {
  const { t, i18n } = useTranslation('workspace');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<RecoveryResult | null>(null);

  const run = async (action: () => Promise<RecoveryResult>): Promise<void> => {
    setBusy(true);
    try {
      // A call that failed outright (the damaged file could not even be moved): a disk error, said so.
      const outcome = await action().catch((): RecoveryResult => ({ ok: false, reason: 'io_error' }));
      // Opened with nothing set aside (a retry): straight into the app; otherwise say where the damaged file went.
      if (outcome.ok && !outcome.keptAs) onOpened();
      else setResult(outcome);
    } finally {
      setBusy(false);
    }
  };

  if (result?.ok) {
    return (
      <main className="screen recovery" data-testid="recovery-screen">
        <div className="card" role="status">
          <h1>{t('recovery.title')}</h1>
          {result.keptAs && <p>{t('recovery.opened', { name: result.keptAs })}</p>}
          <button type="button" onClick={onOpened} data-testid="recovery-continue">
            {t('recovery.continue')}
          </button>
        </div>
      </main>
    );
  }

  return (
    <main className="screen recovery scrollable" data-testid="recovery-screen" aria-busy={busy}>
      <div className="card" role="alert">
        <h1>{t('recovery.title')}</h1>
        <p data-testid="recovery-reason">{t(`recovery.reason.${state.reason}`)}</p>
        {result && !result.ok && (
          <p className="form-error" data-testid="recovery-failed">
            {t(`recovery.failed.${result.reason}`)}
          </p>
        )}
        {state.reason !== 'corrupt' && (
          <div className="button-row">
            <button type="button" disabled={busy} onClick={() => void run(onRetry)}>
              {busy ? t('recovery.working') : t('recovery.retry')}
            </button>
          </div>
        )}
      </div>
      {state.reason === 'corrupt' && (
        <div className="card">
          <h2>{t('recovery.backupsTitle')}</h2>
          {state.backups.length === 0 && <p className="muted">{t('recovery.noBackups')}</p>}
          <ul className="recovery-backups">
            {state.backups.map((backup) => (
              <li key={backup.name} data-testid="recovery-backup">
                <div>
                  <strong>{t('recovery.backupMade', { date: formatDateTime(backup.createdAt, i18n.language) })}</strong>
                  <div className="muted">
                    {t('recovery.backupDetails', { size: formatByteSize(backup.sizeBytes, i18n.language), version: backup.schemaVersion })}
                  </div>
                </div>
                <button type="button" disabled={busy} onClick={() => void run(() => onRestore(backup))}>
                  {t('recovery.restore')}
                </button>
              </li>
            ))}
          </ul>
          <div className="button-row">
            <button type="button" className="secondary" disabled={busy} onClick={() => void run(onStartEmpty)}>
              {t('recovery.startEmpty')}
            </button>
          </div>
        </div>
      )}
    </main>
  );
};
