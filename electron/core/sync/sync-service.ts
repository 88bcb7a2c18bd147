import type { SyncStatus, WriteState } from '../../../shared/contract/sync';
import type { RecordType } from '../../../shared/platform/records';
import type { WritableDB } from '../db/database';
import { clearPlatformCache } from '../db/repositories/platform-records-repository';
import { clearConfirmedWrites, countWrites, listQueuedWrites, type OutboxEntry } from '../db/repositories/outbox-repository';
import { countQuarantine } from '../db/repositories/quarantine-repository';
import { readSyncValue, writeSyncValue } from '../db/repositories/sync-state-repository';
import type { SecretStore } from '../secrets/secret-store';
import { createPlatformClient, type PlatformClient } from './platform-client';
import { isFullTextRebuildStarted, pauseFullTextIndexing } from '../db/repositories/fts-maintenance';
import { rebuildFullText } from './full-text-rebuild';
import { pullChanges, rebuildBudgetMs } from './pull';
import { problemOf } from './sync-problem';
import { pushOutbox } from './push';
import { startRealtime, type Realtime } from './realtime';
import { createSession, type SignInResult } from './session';
import type { StorageProblem } from '../../../shared/contract/workspace';
import { classifyStorageError } from '../storage/storage-errors';

export type SyncServiceOptions = {
  db: WritableDB;
  secrets: SecretStore;
  /** The platform's API root; null leaves the workspace offline-only. */
  platformUrl: string | null;
  onStatus: (status: SyncStatus) => void;
  /** After a pull that applied records: how many, and their types (which views must read again). */
  onApplied?: (applied: number, types: ReadonlySet<RecordType>) => void;
  /** Sync stopped on a storage fault (a full disk): the UI says so; it waits for Sync now or a local write. */
  onStorageProblem?: (problem: StorageProblem) => void;
  /** Fired when a pushed write is sent, accepted, refused or meets a conflict, so the list showing it refreshes. */
  onWrite?: (entry: OutboxEntry, state: WriteState) => void;
  /** After every complete pull, with the signed-in client: background work that follows it (image downloads). */
  onPulled?: (client: PlatformClient, signal: AbortSignal) => void;
  periodicPullMs?: number;
  fetch?: typeof fetch;
  now?: () => Date;
  /** The backoff's jitter (tests pin it). */
  random?: () => number;
  log?: (message: string) => void;
};

export type SyncService = {
  status(): SyncStatus;
  start(): Promise<void>;
  stop(): void;
  signIn(email: string, password: string): Promise<SignInResult | { ok: false; reason: 'unconfigured' }>;
  signOut(): Promise<SyncStatus>;
  syncNow(): SyncStatus;
  /** A local write was queued: push it now if we can. */
  notifyLocalWrite(): void;
};

/**
 * The sync engine as one service: pulls on start, on every realtime event and periodically; backs off on
 * failures; rebuilds the cache when the platform forgets the cursor; pushes typed status to the UI. React
 * never drives it beyond the contract's signIn / signOut / syncNow.
 */
export const createSyncService = (options: SyncServiceOptions): SyncService => {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const periodicMs = options.periodicPullMs ?? 5 * 60_000;
  const session = options.platformUrl
    ? createSession({
        baseUrl: options.platformUrl,
        secrets: options.secrets,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        ...(options.log ? { log: options.log } : {}),
      })
    : null;
  const client =
    session && options.platformUrl
      ? createPlatformClient({
          baseUrl: options.platformUrl,
          tokens: session,
          ...(options.fetch ? { fetch: options.fetch } : {}),
          ...(options.random ? { random: options.random } : {}),
        })
      : null;

  let status: SyncStatus = {
    connection: session ? 'signed_out' : 'unconfigured',
    phase: 'idle',
    account: null,
    progress: null,
    lastSyncAt: readSyncValue(db, 'last_sync_at'),
    lastError: null,
    nextAttemptAt: null,
    quarantined: countQuarantine(db),
    ...countWrites(db),
  };
  let running: Promise<void> | null = null;
  let again = false;
  let retryTimer: NodeJS.Timeout | null = null;
  let periodicTimer: NodeJS.Timeout | null = null;
  let realtime: Realtime | null = null;
  let stopped = false;
  // A full disk pauses sync: retrying on a timer cannot help and every try would fail the same way.
  let pausedForDisk = false;
  // Rounds that failed in a row: every request of the next round is sent as this attempt, so the wait after it
  // grows (exponential, full jitter, capped); a round that completes or gets somewhere starts over from 0.
  let failures = 0;
  // Aborts in-flight requests on stop, so nothing touches the database after the core closed it.
  const lifetime = new AbortController();

  const update = (patch: Partial<SyncStatus>): void => {
    if (stopped) return;
    const next: SyncStatus = { ...status, ...patch, quarantined: countQuarantine(db), ...countWrites(db), savedSignInLost: session?.lostSavedSignIn() ?? false };
    // Only a change is news: every event makes the UI re-read what it shows.
    if (JSON.stringify(next) === JSON.stringify(status)) return;
    status = next;
    options.onStatus(status);
  };

  /** The round failed: wait (the delay its requests worked out from `failures`), then try again. */
  const scheduleRetry = (delayMs: number): void => {
    failures++;
    if (retryTimer) clearTimeout(retryTimer);
    update({ phase: 'waiting', nextAttemptAt: new Date(now().getTime() + delayMs).toISOString() });
    retryTimer = setTimeout(() => {
      retryTimer = null;
      requestSync();
    }, delayMs);
  };

  const runOnce = async (): Promise<void> => {
    if (!client || status.connection === 'signed_out') return;
    const initial = readSyncValue(db, 'cursor') === null;
    const startedAt = now();
    update({ phase: 'syncing', nextAttemptAt: null, progress: { initial, applied: 0, pages: 0, ratePerSecond: null, startedAt: startedAt.toISOString() } });
    // Local writes first, so that the pull that follows confirms them.
    const attempt = failures;
    const firstQueued = (): number | null => listQueuedWrites(db, 1)[0]?.seq ?? null;
    const headBefore = firstQueued();
    const pushed = await pushOutbox({ db, client, now, signal: lifetime.signal, attempt, ...(options.onWrite ? { onWrite: options.onWrite } : {}) });
    if (pushed.kind === 'signed_out') {
      stopRealtime();
      update({ connection: 'signed_out', phase: 'idle', progress: null, lastError: problemOf(pushed), account: null });
      return;
    }
    let applied = 0;
    let appliedTypes: ReadonlySet<RecordType> = new Set();
    let pages = 0;
    const outcome = await pullChanges({
      db,
      client,
      now,
      attempt,
      signal: lifetime.signal,
      ...(options.log ? { log: options.log } : {}),
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
        options.onPulled?.(client, lifetime.signal);
        if (pushed.kind === 'retry') {
          update({ phase: 'idle', progress: null, lastError: problemOf(pushed), lastSyncAt: readSyncValue(db, 'last_sync_at') });
          retryAfter(pushed.delayMs);
          return;
        }
        failures = 0;
        update({ phase: 'idle', connection: 'online', progress: null, lastError: null, lastSyncAt: readSyncValue(db, 'last_sync_at') });
        // The pull itself queued writes (a profile edited before the first sync, adopted): send them now.
        if (listQueuedWrites(db, 1).length > 0) again = true;
        return;
      case 'retry': {
        const problem = problemOf(outcome);
        update({ connection: problem.code === 'network' || problem.code === 'timeout' ? 'offline' : status.connection, progress: null, lastError: problem });
        retryAfter(outcome.delayMs);
        return;
      }
      case 'signed_out':
        stopRealtime();
        update({ connection: 'signed_out', phase: 'idle', progress: null, lastError: problemOf(outcome), account: null });
        return;
      case 'gone':
        options.log?.('The platform forgot our cursor: rebuilding the cache, keeping unpushed work.');
        // Everything is dropped and fetched again: the search indexes are rebuilt after that load (as on a
        // first sync) instead of being kept row by row through hundreds of thousands of deletes.
        pauseFullTextIndexing(db);
        clearPlatformCache(db);
        again = true;
        return;
      case 'rejected':
        update({ phase: 'idle', progress: null, lastError: problemOf(outcome) });
        scheduleRetry(60_000);
        return;
    }
  };

  /**
   * Coalesces requests: one pull at a time, and one more after it if anything asked meanwhile. While a failed
   * round waits for its retry, background requests (realtime events and reconnects, the periodic pull, local
   * writes) are left to that retry; only the timer and the user's syncNow start a round early.
   */
  const requestSync = (): void => {
    if (stopped || retryTimer || pausedForDisk) return;
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
          options.log?.(`Sync failed: ${error instanceof Error ? error.message : String(error)}`);
          if (classifyStorageError(error) === 'disk_full') {
            pausedForDisk = true;
            update({ phase: 'idle', progress: null, nextAttemptAt: null, pausedFor: 'disk_full' });
            options.onStorageProblem?.('disk_full');
            break;
          }
          update({ phase: 'idle', progress: null, lastError: { code: 'unexpected' } });
          scheduleRetry(30_000);
        }
        // A round that failed waits for its retry: a write or a realtime event meanwhile does not skip the wait.
      } while (again && !stopped && !retryTimer);
    })().finally(() => (running = null));
  };

  const resumeAfterDisk = (): void => {
    if (!pausedForDisk) return;
    pausedForDisk = false;
    update({ pausedFor: null });
  };

  const stopRealtime = (): void => {
    realtime?.stop();
    realtime = null;
  };

  const startLive = (): void => {
    if (!session || !options.platformUrl || stopped) return;
    stopRealtime();
    realtime = startRealtime({
      baseUrl: options.platformUrl,
      tokens: session,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      onChanges: requestSync,
      onConnection: (connected) => {
        if (connected && status.connection === 'offline') update({ connection: 'online' });
      },
    });
    periodicTimer ??= setInterval(requestSync, periodicMs);
  };

  return {
    status: () => status,
    start: async () => {
      // A search index rebuild cut short (the app closed or crashed after a first load): finish it now, in
      // the background and in chunks, signed in or not; searches find more rows as it goes.
      if (isFullTextRebuildStarted(db)) {
        void rebuildFullText(db, { budgetMs: rebuildBudgetMs, signal: lifetime.signal }).catch((error: unknown) => {
          if (!stopped) options.log?.(`Rebuilding the search indexes failed: ${error instanceof Error ? error.message : String(error)}`);
        });
      }
      if (!session) return;
      if (await session.isSignedIn()) {
        update({ connection: 'online', account: { email: readSyncValue(db, 'account_email') ?? '' } });
        startLive();
        requestSync();
      } else if (session.lostSavedSignIn()) {
        update({});
      }
    },
    stop: () => {
      stopped = true;
      lifetime.abort();
      stopRealtime();
      if (retryTimer) clearTimeout(retryTimer);
      if (periodicTimer) clearInterval(periodicTimer);
    },
    signIn: async (email, password) => {
      if (!session) return { ok: false, reason: 'unconfigured' };
      const result = await session.signIn(email, password);
      if (result.ok) {
        writeSyncValue(db, 'account_email', email);
        update({ connection: 'online', account: { email }, lastError: null });
        // A new session: whatever the last one was waiting out is over.
        if (retryTimer) clearTimeout(retryTimer);
        retryTimer = null;
        failures = 0;
        startLive();
        requestSync();
      }
      return result;
    },
    signOut: async () => {
      stopRealtime();
      await session?.signOut();
      // Local data stays: signing out is not deleting the workspace.
      update({ connection: session ? 'signed_out' : 'unconfigured', phase: 'idle', account: null, progress: null });
      return status;
    },
    notifyLocalWrite: () => {
      // A local write just committed: the disk has room again.
      resumeAfterDisk();
      update({});
      requestSync();
    },
    syncNow: () => {
      resumeAfterDisk();
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      requestSync();
      return status;
    },
  };
};
