import { useTranslation } from 'react-i18next';
import { accountIdSchema, type AccountBadge } from '../../../../shared/domain/accounts';
import { Select } from '../../ui/select';

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
  const all = 'all';
  return (
    <Select
      className={className}
      inline={className === 'account-filter'}
      label={t('filter.label')}
      testId="account-filter"
      value={value[0] ?? all}
      options={[
        { id: all, label: t('filter.all') },
        ...accounts.map((account) => ({ id: account.id, label: t('filter.option', { account: account.label, platform: t(`platform.short_${account.platform}`) }) })),
      ]}
      onChange={(picked) => {
        const account = accountIdSchema.safeParse(picked);
        onChange(account.success ? [account.data] : []);
      }}
    />
  );
};
