import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../shared/contract/sync';
import { formatDateTime } from '../../../../shared/i18n/format';
import { useClient } from '../../app/client-context';
import { quarantineProblemText } from './sync-problem-text';
import { useSyncProblemText } from './use-sync-problem-text';

type Quarantined = Awaited<ReturnType<ReturnType<typeof useClient>['sync']['listQuarantined']>>[number];
type Write = Awaited<ReturnType<ReturnType<typeof useClient>['sync']['listWrites']>>[number];
type Conflict = Awaited<ReturnType<ReturnType<typeof useClient>['sync']['listConflicts']>>[number];

/**
 * Everything not (yet) in step with the platform: the user's writes still waiting or refused (with a retry),
 * and records the platform sent that Bottega could not accept, with the reason. Nothing is dropped silently.
 */
export const SyncProblems = ({ status }: { status: SyncStatus | null }) => {
  const { t, i18n } = useTranslation('sync');
  const problemText = useSyncProblemText();
  const client = useClient();
  const [items, setItems] = useState<Quarantined[]>([]);
  const [writes, setWrites] = useState<Write[]>([]);
  const count = status?.quarantined ?? 0;
  const unconfirmed = (status?.pending ?? 0) + (status?.failed ?? 0) + (status?.conflicts ?? 0);
  useEffect(() => {
    if (count > 0) void client.sync.listQuarantined({ limit: 200 }).then(setItems);
  }, [client, count]);
  useEffect(() => {
    if (unconfirmed > 0) void client.sync.listWrites({ limit: 200 }).then(setWrites);
  }, [client, unconfirmed, status?.failed]);
  // Once everything is confirmed the last list fetched is stale: show none.
  // Conflicts have their own list below; the rest are writes on their way or refused.
  const shownWrites = unconfirmed > 0 ? writes.filter((write) => write.state !== 'conflict') : [];
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const conflictCount = status?.conflicts ?? 0;
  useEffect(() => {
    if (conflictCount > 0) void client.sync.listConflicts({ limit: 100 }).then(setConflicts);
  }, [client, conflictCount]);
  const shownConflicts = conflictCount > 0 ? conflicts : [];
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
                  <button type="button" onClick={() => void client.sync.resolveConflict({ id: conflict.id, choice: 'mine' })}>
                    {t('actions.keepMine')}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => void client.sync.resolveConflict({ id: conflict.id, choice: 'theirs' })}
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
                  <button type="button" className="secondary" onClick={() => void client.sync.retryWrite({ seq: write.seq })}>
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
