import { useCallback, useEffect, useState } from 'react';
import type { SyncStatus } from '../../../../shared/contract/sync';
import { useClient } from '../../app/client-context';
import { useCoreAction } from '../../data/use-core-action';

/** The sync engine's status as the core reports it; actions go through the contract, never around it. */
export const useSyncStatus = () => {
  const client = useClient();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    let live = true;
    const stop = client.on('syncStatusChanged', setStatus);
    // A first read that fails leaves the indicator unknown until the core's next status event says it.
    client.sync.getStatus().then(
      (current) => live && setStatus(current),
      (error: unknown) => console.error('Reading the sync status failed', error),
    );
    return () => {
      live = false;
      stop();
    };
  }, [client]);
  const syncNowAction = useCoreAction((core) => core.sync.syncNow()).run;
  const signOutAction = useCoreAction((core) => core.sync.signOut()).run;
  // Refusals are said in the notice region; what the core answers is the new status.
  const syncNow = useCallback(async (): Promise<SyncStatus | null> => {
    const result = await syncNowAction();
    if (!result.ok) return null;
    setStatus(result.value);
    return result.value;
  }, [syncNowAction]);
  const signOut = useCallback(async () => {
    const result = await signOutAction();
    if (result.ok) setStatus(result.value);
  }, [signOutAction]);
  const signIn = useCallback((email: string, password: string) => client.sync.signIn({ email, password }), [client]);
  return { status, syncNow, signOut, signIn };
};
