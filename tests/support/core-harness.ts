import type { BottegaClient } from '../../shared/contract';
import type { SyncStatus } from '../../shared/contract/sync';

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
