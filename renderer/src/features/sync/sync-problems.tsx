import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../shared/contract/sync';
import { formatDateTime } from '../../../../shared/i18n/format';
import { useClient } from '../../app/client-context';

type Quarantined = Awaited<ReturnType<ReturnType<typeof useClient>['sync']['listQuarantined']>>[number];

/** Records the platform sent that Bottega could not accept: listed with the reason, never silently dropped. */
export const SyncProblems = ({ status }: { status: SyncStatus | null }) => {
  const { t, i18n } = useTranslation('sync');
  const client = useClient();
  const [items, setItems] = useState<Quarantined[]>([]);
  const count = status?.quarantined ?? 0;
  useEffect(() => {
    if (count > 0) void client.sync.listQuarantined({ limit: 200 }).then(setItems);
  }, [client, count]);
  return (
    <div className="card" data-testid="sync-problems">
      <h2>{t('problems.title')}</h2>
      {count === 0 ? (
        <p className="muted">{t('problems.none')}</p>
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
                <span className="problem-reason">{item.reason.split('\n')[0]}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
};
