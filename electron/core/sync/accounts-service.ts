import type { AccountSignInResult, AccountView } from '../../../shared/contract/accounts';
import type { AccountId, PlatformId } from '../../../shared/domain/accounts';
import { RpcError } from '../../../shared/rpc/errors';
import type { Credentials } from '../connectors/connector';
import { connectors as defaultConnectors, type ConnectorRegistry } from '../connectors/registry';
import type { WritableDB } from '../db/database';
import {
  insertAccount,
  listAccountDrafts,
  listAccounts,
  readAccount,
  removeAccountRecords,
  removeAccountRecordsGradually,
  updateAccount,
  type AccountDraft,
  type AccountRow,
  type RemovedAccountRecords,
} from '../db/repositories/accounts-repository';
import { sameUrl, type SyncService } from './sync-service';

export type AccountsService = {
  list(): AccountView[];
  add(input: { platform: PlatformId; baseUrl?: string; label?: string; credentials: Credentials }): Promise<AccountSignInResult>;
  signIn(id: AccountId, credentials: Credentials): Promise<AccountSignInResult>;
  signOut(id: AccountId): Promise<AccountView>;
  rename(id: AccountId, label: string): AccountView;
  setState(id: AccountId, state: AccountRow['state']): AccountView;
  remove(id: AccountId): Promise<RemovedAccountRecords & { id: AccountId }>;
  exportDrafts(id: AccountId): AccountDraft[];
};

/**
 * Adding, signing in and out, renaming, pausing and removing accounts. The sync service runs them; this only
 * changes what they are and tells it. Every change is announced (`onChanged`) so lists of accounts read again.
 */
export const createAccountsService = (options: {
  db: WritableDB;
  sync: SyncService;
  connectors?: ConnectorRegistry;
  /** The reference platform this app was started with: a `bottega` account added without an address goes there. */
  platformUrl?: string | null;
  now?: () => Date;
  onChanged: () => void;
}): AccountsService => {
  const { db, sync } = options;
  const registry: ConnectorRegistry = options.connectors ?? defaultConnectors;
  const now = options.now ?? (() => new Date());

  const viewOf = (account: AccountRow): AccountView => {
    const connector = registry[account.platform];
    const { position: _position, ...rest } = account;
    return {
      ...rest,
      capabilities: connector.capabilities,
      signInMethods: [...connector.signInMethods],
      sync: sync.status().accounts.find((status) => status.id === account.id) ?? null,
    };
  };

  const find = (id: AccountId): AccountRow => {
    const account = readAccount(db, id);
    if (!account) throw new RpcError({ code: 'not_found', message: 'No account with that id.' });
    return account;
  };

  const changed = (id: AccountId): AccountView => {
    sync.refresh();
    options.onChanged();
    return viewOf(find(id));
  };

  /** Signs the account in; a user already there as another account of the same platform and server is refused. */
  const signIn = async (account: AccountRow, credentials: Credentials, options: { nameAfterUser?: boolean } = {}): Promise<AccountSignInResult> => {
    const connector = registry[account.platform];
    const runner = sync.attach(account);
    const method = credentials.kind === 'oauth_code' ? 'oauth_pkce' : credentials.kind;
    if (!connector.signInMethods.includes(method)) return { ok: false, reason: 'unsupported' };
    const result = await runner.signIn(credentials);
    if (!result.ok) return { ok: false, reason: result.reason };
    const twin =
      result.platformUserId !== null &&
      listAccounts(db).find(
        (other) =>
          other.id !== account.id &&
          other.platform === account.platform &&
          sameUrl(other.baseUrl, account.baseUrl) &&
          other.platformUserId === result.platformUserId,
      );
    if (twin) {
      await runner.signOut();
      return { ok: false, reason: 'already_added' };
    }
    db.transaction(() =>
      updateAccount(db, account.id, {
        ...(result.platformUserId !== null ? { platformUserId: result.platformUserId } : {}),
        // An account added without a name is called what its platform calls the user (an email, a user name).
        ...(options.nameAfterUser ? { label: result.label.trim().slice(0, 80) || account.label } : {}),
      }),
    ).immediate();
    return { ok: true, account: changed(account.id) };
  };

  return {
    list: () => listAccounts(db).map(viewOf),
    add: async ({ platform, baseUrl, label, credentials }) => {
      const connector = registry[platform];
      const url = baseUrl ?? connector.defaultBaseUrl ?? (platform === 'bottega' ? options.platformUrl || null : null);
      if (!url) return { ok: false, reason: 'base_url_required' };
      const fallbackLabel = credentials.kind === 'password' ? credentials.email : platform === 'bottega' ? 'Bottega' : 'Freelancer';
      const account = db
        .transaction(() => insertAccount(db, { platform, baseUrl: url, label: (label ?? fallbackLabel).slice(0, 80), now: now() }))
        .immediate();
      const result = await signIn(account, credentials, { nameAfterUser: label === undefined });
      if (!result.ok) {
        // A failed first sign-in adds nothing: the account and what its runner wrote (its state) go again.
        sync.detach(account.id);
        removeAccountRecords(db, account.id);
        sync.refresh();
      }
      return result;
    },
    signIn: async (id, credentials) => signIn(find(id), credentials),
    signOut: async (id) => {
      find(id);
      await sync.runnerOf(id)?.signOut();
      return changed(id);
    },
    rename: (id, label) => {
      find(id);
      db.transaction(() => updateAccount(db, id, { label })).immediate();
      sync.attach(find(id));
      return changed(id);
    },
    setState: (id, state) => {
      find(id);
      db.transaction(() => updateAccount(db, id, { state })).immediate();
      sync.attach(find(id));
      return changed(id);
    },
    remove: async (id) => {
      find(id);
      // Its runner stops first (its requests aborted: no round writes rows back), its session is forgotten, then
      // its records go.
      const runner = sync.runnerOf(id);
      sync.detach(id);
      await runner?.signOut();
      // In short transactions: an account of 100k messages would hold the writer for seconds in one.
      const removed = await removeAccountRecordsGradually(db, id);
      sync.refresh();
      options.onChanged();
      return { id, ...removed };
    },
    exportDrafts: (id) => {
      find(id);
      return listAccountDrafts(db, id);
    },
  };
};
