import { useTranslation } from 'react-i18next';
import type { ProposalSummary } from '../../../../shared/contract/proposals';
import { formatMoney } from '../../../../shared/i18n/format';
import { PlatformBadge } from '../accounts/platform-badge';

/** The proposals found, newest first; the open one marked. */
export const ProposalList = ({ items, openId, onOpen }: { items: ProposalSummary[]; openId: string | null; onOpen: (id: string) => void }) => {
  const { t, i18n } = useTranslation('proposals');
  // One line (client · price · languages · pending), cut with an ellipsis in a narrow list and whole in its title.
  const previewOf = (item: ProposalSummary): string =>
    [
      item.clientName ?? t('unknownClient'),
      item.amountMinor !== null ? formatMoney(item.amountMinor, item.currency, i18n.language) : null,
      item.locales.map((locale) => locale.toUpperCase()).join(' '),
      item.pending ? t('pending') : null,
    ]
      .filter((part) => part !== null)
      .join(' · ');
  if (items.length === 0) {
    return (
      <div className="empty-state" data-testid="proposals-empty">
        <h2>{t('empty.title')}</h2>
        <p>{t('empty.body')}</p>
      </div>
    );
  }
  return (
    <ul className="proposal-list" aria-label={t('listLabel')}>
      {items.map((item) => (
        <li key={item.id}>
          <button type="button" className={`thread-row${item.id === openId ? ' selected' : ''}`} data-testid="proposal-row" onClick={() => onOpen(item.id)}>
            <span className="thread-top">
              <span className="thread-who">
                <span className="thread-name" title={item.projectTitle ?? item.projectId}>
                  {item.projectTitle ?? item.projectId}
                </span>
              </span>
              <span className="thread-meta">
                <PlatformBadge account={item.account} />
                <span className={`status-badge status-${item.status}`}>{t(`status.${item.status}`, { defaultValue: item.status })}</span>
              </span>
            </span>
            <span className="thread-preview muted" title={previewOf(item)}>
              {previewOf(item)}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
};
