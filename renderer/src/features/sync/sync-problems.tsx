import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../shared/contract/sync';
import { formatDateTime } from '../../../../shared/i18n/format';
import { quarantineProblemText } from './sync-problem-text';
import { useSyncProblemText } from './use-sync-problem-text';
import { useSyncProblems } from './use-sync-problems';

/**
 * Everything not (yet) in step with the platform: the user's writes still waiting or refused (with a retry),
 * and records the platform sent that Bottega could not accept, with the reason. Nothing is dropped silently.
 */
export const SyncProblems = ({ status }: { status: SyncStatus | null }) => {
  const { t, i18n } = useTranslation('sync');
  const problemText = useSyncProblemText();
  const { quarantined: count, items, writes: shownWrites, conflicts: shownConflicts, resolveConflict, retryWrite, pending } = useSyncProblems(status);
  return (
    <div className="card" data-testid="sync-problems">
      <h2>{t('problems.title')}</h2>
      {shownConflicts.length > 0 && (
        <>
          <p>{t('problems.conflicts', { count: shownConflicts.length })}</p>
          <ul className="problem-list" data-testid="conflicts">
            {shownConflicts.map((conflict) => (
              <li key={conflict.id}>
                <span className="problem-what">
                  {t(`recordType.${conflict.entityType}`, { defaultValue: conflict.entityType })} ·{' '}
                  <code>{conflict.entityId}</code>
                </span>
                <span className="button-row">
                  <button type="button" disabled={pending} onClick={() => void resolveConflict(conflict.id, 'mine')}>
                    {t('actions.keepMine')}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    disabled={pending}
                    onClick={() => void resolveConflict(conflict.id, 'theirs')}
                  >
                    {t('actions.takeTheirs')}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {shownWrites.length > 0 && (
        <>
          <p>{t('problems.writes', { count: shownWrites.length })}</p>
          <ul className="problem-list" data-testid="unconfirmed-writes">
            {shownWrites.map((write) => (
              <li key={write.seq}>
                <span className="problem-what">
                  {t(`recordType.${write.entityType}`, { defaultValue: write.entityType })} ·{' '}
                  {t(`writeState.${write.state}`)}
                </span>
                {write.state === 'failed' ? (
                  <button type="button" className="secondary" disabled={pending} onClick={() => void retryWrite(write.seq)}>
                    {t('actions.retry')}
                  </button>
                ) : (
                  <span className="muted">{formatDateTime(write.createdAt, i18n.language)}</span>
                )}
                {write.lastError && <span className="problem-reason">{problemText(write.lastError)}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {count === 0 ? (
        shownWrites.length === 0 && shownConflicts.length === 0 && <p className="muted">{t('problems.none')}</p>
      ) : (
        <>
          <p>{t('problems.quarantined', { count })}</p>
          <ul className="problem-list">
            {items.map((item) => (
              <li key={item.id}>
                <span className="problem-what">
                  {t(`recordType.${item.type}`, { defaultValue: item.type })} · <code>{item.recordId}</code>
                </span>
                <span className="muted">{formatDateTime(item.receivedAt, i18n.language)}</span>
                <span className="problem-reason" title={item.reason}>
                  {quarantineProblemText(t, item.problem)}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
};
