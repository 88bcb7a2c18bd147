import { expect } from 'vitest';
import type { BottegaClient } from '../../shared/contract';
import type { AccountSyncStatus, SyncStatus } from '../../shared/contract/sync';
import type { PlatformServer } from '../platform/server';
import { signIn, waitForStatus } from './core-harness';

/** One account's status; undefined while the workspace does not list it yet. */
export const accountOf = (status: SyncStatus, id: string): AccountSyncStatus | undefined => status.accounts.find((account) => account.id === id);

export const isSynced = (status: AccountSyncStatus | undefined): boolean =>
  status !== undefined && status.connection === 'online' && status.phase === 'idle' && status.lastSyncAt !== null;

/** Resolves once a pull brought the project (the feed's change event, then the list holds it). */
export const waitForProject = (client: BottegaClient, projectId: string): Promise<void> =>
  new Promise((resolve) => {
    const check = async (): Promise<void> => {
      const { items } = await client.feed.listProjects({ limit: 20, sort: 'newest' });
      if (!items.some((project) => project.id === projectId)) return;
      stop();
      resolve();
    };
    const stop = client.on('projectsChanged', () => void check());
    void check();
  });

/**
 * Signs in to `first` the single-account way, then adds `second` through the accounts contract, as Settings
 * does; resolves once both have synced.
 */
export const connectTwoAccounts = async (client: BottegaClient, first: PlatformServer, second: PlatformServer, label?: string) => {
  await expect(signIn(client, first)).resolves.toEqual({ ok: true });
  const onlyFirst = await waitForStatus(client, (s) => s.accounts.length === 1 && isSynced(s.accounts[0]));
  const firstId = onlyFirst.accounts[0]!.id;
  const added = await client.accounts.addAccount({
    platform: 'bottega',
    baseUrl: second.url,
    ...(label === undefined ? {} : { label }),
    credentials: { kind: 'password', email: second.users.demo.email, password: second.users.demo.password },
  });
  if (!added.ok) throw new Error(`adding the second account failed: ${added.reason}`);
  const secondId = added.account.id;
  const both = await waitForStatus(client, (s) => isSynced(accountOf(s, firstId)) && isSynced(accountOf(s, secondId)));
  return { firstId, secondId, added: added.account, both };
};
