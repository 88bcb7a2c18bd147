import { useMemo } from 'react';
import type { AccountView } from '../../../../shared/contract/accounts';
import type { AccountBadge, PlatformId, SignInMethod } from '../../../../shared/domain/accounts';
import { useCoreQuery } from '../../data/use-core-query';

/** The workspace's accounts, read again whenever one is added, renamed, paused, signed in or out, or removed. */
export const useAccounts = (): { accounts: AccountView[] | undefined; refetch: () => Promise<void> } => {
  const query = useCoreQuery(['accounts.listAccounts'], (client) => client.accounts.listAccounts(), { invalidatedBy: ['accountsChanged'] });
  return { accounts: query.data ?? query.previous, refetch: query.refetch };
};

/** How each platform signs in with this build (the browser only where the build has a client id for it). */
export const useSignInMethods = (): ((platform: PlatformId) => readonly SignInMethod[]) => {
  const query = useCoreQuery(['accounts.listSignInMethods'], (client) => client.accounts.listSignInMethods(), { invalidatedBy: [] });
  const list = query.data ?? query.previous;
  return (platform) => list?.find((entry) => entry.platform === platform)?.methods ?? [];
};

/** What the lists' account filter offers: only worth showing once there is more than one account. */
export const useAccountChoices = (): AccountBadge[] => {
  const { accounts } = useAccounts();
  return useMemo(() => (accounts ?? []).map(({ id, platform, label }) => ({ id, platform, label })), [accounts]);
};
