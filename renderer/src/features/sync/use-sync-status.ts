import { useCallback, useEffect, useState } from 'react';
import type { SyncStatus } from '../../../../shared/contract/sync';
import { useClient } from '../../app/client-context';

/** The sync engine's status as the core reports it; actions go through the contract, never around it. */
export const useSyncStatus = () => {
  const client = useClient();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    let live = true;
    const stop = client.on('syncStatusChanged', setStatus);
    void client.sync.getStatus().then((current) => {
      if (live) setStatus(current);
    });
    return () => {
      live = false;
      stop();
    };
  }, [client]);
  const syncNow = useCallback(async () => setStatus(await client.sync.syncNow()), [client]);
  const signOut = useCallback(async () => setStatus(await client.sync.signOut()), [client]);
  const signIn = useCallback((email: string, password: string) => client.sync.signIn({ email, password }), [client]);
  return { status, syncNow, signOut, signIn };
};
