import { useTranslation } from 'react-i18next';
import type { StorageProblem } from '../../../../shared/contract/workspace';

/** What the core reported: the fault, and whether a call or sync met it. */
export type StorageNotice = { problem: StorageProblem; source: 'call' | 'sync' };

type Props = { problem: StorageNotice; onRetry: () => void; onDismiss: () => void };

/** A write failed for a storage reason and changed nothing: what to do, in the user's language. */
export const StorageProblemBanner = ({ problem, onRetry, onDismiss }: Props) => {
  const { t } = useTranslation('workspace');
  return (
    <div className="banner banner-error" role="alert" data-testid="storage-problem">
      <span>{problem.source === 'sync' && problem.problem === 'disk_full' ? t('storage.syncPaused') : t(`storage.${problem.problem}`)}</span>
      <div className="button-row">
        <button type="button" onClick={onRetry}>
          {t('storage.retry')}
        </button>
        <button type="button" className="secondary" onClick={onDismiss}>
          {t('storage.dismiss')}
        </button>
      </div>
    </div>
  );
};
