import type { AccountSignInResult, AccountView } from '../../../shared/contract/accounts';
import { platformIds, type AccountId, type PlatformId, type SignInMethod } from '../../../shared/domain/accounts';
import type { Locale } from '../../../shared/i18n/locales';
import { RpcError } from '../../../shared/rpc/errors';
import type { Credentials } from '../connectors/connector';
import { connectors as defaultConnectors, type ConnectorRegistry } from '../connectors/registry';
import type { WritableDB } from '../db/database';
import type { BrowserOpener } from '../host-services';
import { runBrowserSignIn } from '../oauth/browser-sign-in';
import { redirectPageIn } from '../oauth/redirect-page';
import {
  insertAccount,
  listAccountDrafts,
  listAccounts,
  readAccount,
  readAccountValue,
  removeAccountRecords,
  writeAccountValue,
  removeAccountRecordsGradually,
  updateAccount,
  type AccountDraft,
  type AccountRow,
  type RemovedAccountRecords,
} from '../db/repositories/accounts-repository';
import { sameUrl, type SyncService } from './sync-service';

export type BrowserSignInRequest = { flowId: string; platform: PlatformId; baseUrl?: string; label?: string; accountId?: AccountId; locale: Locale };

export type AccountsService = {
  list(): AccountView[];
  /** How each platform signs in with this build: the browser only where a client id was set for it. */
  signInMethods(): { platform: PlatformId; methods: SignInMethod[] }[];
  /** OAuth 2.0 with PKCE through the system browser: adds the account, or signs `accountId` in again. */
  signInWithBrowser(request: BrowserSignInRequest): Promise<AccountSignInResult>;
  cancelBrowserSignIn(flowId: string): { cancelled: boolean };
  add(input: { platform: PlatformId; baseUrl?: string; label?: string; credentials: Credentials }): Promise<AccountSignInResult>;
  signIn(id: AccountId, credentials: Credentials): Promise<AccountSignInResult>;
  signOut(id: AccountId): Promise<AccountView>;
  rename(id: AccountId, label: string): AccountView;
  setState(id: AccountId, state: AccountRow['state']): AccountView;
  /** The account's own follow-up days (1–60), or null for the workspace's setting. */
  setFollowUpDays(id: AccountId, days: number | null): AccountView;
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
  /** The system browser (the host's), for sign-ins through the platform's page. */
  browser?: BrowserOpener;
  /** OAuth client ids of this build by platform (build-time constant; tests and web-host may pass the fixture's). */
  oauthClientIds?: Partial<Record<PlatformId, string>>;
  /** Test hook: how long a browser sign-in waits for the redirect. */
  browserTimeoutMs?: number;
}): AccountsService => {
  const { db, sync } = options;
  const registry: ConnectorRegistry = options.connectors ?? defaultConnectors;
  const now = options.now ?? (() => new Date());
  const clientIds = options.oauthClientIds ?? {};
  /** Browser sign-ins waiting for their redirect, by the renderer's flow id: a cancel aborts one. */
  const flows = new Map<string, AbortController>();

  /** The connector's methods, less the browser where this build has no client id (or no browser to open). */
  const methodsOf = (platform: PlatformId): SignInMethod[] =>
    registry[platform].signInMethods.filter(
      (method) => method !== 'oauth_pkce' || (Boolean(clientIds[platform]) && options.browser !== undefined && registry[platform].browserSignIn !== undefined),
    );

  const followUpDaysOf = (id: AccountId): number | null => {
    const days = Number(readAccountValue(db, id, 'follow_up_days') ?? Number.NaN);
    return Number.isInteger(days) && days >= 1 && days <= 60 ? days : null;
  };

  const viewOf = (account: AccountRow): AccountView => {
    const connector = registry[account.platform];
    const { position: _position, ...rest } = account;
    return {
      ...rest,
      capabilities: connector.capabilities,
      signInMethods: methodsOf(account.platform),
      sync: sync.status().accounts.find((status) => status.id === account.id) ?? null,
      followUpDays: followUpDaysOf(account.id),
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
    if (method === 'oauth_pkce' && !methodsOf(account.platform).includes(method)) return { ok: false, reason: 'no_client_id' };
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

  const add: AccountsService['add'] = async ({ platform, baseUrl, label, credentials }) => {
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
  };

  const signInWithBrowser: AccountsService['signInWithBrowser'] = async ({ flowId, platform, baseUrl, label, accountId, locale }) => {
    const existing = accountId === undefined ? null : find(accountId);
    const target = existing?.platform ?? platform;
    const connector = registry[target];
    if (!connector.browserSignIn || !connector.signInMethods.includes('oauth_pkce')) return { ok: false, reason: 'unsupported' };
    const clientId = clientIds[target];
    if (!clientId || !options.browser) return { ok: false, reason: 'no_client_id' };
    const url = existing?.baseUrl ?? baseUrl ?? connector.defaultBaseUrl;
    if (!url) return { ok: false, reason: 'base_url_required' };
    const { browserSignIn } = connector;
    if (!browserSignIn.supports(url)) return { ok: false, reason: 'unsupported' };
    if (flows.has(flowId)) return { ok: false, reason: 'cancelled' };
    const controller = new AbortController();
    flows.set(flowId, controller);
    try {
      const outcome = await runBrowserSignIn({
        authorizeUrl: (request) => browserSignIn.authorizeUrl({ baseUrl: url, clientId, ...request }) ?? '',
        browser: options.browser,
        page: redirectPageIn(locale),
        signal: controller.signal,
        ...(options.browserTimeoutMs !== undefined ? { timeoutMs: options.browserTimeoutMs } : {}),
        complete: (credentials) =>
          existing
            ? signIn(existing, credentials)
            : add({ platform: target, ...(baseUrl !== undefined ? { baseUrl } : {}), ...(label !== undefined ? { label } : {}), credentials }),
      });
      return outcome.ok ? outcome.value : { ok: false, reason: outcome.reason };
    } finally {
      flows.delete(flowId);
    }
  };

  return {
    list: () => listAccounts(db).map(viewOf),
    signInMethods: () => platformIds.map((platform) => ({ platform, methods: methodsOf(platform) })),
    signInWithBrowser,
    cancelBrowserSignIn: (flowId) => {
      const flow = flows.get(flowId);
      flow?.abort();
      return { cancelled: flow !== undefined };
    },
    add,
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
    setFollowUpDays: (id, days) => {
      find(id);
      if (days !== null && !(Number.isInteger(days) && days >= 1 && days <= 60))
        throw new RpcError({ code: 'invalid_input', message: 'Follow-up days are a whole number from 1 to 60.' });
      db.transaction(() => writeAccountValue(db, id, 'follow_up_days', days === null ? null : String(days))).immediate();
      // Nothing for the sync to do: lists of accounts read again, and the follow-ups with them.
      options.onChanged();
      return viewOf(find(id));
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
