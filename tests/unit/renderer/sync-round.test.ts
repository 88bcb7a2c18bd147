import { describe, expect, it } from 'vitest';
import type { AccountSyncStatus, SyncStatus } from '../../../shared/contract/sync';
import { followSyncRound, startSyncRound } from '../../../renderer/src/features/sync/sync-round';

const account = (id: string, patch: Partial<AccountSyncStatus> = {}): AccountSyncStatus => ({
  id,
  platform: 'bottega',
  label: id,
  state: 'active',
  email: 'me@example.com',
  connection: 'online',
  phase: 'idle',
  progress: null,
  lastSyncAt: '2026-12-07T10:00:00.000Z',
  lastError: null,
  nextAttemptAt: null,
  savedSignInLost: false,
  pausedFor: null,
  pending: 0,
  failed: 0,
  conflicts: 0,
  ...patch,
});

const status = (...accounts: AccountSyncStatus[]): SyncStatus => ({
  connection: accounts.length === 0 ? 'unconfigured' : 'online',
  phase: 'idle',
  account: null,
  progress: null,
  lastSyncAt: null,
  lastError: null,
  nextAttemptAt: null,
  quarantined: 0,
  pending: 0,
  failed: 0,
  conflicts: 0,
  accounts,
});

/** Follows the statuses one after another, as the events bring them; the outcome after each. */
const outcomes = (before: SyncStatus, ...after: SyncStatus[]): string[] => {
  let round = startSyncRound(before);
  return after.map((next) => {
    const followed = followSyncRound(round, next);
    round = followed.round;
    return followed.outcome.state;
  });
};

const later = '2026-12-07T10:05:00.000Z';

describe('following a "Sync now" round', () => {
  it('is running until the account has a newer last sync, then synced', () => {
    expect(outcomes(status(account('acc_1')), status(account('acc_1')), status(account('acc_1', { phase: 'syncing' })), status(account('acc_1', { lastSyncAt: later })))).toEqual([
      'running',
      'running',
      'synced',
    ]);
  });

  it('is synced at once when the answer to the request already carries the finished round', () => {
    expect(outcomes(status(account('acc_1')), status(account('acc_1', { lastSyncAt: later })))).toEqual(['synced']);
  });

  it('fails with the problem of an account that tried and failed, once every account is done', () => {
    const network = { code: 'network' } as const;
    const before = status(account('acc_1'), account('acc_2'));
    let round = startSyncRound(before);
    const steps = [
      status(account('acc_1', { phase: 'syncing' }), account('acc_2', { phase: 'syncing' })),
      status(account('acc_1', { phase: 'waiting', lastError: network }), account('acc_2', { phase: 'syncing' })),
      status(account('acc_1', { phase: 'waiting', lastError: network }), account('acc_2', { lastSyncAt: later })),
    ];
    const seen = steps.map((next) => {
      const followed = followSyncRound(round, next);
      round = followed.round;
      return followed.outcome;
    });
    expect(seen.map((outcome) => outcome.state)).toEqual(['running', 'running', 'failed']);
    expect(seen[2]).toEqual({ state: 'failed', problem: network });
  });

  it('does not take a problem from before the request for the outcome', () => {
    const old = account('acc_1', { phase: 'waiting', lastError: { code: 'timeout', seconds: 30 } });
    expect(outcomes(status(old), status(old), status(account('acc_1', { phase: 'syncing' })), status(account('acc_1', { lastSyncAt: later })))).toEqual(['running', 'running', 'synced']);
  });

  it('has nothing to sync without a connected account, and skips paused or signed-out ones', () => {
    expect(followSyncRound(startSyncRound(status()), status()).outcome).toEqual({ state: 'nothing', reason: 'unconfigured' });
    const signedOut = status(account('acc_1', { connection: 'signed_out', email: null }));
    expect(followSyncRound(startSyncRound(signedOut), signedOut).outcome).toEqual({ state: 'nothing', reason: 'signed_out' });
    expect(outcomes(status(account('acc_1'), account('acc_2', { state: 'paused' })), status(account('acc_1', { lastSyncAt: later }), account('acc_2', { state: 'paused' })))).toEqual(['synced']);
  });

  it('ends when the account is removed or signed out meanwhile', () => {
    expect(outcomes(status(account('acc_1'), account('acc_2')), status(account('acc_2', { lastSyncAt: later })))).toEqual(['synced']);
  });
});
