import { contract, type BottegaClient } from '../../shared/contract';
import type { SyncStatus } from '../../shared/contract/sync';
import { createBridge, createClient } from '../../shared/rpc/bridge';
import { createInProcessPair } from '../../shared/rpc/transport';
import type { Core } from '../../electron/core/core';

/** The contract client a window would have, connected to the core in this process. */
export const connectClient = (core: Core): BottegaClient => {
  const [near, far] = createInProcessPair();
  core.serve(far);
  return createClient(contract, createBridge(contract, near));
};

/** Resolves with the current status or the first status event that satisfies the predicate. */
export const waitForStatus = (client: BottegaClient, predicate: (status: SyncStatus) => boolean): Promise<SyncStatus> =>
  new Promise((resolve) => {
    let done = false;
    const check = (status: SyncStatus): void => {
      if (done || !predicate(status)) return;
      done = true;
      stop();
      resolve(status);
    };
    const stop = client.on('syncStatusChanged', check);
    void client.sync.getStatus().then(check);
  });
