import type { AccountSyncStatus, SyncStatus, WriteState } from '../../../shared/contract/sync';
import type { AccountId } from '../../../shared/domain/accounts';
import type { RecordType } from '../../../shared/platform/records';
import type { StorageProblem } from '../../../shared/contract/workspace';
import type { ConnectorServices, Credentials, SignInOutcome } from '../connectors/connector';
import { connectors as defaultConnectors, type ConnectorRegistry } from '../connectors/registry';
import type { WritableDB } from '../db/database';
import { insertAccount, listAccounts, removeAccountRecords, updateAccount, type AccountRow } from '../db/repositories/accounts-repository';
import { isFullTextRebuildStarted } from '../db/repositories/fts-maintenance';
import { resumeInsightsMaintenance } from '../db/repositories/insights-maintenance';
import { countWrites, type OutboxEntry } from '../db/repositories/outbox-repository';
import { countQuarantine } from '../db/repositories/quarantine-repository';
import type { SecretStore } from '../secrets/secret-store';
import { createAccountRunner, type AccountRunner } from './account-runner';
import { rebuildFullText } from './full-text-rebuild';
import { rebuildBudgetMs } from './pull';
import { legacySessionKey } from './session';

export type SyncServiceOptions = {
  db: WritableDB;
  secrets: SecretStore;
  /**
   * The reference platform's API root the app was started with: the `bottega` account the single-account calls
   * (sync.signIn, signOut) work on points there. Null (or '') with no accounts leaves the workspace offline-only.
   */
  platformUrl: string | null;
  onStatus: (status: SyncStatus) => void;
  /** After a pull that applied records: how many, and their types (which views must read again). */
  onApplied?: (applied: number, types: ReadonlySet<RecordType>) => void;
  /** Sync stopped on a storage fault (a full disk): the UI says so; it waits for Sync now or a local write. */
  onStorageProblem?: (problem: StorageProblem) => void;
  /** Fired when a pushed write is sent, accepted, refused or meets a conflict, so the list showing it refreshes. */
  onWrite?: (entry: OutboxEntry, state: WriteState) => void;
  /** The accounts themselves changed (added, renamed, paused, removed, signed in as someone). */
  onAccounts?: () => void;
  /** What connectors use besides the network (image downloads, the terms' news). */
  services?: ConnectorServices;
  /** What the user is doing, for the connectors' polling cadence (attention service). */
  activity?: () => 'active' | 'idle' | 'background';
  /** Tests replace a platform's connector. */
  connectors?: ConnectorRegistry;
  fetch?: typeof fetch;
  now?: () => Date;
  /** The backoff's jitter (tests pin it). */
  random?: () => number;
  log?: (message: string) => void;
};

export type LegacySignInResult = { ok: true } | { ok: false; reason: 'invalid_credentials' | 'unreachable' | 'refused' | 'unconfigured' };

/** The runners the accounts service starts, stops and asks (accounts-service.ts). */
export type AccountRunners = {
  runnerOf(id: AccountId): AccountRunner | null;
  /** Starts syncing an account just added (or re-reads one that changed). */
  attach(account: AccountRow): AccountRunner;
  /** Stops an account's runner for good (before its removal). */
  detach(id: AccountId): void;
  /** The aggregate may have changed (an account renamed, added, removed): emit it if it did. */
  refresh(): void;
};

export type SyncService = AccountRunners & {
  status(): SyncStatus;
  start(): Promise<void>;
  stop(): void;
  /** The single-account call: signs in (adding it if needed) the `bottega` account of the configured platform. */
  signIn(email: string, password: string): Promise<LegacySignInResult>;
  /** Signs out the account the aggregate shows as signed in. */
  signOut(): Promise<SyncStatus>;
  syncNow(): SyncStatus;
  /** A local write was queued: push it now if we can. */
  notifyLocalWrite(): void;
  /** The `bottega` account the single-account calls work on, adding it when `create` (null: none configured). */
  defaultAccount(options?: { create?: boolean; label?: string }): AccountRow | null;
};

/** Two spellings of one API root (a trailing slash or not). */
export const sameUrl = (a: string, b: string): boolean => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');

/**
 * The sync engine: one runner per account (account-runner.ts), each with its own session, backoff, cursor and
 * status, so that one account signed out, rate-limited or offline never holds another back. The workspace's
 * status is their aggregate plus each one's; React never drives it beyond the contract's calls.
 */
export const createSyncService = (options: SyncServiceOptions): SyncService => {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const registry: ConnectorRegistry = options.connectors ?? defaultConnectors;
  const platformUrl = options.platformUrl || null;
  const runners = new Map<AccountId, AccountRunner>();
  let stopped = false;
  // The single-account key could not be read at start (a damaged vault) and no account holds a session yet.
  let legacyLost = false;
  // Aborts the search index rebuild on stop.
  const lifetime = new AbortController();

  const defaultAccount = (): AccountRow | null => {
    if (!platformUrl) return null;
    return listAccounts(db).find((account) => account.platform === 'bottega' && sameUrl(account.baseUrl, platformUrl)) ?? null;
  };

  const aggregate = (): SyncStatus => {
    const order = listAccounts(db);
    const accounts = order.map((account) => runners.get(account.id)?.status()).filter((s): s is AccountSyncStatus => s !== undefined);
    const active = accounts.filter((s) => s.state === 'active');
    const signedIn = active.filter((s) => s.connection !== 'signed_out');
    const main = defaultAccount();
    const primary = signedIn.find((s) => s.id === main?.id) ?? signedIn[0] ?? null;
    const errored = [primary, ...signedIn, ...accounts].find((s) => s?.lastError) ?? null;
    const syncing = active.find((s) => s.phase === 'syncing' && s.progress?.initial) ?? active.find((s) => s.phase === 'syncing');
    const waits = active.map((s) => s.nextAttemptAt).filter((at): at is string => at !== null).sort();
    const synced = accounts.map((s) => s.lastSyncAt).filter((at): at is string => at !== null).sort();
    return {
      connection:
        accounts.length === 0 && !platformUrl
          ? 'unconfigured'
          : signedIn.some((s) => s.connection === 'online')
            ? 'online'
            : signedIn.length > 0
              ? 'offline'
              : 'signed_out',
      phase: syncing ? 'syncing' : active.some((s) => s.phase === 'waiting') ? 'waiting' : 'idle',
      account: primary ? { email: primary.email ?? primary.label } : null,
      progress: syncing?.progress ?? null,
      lastSyncAt: synced.at(-1) ?? null,
      lastError: errored?.lastError ?? null,
      nextAttemptAt: waits[0] ?? null,
      quarantined: countQuarantine(db),
      ...countWrites(db),
      savedSignInLost: (legacyLost && signedIn.length === 0) || accounts.some((s) => s.savedSignInLost),
      pausedFor: accounts.some((s) => s.pausedFor === 'disk_full') ? 'disk_full' : null,
      accounts,
    };
  };

  let status = aggregate();
  const refresh = (): void => {
    if (stopped) return;
    const next = aggregate();
    // Only a change is news: every event makes the UI re-read what it shows.
    if (JSON.stringify(next) === JSON.stringify(status)) return;
    status = next;
    options.onStatus(status);
  };

  const attach = (account: AccountRow): AccountRunner => {
    const existing = runners.get(account.id);
    if (existing) {
      existing.update(account);
      return existing;
    }
    const connector = registry[account.platform];
    const runner = createAccountRunner({
      db,
      account,
      link: connector.link({
        db,
        account,
        secrets: options.secrets,
        now,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        ...(options.random ? { random: options.random } : {}),
        ...(options.log ? { log: options.log } : {}),
        ...(options.services ? { services: options.services } : {}),
      }),
      onStatus: refresh,
      ...(options.onApplied ? { onApplied: options.onApplied } : {}),
      ...(options.onStorageProblem ? { onStorageProblem: options.onStorageProblem } : {}),
      ...(options.onWrite ? { onWrite: options.onWrite } : {}),
      now,
      ...(options.activity ? { activity: options.activity } : {}),
      ...(options.log ? { log: options.log } : {}),
    });
    runners.set(account.id, runner);
    return runner;
  };

  const detach = (id: AccountId): void => {
    runners.get(id)?.stop();
    runners.delete(id);
  };

  /**
   * The workspace of the single-account app: its account (acc_1 by the v13 migration) learns the platform URL
   * it was started with, and a session saved under the old key with no account yet (signed in, nothing synced)
   * gets the account it belongs to; that account's session adopts the key (connectors/bottega).
   */
  const adoptLegacyWorkspace = async (): Promise<void> => {
    if (!platformUrl) return;
    const bottega = listAccounts(db).filter((account) => account.platform === 'bottega');
    const unplaced = bottega.find((account) => account.baseUrl === '');
    if (unplaced && !defaultAccount()) updateBaseUrl(unplaced.id, platformUrl);
    if (bottega.length > 0) return;
    let saved: string | null;
    try {
      saved = await options.secrets.readSecret(legacySessionKey);
    } catch (error) {
      legacyLost = true;
      options.log?.(`The saved sign-in could not be read (${error instanceof Error ? error.name : 'unknown error'}); signed out.`);
      return;
    }
    if (saved !== null) insertDefault('Bottega');
  };

  const updateBaseUrl = (id: AccountId, baseUrl: string): void => {
    db.transaction(() => updateAccount(db, id, { baseUrl })).immediate();
  };

  const insertDefault = (label: string): AccountRow =>
    db.transaction(() => insertAccount(db, { platform: 'bottega', label: label.trim().slice(0, 80) || 'Bottega', baseUrl: platformUrl!, now: now() })).immediate();

  const primaryRunner = (): AccountRunner | null => {
    const id = status.accounts.find((s) => s.state === 'active' && s.connection !== 'signed_out' && s.id === defaultAccount()?.id)?.id ??
      status.accounts.find((s) => s.state === 'active' && s.connection !== 'signed_out')?.id;
    return id ? (runners.get(id) ?? null) : null;
  };

  const each = (act: (runner: AccountRunner) => void): void => {
    for (const runner of runners.values()) act(runner);
  };

  return {
    status: () => status,
    runnerOf: (id) => runners.get(id) ?? null,
    attach: (account) => {
      const runner = attach(account);
      refresh();
      return runner;
    },
    detach: (id) => {
      detach(id);
      refresh();
    },
    refresh,
    defaultAccount: ({ create = false, label } = {}) => {
      const found = defaultAccount();
      if (found || !create || !platformUrl) return found;
      return insertDefault(label ?? 'Bottega');
    },
    start: async () => {
      // Insights triggers set aside by a first load the app did not see to its end: columns filled, triggers back
      // (one short transaction; a first load still owed sets them aside again when it goes on).
      resumeInsightsMaintenance(db);
      // A search index rebuild cut short (the app closed or crashed after a first load): finish it now, in
      // the background and in chunks, signed in or not; searches find more rows as it goes.
      if (isFullTextRebuildStarted(db)) {
        void rebuildFullText(db, { budgetMs: rebuildBudgetMs, signal: lifetime.signal }).catch((error: unknown) => {
          if (!stopped) options.log?.(`Rebuilding the search indexes failed: ${error instanceof Error ? error.message : String(error)}`);
        });
      }
      await adoptLegacyWorkspace();
      const accounts = listAccounts(db).filter((account) => account.baseUrl !== '');
      const started = accounts.map((account) => attach(account));
      // Each account on its own: one whose vault read hangs or fails does not hold the others' start.
      await Promise.all(started.map((runner) => runner.start()));
      refresh();
    },
    stop: () => {
      stopped = true;
      lifetime.abort();
      each((runner) => runner.stop());
    },
    signIn: async (email, password) => {
      if (!platformUrl) return { ok: false, reason: 'unconfigured' };
      const existing = defaultAccount();
      const account = existing ?? insertDefault(email);
      const runner = attach(account);
      const result: SignInOutcome = await runner.signIn({ kind: 'password', email, password } satisfies Credentials);
      if (!result.ok) {
        // A failed first sign-in leaves the workspace as it was: no account it never had.
        if (!existing) removeUnsignedAccount(account.id);
        refresh();
        return { ok: false, reason: result.reason };
      }
      legacyLost = false;
      options.onAccounts?.();
      refresh();
      return { ok: true };
    },
    signOut: async () => {
      await primaryRunner()?.signOut();
      refresh();
      return status;
    },
    notifyLocalWrite: () => {
      each((runner) => runner.notifyLocalWrite());
      refresh();
    },
    syncNow: () => {
      each((runner) => runner.syncNow());
      refresh();
      return status;
    },
  };

  function removeUnsignedAccount(id: AccountId): void {
    detach(id);
    removeAccountRecords(db, id);
  }
};
