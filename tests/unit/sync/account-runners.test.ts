import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../shared/contract/sync';
import type { AccountLink, Connector, RoundOutcome } from '../../../electron/core/connectors/connector';
import { connectors } from '../../../electron/core/connectors/registry';
import { openWritableDatabase } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { insertAccount, writeAccountValue } from '../../../electron/core/db/repositories/accounts-repository';
import { createSyncService } from '../../../electron/core/sync/sync-service';
import { createMemorySecrets } from '../../support/stub-platform';
import { useTempDirs } from '../../support/temp-dir';

const makeTempDir = useTempDirs();

type Behaviour = { isSignedIn: () => Promise<boolean>; afterPull?: () => void };

/** A connector whose links do what the test says per account, counting their rounds. */
const fakeConnector = (behaviours: Record<string, Behaviour>, pulls: Record<string, number>): Connector => ({
  ...connectors.bottega,
  link: ({ db, account, now }): AccountLink => ({
    session: {
      signIn: () => Promise.resolve({ ok: true, platformUserId: null, label: account.label }),
      signOut: () => Promise.resolve(),
      isSignedIn: () => behaviours[account.id]!.isSignedIn(),
      lostSavedSignIn: () => false,
    },
    push: () => Promise.resolve({ kind: 'done' } satisfies RoundOutcome),
    pull: () => {
      pulls[account.id] = (pulls[account.id] ?? 0) + 1;
      writeAccountValue(db, account.id, 'last_sync_at', now().toISOString());
      return Promise.resolve({ kind: 'done' } satisfies RoundOutcome);
    },
    nextPollAt: () => null,
    afterPull: () => behaviours[account.id]!.afterPull?.(),
  }),
});

const open = async (behaviours: Record<string, Behaviour>) => {
  const file = path.join(makeTempDir(), 'workspace.sqlite');
  const db = openWritableDatabase(file);
  await migrate(db, { file, migrations });
  for (const id of Object.keys(behaviours)) insertAccount(db, { id, platform: 'bottega', label: id, baseUrl: 'http://127.0.0.1:9', now: new Date() });
  const pulls: Record<string, number> = {};
  const logs: string[] = [];
  const waiting: { predicate: (status: SyncStatus) => boolean; resolve: (status: SyncStatus) => void }[] = [];
  const service = createSyncService({
    db,
    secrets: createMemorySecrets(),
    platformUrl: null,
    connectors: { ...connectors, bottega: fakeConnector(behaviours, pulls) },
    onStatus: (status) => {
      for (const waiter of waiting.splice(0)) {
        if (waiter.predicate(status)) waiter.resolve(status);
        else waiting.push(waiter);
      }
    },
    log: (line) => logs.push(line),
  });
  /** The first status event (or the current status) that satisfies the predicate. */
  const statusWhere = (predicate: (status: SyncStatus) => boolean): Promise<SyncStatus> =>
    predicate(service.status()) ? Promise.resolve(service.status()) : new Promise((resolve) => waiting.push({ predicate, resolve }));
  // Every signed-in account's round done.
  const settled = (): Promise<SyncStatus> =>
    statusWhere((status) => status.accounts.every((account) => account.connection === 'signed_out' || (account.phase === 'idle' && account.lastSyncAt !== null)));
  return { db, service, pulls, logs, settled };
};

describe('the sync service’s runners, one per account', () => {
  it('starts every account though one cannot tell whether it is signed in', async () => {
    const { db, service, pulls, logs, settled } = await open({
      acc_1: { isSignedIn: () => Promise.reject(new Error('keychain locked')) },
      acc_2: { isSignedIn: () => Promise.resolve(true) },
    });
    await service.start();
    const status = await settled();
    expect(status.accounts.map((account) => [account.id, account.connection])).toEqual([
      ['acc_1', 'signed_out'],
      ['acc_2', 'online'],
    ]);
    expect(pulls).toEqual({ acc_2: 1 });
    expect(logs.join('\n')).toMatch(/acc_1 could not be checked: keychain locked/);
    service.stop();
    db.close();
  });

  it('a failure of the work after a pull (images, terms) is not a failed round', async () => {
    const { db, service, pulls, settled } = await open({
      acc_1: {
        isSignedIn: () => Promise.resolve(true),
        afterPull: () => {
          throw new Error('image store unreachable');
        },
      },
    });
    await service.start();
    const status = await settled();
    expect(status.accounts[0]).toMatchObject({ connection: 'online', phase: 'idle', lastError: null, nextAttemptAt: null });
    expect(status.accounts[0]!.lastSyncAt).not.toBeNull();
    expect(pulls).toEqual({ acc_1: 1 });
    service.stop();
    db.close();
  });
});
