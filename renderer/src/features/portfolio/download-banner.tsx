import { useTranslation } from 'react-i18next';
import { useImageDownloads, useRetryImageDownload } from './use-portfolio';

/** How far the core has come bringing images only the platform holds; failed ones can be asked for again. */
export const DownloadBanner = () => {
  const { t } = useTranslation('portfolio');
  const retry = useRetryImageDownload();
  const progress = useImageDownloads();
  if (!progress) return null;
  if (progress.active && progress.total > progress.done) {
    return (
      <div className="pf-banner" role="status" data-testid="image-downloads">
        <span>{t('download.progress', { done: progress.done, total: progress.total })}</span>
        <progress max={progress.total} value={progress.done} />
      </div>
    );
  }
  if (progress.failed === 0) return null;
  return (
    <div className="pf-banner pf-banner-failed" role="status" data-testid="image-downloads">
      <span>{t('download.failed', { count: progress.failed })}</span>
      <button type="button" className="secondary" onClick={() => void retry(null)}>
        {t('download.retryAll')}
      </button>
    </div>
  );
};
