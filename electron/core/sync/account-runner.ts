import type { AccountSyncStatus, WriteState } from '../../../shared/contract/sync';
import type { SyncProblem } from '../../../shared/contract/sync-problem';
import type { Account } from '../../../shared/domain/accounts';
import type { RecordType } from '../../../shared/platform/records';
import type { AccountLink, Credentials, RoundOutcome, SignInOutcome } from '../connectors/connector';
import type { WritableDB } from '../db/database';
import { pauseFullTextIndexing } from '../db/repositories/fts-maintenance';
import { clearConfirmedWrites, countWrites, listQueuedWrites, type OutboxEntry } from '../db/repositories/outbox-repository';
import { clearPlatformCache } from '../db/repositories/platform-records-repository';
import { readAccountValue } from '../db/repositories/sync-state-repository';
import type { StorageProblem } from '../../../shared/contract/workspace';
import { classifyStorageError } from '../storage/storage-errors';

export type AccountRunnerOptions = {
  db: WritableDB;
  account: Account;
  link: AccountLink;
  /** This account's status moved (only a change is reported). */
  onStatus: (status: AccountSyncStatus) => void;
  onApplied?: (applied: number, types: ReadonlySet<RecordType>) => void;
  onStorageProblem?: (problem: StorageProblem) => void;
  onWrite?: (entry: OutboxEntry, state: WriteState) => void;
  now: () => Date;
  /** What the user is doing (the window shown and used, idle, hidden): polling connectors slow down when idle. */
  activity?: () => 'active' | 'idle' | 'background';
  log?: (message: string) => void;
};

export type AccountRunner = {
  status(): AccountSyncStatus;
  /** Reads the saved sign-in; a signed-in active account goes live and syncs. */
  start(): Promise<void>;
  stop(): void;
  signIn(credentials: Credentials): Promise<SignInOutcome>;
  signOut(): Promise<void>;
  /** The account's record changed (renamed, paused, resumed): paused stops its rounds, resumed starts them. */
  update(account: Account): void;
  syncNow(): void;
  notifyLocalWrite(): void;
};

/** What the user is told about a round that did not complete (the renderer translates the code). */
export const problemOfRound = (outcome: Exclude<RoundOutcome, { kind: 'done' }>): SyncProblem => {
  switch (outcome.kind) {
    case 'retry':
      return outcome.problem ?? { code: 'bad_answer' };
    case 'signed_out':
      return { code: 'session_expired' };
    case 'gone':
      return { code: 'cursor_lost' };
    case 'rejected':
      return outcome.problem ?? { code: 'refused', status: outcome.status, message: null };
  }
};

/**
 * One account's sync loop (what was the whole sync service when there was one account): pushes then pulls on
 * start, on every realtime event and when the connector's cadence says; backs off on failures; replaces the
 * account's cache when the platform forgets where it was; pauses on a full disk. It touches nothing of another
 * account's, so one account's trouble (signed out, 429, 5xx, offline) never holds another's back.
 */
export const createAccountRunner = (options: AccountRunnerOptions): AccountRunner => {
  const { db, link, now } = options;
  let account = options.account;
  const lastSyncAt = (): string | null => readAccountValue(db, account.id, 'last_sync_at');

  let status: AccountSyncStatus = {
    id: account.id,
    platform: account.platform,
    label: account.label,
    state: account.state,
    email: null,
    connection: 'signed_out',
    phase: 'idle',
    progress: null,
    lastSyncAt: lastSyncAt(),
    lastError: null,
    nextAttemptAt: null,
    savedSignInLost: false,
    pausedFor: null,
    ...countWrites(db, account.id),
  };
  let running: Promise<void> | null = null;
  let again = false;
  let retryTimer: NodeJS.Timeout | null = null;
  let pollTimer: NodeJS.Timeout | null = null;
  let live: { stop(): void } | null = null;
  let stopped = false;
  // A full disk pauses sync: retrying on a timer cannot help and every try would fail the same way.
  let pausedForDisk = false;
  // Rounds that failed in a row: every request of the next round is sent as this attempt, so the wait after it
  // grows (exponential, full jitter, capped); a round that completes or gets somewhere starts over from 0.
  let failures = 0;
  // Aborts in-flight requests on stop, so nothing touches the database after the core closed it.
  const lifetime = new AbortController();

  const active = (): boolean => account.state === 'active' && !stopped;
  const signedIn = (): boolean => status.connection === 'online' || status.connection === 'offline';

  const update = (patch: Partial<AccountSyncStatus>): void => {
    if (stopped) return;
    const merged = { ...status, ...patch };
    const next: AccountSyncStatus = {
      ...merged,
      // Who is signed in, as the connector learnt it (a session adopted from an older version learns it on its pull).
      email: merged.connection === 'signed_out' ? null : (readAccountValue(db, account.id, 'account_email') ?? merged.email ?? account.label),
      label: account.label,
      state: account.state,
      savedSignInLost: link.session.lostSavedSignIn(),
      pausedFor: pausedForDisk ? 'disk_full' : null,
      ...countWrites(db, account.id),
    };
    // Only a change is news: every event makes the UI re-read what it shows.
    if (JSON.stringify(next) === JSON.stringify(status)) return;
    status = next;
    options.onStatus(status);
  };

  const clearRetry = (): void => {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
  };

  /** The round failed: wait (the delay its requests worked out from `failures`), then try again. */
  const scheduleRetry = (delayMs: number): void => {
    failures++;
    clearRetry();
    update({ phase: 'waiting', nextAttemptAt: new Date(now().getTime() + delayMs).toISOString() });
    retryTimer = setTimeout(() => {
      retryTimer = null;
      requestSync();
    }, delayMs);
  };

  /** The connector's own cadence: the next round it wants without being asked (polling platforms live on it). */
  const schedulePoll = (): void => {
    if (pollTimer) clearTimeout(pollTimer);
    pollTimer = null;
    if (!active() || !signedIn() || retryTimer || pausedForDisk) return;
    const at = link.nextPollAt(options.activity?.() ?? 'active');
    if (at === null) return;
    pollTimer = setTimeout(
      () => {
        pollTimer = null;
        requestSync();
      },
      Math.max(0, at - now().getTime()),
    );
    pollTimer.unref?.();
  };

  const signedOut = (outcome: Extract<RoundOutcome, { kind: 'signed_out' }>): void => {
    stopLive();
    update({ connection: 'signed_out', phase: 'idle', progress: null, lastError: problemOfRound(outcome), email: null });
  };

  const firstQueued = (): number | null => listQueuedWrites(db, 1, account.id)[0]?.seq ?? null;

  const runOnce = async (): Promise<void> => {
    if (!active() || !signedIn()) return;
    // A first sync, or the reload of a cache the platform made us drop (410): the UI shows its progress bar.
    const initial = lastSyncAt() === null || readAccountValue(db, account.id, 'replacement_pending') !== null;
    const startedAt = now();
    update({ phase: 'syncing', nextAttemptAt: null, progress: { initial, applied: 0, pages: 0, ratePerSecond: null, startedAt: startedAt.toISOString() } });
    // Local writes first, so that the pull that follows confirms them.
    const attempt = failures;
    const headBefore = firstQueued();
    const pushed = await link.push({ attempt, signal: lifetime.signal, ...(options.onWrite ? { onWrite: options.onWrite } : {}) });
    if (pushed.kind === 'signed_out') return signedOut(pushed);
    let applied = 0;
    let appliedTypes: ReadonlySet<RecordType> = new Set();
    let pages = 0;
    const outcome = await link.pull({
      attempt,
      signal: lifetime.signal,
      onPage: (progress) => {
        applied = progress.applied;
        appliedTypes = progress.appliedTypes;
        pages = progress.pages;
        const seconds = (now().getTime() - startedAt.getTime()) / 1000;
        update({
          progress: {
            initial,
            applied: progress.applied,
            pages: progress.pages,
            ratePerSecond: seconds > 0 ? Math.round(progress.applied / seconds) : null,
            startedAt: startedAt.toISOString(),
          },
        });
      },
    });
    if (applied > 0) options.onApplied?.(applied, appliedTypes);
    // A round that got somewhere (a write answered, a page applied) and then failed goes on at once, counted
    // from 0 again: the platform is there, and the progress bounds how often (a cursor or an outbox moved).
    const progressed = pages > 0 || (headBefore !== null && firstQueued() !== headBefore);
    const retryAfter = (delayMs: number): void => {
      if (!progressed) return scheduleRetry(delayMs);
      failures = 0;
      again = true;
    };
    switch (outcome.kind) {
      case 'done':
        clearConfirmedWrites(db);
        try {
          link.afterPull?.(lifetime.signal);
        } catch (error) {
          // Background work after the pull (images, terms) failing is not the round failing.
          options.log?.(`After the pull of account ${account.id}: ${error instanceof Error ? error.message : String(error)}`);
        }
        if (pushed.kind !== 'done') {
          update({ phase: 'idle', progress: null, lastError: problemOfRound(pushed), lastSyncAt: lastSyncAt() });
          if (pushed.kind === 'retry') retryAfter(pushed.delayMs);
          else scheduleRetry(60_000);
          return;
        }
        failures = 0;
        update({ phase: 'idle', connection: 'online', progress: null, lastError: null, lastSyncAt: lastSyncAt() });
        // The pull itself queued writes (a profile edited before the first sync, adopted): send them now.
        if (firstQueued() !== null) again = true;
        return;
      case 'retry': {
        const problem = problemOfRound(outcome);
        update({ connection: problem.code === 'network' || problem.code === 'timeout' ? 'offline' : status.connection, progress: null, lastError: problem });
        retryAfter(outcome.delayMs);
        return;
      }
      case 'signed_out':
        return signedOut(outcome);
      case 'gone':
        options.log?.(`The platform forgot where account ${account.id} was: rebuilding its cache, keeping unpushed work.`);
        // Everything of this account's is dropped and fetched again: the search indexes are rebuilt after that
        // load (as on a first sync) instead of being kept row by row through hundreds of thousands of deletes.
        pauseFullTextIndexing(db);
        clearPlatformCache(db, account.id);
        again = true;
        return;
      case 'rejected':
        update({ phase: 'idle', progress: null, lastError: problemOfRound(outcome) });
        scheduleRetry(60_000);
        return;
    }
  };

  /**
   * Coalesces requests: one round at a time, and one more after it if anything asked meanwhile. While a failed
   * round waits for its retry, background requests (realtime events and reconnects, the cadence, local writes)
   * are left to that retry; only the timer and the user's syncNow start a round early.
   */
  const requestSync = (): void => {
    if (!active() || retryTimer || pausedForDisk) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await runOnce();
        } catch (error) {
          if (stopped) return;
          options.log?.(`Sync of account ${account.id} failed: ${error instanceof Error ? error.message : String(error)}`);
          if (classifyStorageError(error) === 'disk_full') {
            pausedForDisk = true;
            update({ phase: 'idle', progress: null, nextAttemptAt: null });
            options.onStorageProblem?.('disk_full');
            break;
          }
          update({ phase: 'idle', progress: null, lastError: { code: 'unexpected' } });
          scheduleRetry(30_000);
        }
        // A round that failed waits for its retry: a write or a realtime event meanwhile does not skip the wait.
      } while (again && active() && !retryTimer);
    })().finally(() => {
      running = null;
      schedulePoll();
    });
  };

  const resumeAfterDisk = (): void => {
    if (!pausedForDisk) return;
    pausedForDisk = false;
    update({});
  };

  const stopLive = (): void => {
    live?.stop();
    live = null;
    if (pollTimer) clearTimeout(pollTimer);
    pollTimer = null;
  };

  const goLive = (): void => {
    if (!active()) return;
    stopLive();
    live =
      link.startLive?.({
        onChanges: requestSync,
        onConnection: (connected) => {
          if (connected && status.connection === 'offline') update({ connection: 'online' });
        },
      }) ?? null;
    requestSync();
  };

  /** Stops the rounds of a paused account; what is under way finishes its current request and stops. */
  const halt = (): void => {
    stopLive();
    clearRetry();
    update({ phase: 'idle', progress: null, nextAttemptAt: null });
  };

  return {
    status: () => status,
    start: async () => {
      let signedInBefore = false;
      try {
        signedInBefore = await link.session.isSignedIn();
      } catch (error) {
        // A connector that cannot tell starts signed out (the user signs in again); the other accounts start anyway.
        options.log?.(`The saved sign-in of account ${account.id} could not be checked: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (signedInBefore) {
        update({ connection: 'online', email: readAccountValue(db, account.id, 'account_email') ?? account.label });
        goLive();
      } else update({});
    },
    stop: () => {
      stopped = true;
      lifetime.abort();
      stopLive();
      clearRetry();
    },
    signIn: async (credentials) => {
      const result = await link.session.signIn(credentials);
      if (result.ok) {
        update({ connection: 'online', email: readAccountValue(db, account.id, 'account_email') ?? result.label, lastError: null });
        // A new session: whatever the last one was waiting out is over.
        clearRetry();
        failures = 0;
        goLive();
      }
      return result;
    },
    signOut: async () => {
      stopLive();
      clearRetry();
      await link.session.signOut();
      // Local data stays: signing out is not deleting the workspace.
      update({ connection: 'signed_out', phase: 'idle', email: null, progress: null, nextAttemptAt: null });
    },
    update: (next) => {
      const wasActive = account.state === 'active';
      account = next;
      if (wasActive && next.state !== 'active') halt();
      else if (!wasActive && next.state === 'active' && signedIn()) {
        failures = 0;
        goLive();
      }
      update({});
    },
    syncNow: () => {
      resumeAfterDisk();
      clearRetry();
      requestSync();
    },
    notifyLocalWrite: () => {
      // A local write just committed: the disk has room again.
      resumeAfterDisk();
      update({});
      requestSync();
    },
  };
};
