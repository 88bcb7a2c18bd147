import { useTranslation } from 'react-i18next';
import { accountIdSchema, type AccountBadge } from '../../../../shared/domain/accounts';

type Props = {
  accounts: readonly AccountBadge[];
  /** The accounts shown; empty: all of them. */
  value: readonly string[];
  onChange: (accountIds: string[]) => void;
  /** The feed's filters stack their labels above the control: they pass their own class. */
  className?: string;
};

/**
 * Narrows a list to one account's records. Hidden while the workspace has one account or none (there is
 * nothing to narrow), unless a filter is still set (so it can be cleared).
 */
export const AccountFilter = ({ accounts, value, onChange, className = 'account-filter' }: Props) => {
  const { t } = useTranslation('sync');
  if (accounts.length < 2 && value.length === 0) return null;
  const selected = value[0] ?? '';
  return (
    <label className={className}>
      <span className={className === 'account-filter' ? 'field-label' : undefined}>{t('filter.label')}</span>
      <select
        data-testid="account-filter"
        value={selected}
        onChange={(event) => {
          const picked = accountIdSchema.safeParse(event.target.value);
          onChange(picked.success ? [picked.data] : []);
        }}
      >
        <option value="">{t('filter.all')}</option>
        {accounts.map((account) => (
          <option key={account.id} value={account.id}>
            {t('filter.option', { account: account.label, platform: t(`platform.short_${account.platform}`) })}
          </option>
        ))}
      </select>
    </label>
  );
};
