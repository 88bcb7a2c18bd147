import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../shared/contract/sync';

/**
 * The first sync can be hundreds of thousands of records: show that it is moving and how fast. The feed
 * does not tell the total in advance, so the bar is indeterminate and the count is exact.
 */
export const FirstSyncProgress = ({ status }: { status: SyncStatus | null }) => {
  const { t } = useTranslation('sync');
  const progress = status?.progress;
  if (!progress?.initial) return null;
  return (
    <div className="first-sync" role="progressbar" aria-busy="true" aria-label={t('firstSync.title')} data-testid="first-sync">
      <div className="first-sync-text">
        <strong>{t('firstSync.title')}</strong>
        <span>{t('firstSync.applied', { count: progress.applied })}</span>
        {progress.ratePerSecond !== null && <span className="muted">{t('firstSync.rate', { rate: progress.ratePerSecond })}</span>}
      </div>
      <div className="progress-track">
        <div className="progress-indeterminate" />
      </div>
    </div>
  );
};
