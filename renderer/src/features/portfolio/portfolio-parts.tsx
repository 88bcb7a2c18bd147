import { useTranslation } from 'react-i18next';
import type { SyncProblem } from '../../../../shared/contract/sync-problem';
import { useSyncProblemText } from '../sync/use-sync-problem-text';
import { useImage, useRetryImageDownload } from './use-portfolio';

/**
 * An image by its hash: drawn from the workspace's copy, or a placeholder saying it is on its way from the
 * platform, or that it could not be brought here (with the reason and a retry). Never a broken image.
 */
export const Thumbnail = ({ hash, alt, className = 'pf-thumb' }: { hash: string; alt: string; className?: string }) => {
  const { t } = useTranslation('portfolio');
  const retry = useRetryImageDownload();
  const image = useImage(hash);
  if (image.kind === 'ready') return <img className={className} src={image.url} alt={alt} />;
  if (image.kind === 'failed') {
    return (
      <span className={`${className} pf-thumb-empty pf-thumb-failed`} role="group" aria-label={alt} title={image.reason ?? undefined} data-testid="image-failed">
        <span className="pf-thumb-note">{t(`download.problem.${image.problem}`)}</span>
        <button
          type="button"
          className="pf-thumb-retry"
          aria-label={t('download.retry')}
          title={t('download.retry')}
          onClick={() => void retry(hash)}
        >
          ↻
        </button>
      </span>
    );
  }
  return (
    <span className={`${className} pf-thumb-empty`} role="img" aria-label={alt} aria-busy={image.kind !== 'missing'} data-testid="image-placeholder">
      {image.kind === 'downloading' && <span className="pf-thumb-note">{t('download.waiting')}</span>}
    </span>
  );
};

/** What the platform refused about an item (or the profile), in its words, and the way to send it again. */
export const SyncFailure = ({ problem, onRetry }: { problem: SyncProblem; onRetry: () => void }) => {
  const { t } = useTranslation('portfolio');
  const reason = useSyncProblemText()(problem);
  return (
    <span className="pf-failure" role="status" data-testid="sync-failure">
      <span>{t('syncFailed', { reason })}</span>
      <button type="button" className="secondary" onClick={onRetry}>
        {t('retrySend')}
      </button>
    </span>
  );
};
