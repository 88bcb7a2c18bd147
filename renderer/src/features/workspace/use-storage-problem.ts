import { useCallback, useEffect, useState } from 'react';
import type { StorageNotice } from './storage-problem-banner';
import { useClient } from '../../app/client-context';
import { useCoreAction } from '../../data/use-core-action';

/**
 * The last storage fault the core reported (a call refused by a full disk, sync paused by one). Retry asks sync
 * to go again (it stays paused on a full disk until asked) and clears the notice; an edit that failed is saved
 * again by its editor's next save, the text still on screen.
 */
export const useStorageProblem = () => {
  const client = useClient();
  const [problem, setProblem] = useState<StorageNotice | null>(null);
  const [dismissed, setDismissed] = useState(false);
  useEffect(
    () =>
      client.on('storageProblem', (notice) => {
        setProblem(notice);
        setDismissed(false);
      }),
    [client],
  );
  const dismiss = useCallback(() => {
    setProblem(null);
    setDismissed(true);
  }, []);
  // A retry the core refuses again is said in the notice region (the banner itself comes back by its event).
  const syncNow = useCoreAction((core) => core.sync.syncNow()).run;
  const retry = useCallback(() => {
    setProblem(null);
    void syncNow();
  }, [syncNow]);
  return { problem, dismissed, retry, dismiss };
};
