import { useTranslation } from 'react-i18next';
import type { SearchNotice } from './use-feed-extras';

type Props = { notices: SearchNotice[]; onOpen: (id: number) => void; onDismiss: (id: number) => void };

/** In-app notice for new projects matching a saved search (where no native notification is available). */
export const SavedSearchNotices = ({ notices, onOpen, onDismiss }: Props) => {
  const { t } = useTranslation(['shell', 'feed']);
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((notice) => (
        <div key={notice.id} className="notice" data-testid="search-notice">
          <span>{t('shell:notifications.searchMatches', { count: notice.newCount, search: notice.name })}</span>
          <span className="button-row">
            <button
              type="button"
              className="small"
              onClick={() => {
                onDismiss(notice.id);
                onOpen(notice.id);
              }}
            >
              {t('feed:saved.show')}
            </button>
            <button type="button" className="secondary small" onClick={() => onDismiss(notice.id)}>
              {t('feed:saved.dismiss')}
            </button>
          </span>
        </div>
      ))}
    </div>
  );
};
