import { useTranslation } from 'react-i18next';
import type { AccountBadge, PlatformId } from '../../../../shared/domain/accounts';
import './accounts.css';

/**
 * The small mark beside a record that says which platform (and, in its tooltip and for screen readers, which
 * account) it came from. Nothing for a record no account brought (a local draft).
 */
export const PlatformBadge = ({ account, showLabel = false }: { account: AccountBadge | null | undefined; showLabel?: boolean }) => {
  const { t } = useTranslation('sync');
  if (!account) return null;
  const platform = t(`platform.${account.platform}`);
  return (
    <span
      className={`platform-badge platform-badge--${account.platform}`}
      data-testid="platform-badge"
      data-platform={account.platform}
      role="img"
      aria-label={t('badge.from', { platform, account: account.label })}
      title={t('badge.from', { platform, account: account.label })}
    >
      {t(`platform.short_${account.platform}`)}
      {showLabel && <span className="platform-badge-label">{account.label}</span>}
    </span>
  );
};

/** The platform's name alone (Settings lists, the add dialog). */
export const PlatformName = ({ platform }: { platform: PlatformId }) => {
  const { t } = useTranslation('sync');
  return (
    <span className={`platform-badge platform-badge--${platform}`} data-testid="platform-badge" data-platform={platform}>
      {t(`platform.${platform}`)}
    </span>
  );
};
