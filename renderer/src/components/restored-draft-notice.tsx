import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/i18n/format';

/** Says that a form opened with what was typed into it before (a crash, a quit, leaving it), and offers to drop it. */
export const RestoredDraftNotice = ({ savedAt, onDiscard }: { savedAt: string; onDiscard: () => void }) => {
  const { t, i18n } = useTranslation('common');
  return (
    <div className="notice draft-notice" role="status" data-testid="draft-restored">
      <span>{t('draft.restored', { when: formatDateTime(savedAt, i18n.language) })}</span>
      <button type="button" className="secondary small" data-testid="draft-discard" onClick={onDiscard}>
        {t('draft.discard')}
      </button>
    </div>
  );
};
