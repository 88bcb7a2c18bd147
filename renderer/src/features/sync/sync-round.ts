import type { AccountSyncStatus, SyncStatus } from '../../../../shared/contract/sync';
import type { SyncProblem } from '../../../../shared/contract/sync-problem';

/**
 * What "Sync now" asked for, followed through the core's status events: each account that can sync, with its
 * last sync before the request and whether its round has been seen running.
 */
export type SyncRound = { accounts: { id: string; lastSyncAt: string | null; seenSyncing: boolean }[] };

export type SyncRoundOutcome =
  | { state: 'running' }
  | { state: 'synced' }
  | { state: 'failed'; problem: SyncProblem }
  /** Nothing to sync: no account, or none signed in and active. */
  | { state: 'nothing'; reason: 'unconfigured' | 'signed_out' };

const canSync = (account: AccountSyncStatus): boolean => account.state === 'active' && account.connection !== 'signed_out';

/**
 * The round "Sync now" starts, from the status known before the request (the core's answer may already carry
 * the finished round's new last sync).
 */
export const startSyncRound = (status: SyncStatus): SyncRound => ({
  accounts: status.accounts.filter(canSync).map((account) => ({ id: account.id, lastSyncAt: account.lastSyncAt, seenSyncing: account.phase === 'syncing' })),
});

/**
 * The round after one more status: an account is done when it is not syncing and either has a newer last sync
 * (synced) or was seen syncing and now carries a problem (failed). An old problem from before the request does
 * not count until the account has tried again. The round is over when every account is done; one failure makes
 * it failed.
 */
export const followSyncRound = (round: SyncRound, status: SyncStatus): { round: SyncRound; outcome: SyncRoundOutcome } => {
  if (round.accounts.length === 0) return { round, outcome: { state: 'nothing', reason: status.connection === 'unconfigured' || status.accounts.length === 0 ? 'unconfigured' : 'signed_out' } };
  const next: SyncRound = {
    accounts: round.accounts.map((entry) => {
      const account = status.accounts.find((candidate) => candidate.id === entry.id);
      return { ...entry, seenSyncing: entry.seenSyncing || account?.phase === 'syncing' };
    }),
  };
  let problem: SyncProblem | null = null;
  for (const entry of next.accounts) {
    const account = status.accounts.find((candidate) => candidate.id === entry.id);
    // Removed or signed out meanwhile: nothing more will come from it.
    if (!account || !canSync(account)) continue;
    if (account.phase === 'syncing') return { round: next, outcome: { state: 'running' } };
    const newer = account.lastSyncAt !== null && (entry.lastSyncAt === null || account.lastSyncAt > entry.lastSyncAt);
    if (newer && account.lastError === null) continue;
    if (entry.seenSyncing && account.lastError !== null) {
      problem ??= account.lastError;
      continue;
    }
    if (newer) continue;
    return { round: next, outcome: { state: 'running' } };
  }
  return { round: next, outcome: problem ? { state: 'failed', problem } : { state: 'synced' } };
};
