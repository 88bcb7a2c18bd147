import type { Contract } from '../../../shared/contract';
import type { DomainHandlers } from '../rpc/rpc-server';
import type { CoreContext } from './context';

export const createAccountsHandlers = ({ accounts }: CoreContext) =>
  ({
    listAccounts: () => accounts.list(),
    addAccount: (input) => accounts.add(input),
    signInAccount: ({ id, credentials }) => accounts.signIn(id, credentials),
    signOutAccount: ({ id }) => accounts.signOut(id),
    renameAccount: ({ id, label }) => accounts.rename(id, label),
    setAccountState: ({ id, state }) => accounts.setState(id, state),
    setFollowUpDays: ({ id, days }) => accounts.setFollowUpDays(id, days),
    removeAccount: ({ id }) => accounts.remove(id),
    exportAccountDrafts: ({ id }) => accounts.exportDrafts(id),
    listSignInMethods: () => accounts.signInMethods(),
    signInWithBrowser: (request) => accounts.signInWithBrowser(request),
    cancelBrowserSignIn: ({ flowId }) => accounts.cancelBrowserSignIn(flowId),
  }) satisfies DomainHandlers<Contract, 'accounts'>;
