import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeUpdateBanner } from './update-banner-model';
import { useDeepLinks } from './use-deep-links';
import { useUpdateState } from './use-update-state';
import './update-banner.css';

/** Background download progress, then a quiet "restart now": the update otherwise installs when the app quits. */
export const UpdateBanner = () => {
  const { t, i18n } = useTranslation('shell');
  const { state, restartNow, checkNow } = useUpdateState();
  const [dismissed, setDismissed] = useState<string | null>(null);
  useDeepLinks();
  const model = describeUpdateBanner(state, dismissed);

  if (model.kind === 'downloading') {
    return (
      <div className="banner update-banner" role="status" data-testid="update-banner">
        <span>{t('updates.downloading', { version: model.version, percent: model.percent })}</span>
        <progress max={100} value={model.percent} aria-label={t('updates.progressLabel')} />
      </div>
    );
  }
  if (model.kind === 'ready') {
    return (
      <div className="banner update-banner" role="status" data-testid="update-banner">
        <span>{t('updates.ready', { version: model.version })}</span>
        <span className="update-actions">
          <button type="button" onClick={() => void restartNow()}>
            {t('updates.restartNow')}
          </button>
          <button type="button" onClick={() => setDismissed(model.version)}>
            {t('updates.later')}
          </button>
        </span>
      </div>
    );
  }
  if (model.kind === 'failed') {
    const time = model.retryAt === null ? null : new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' }).format(model.retryAt);
    return (
      <div className="banner banner-error" role="alert" data-testid="update-banner">
        <span>
          {t(`updates.failed.${model.reason}`)} {time ? t('updates.retryAt', { time }) : null}
        </span>
        <button type="button" onClick={() => void checkNow()}>
          {t('updates.checkNow')}
        </button>
      </div>
    );
  }
  return null;
};
