import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../shared/contract/sync';
import { showToast } from '../../ui/toast';
import { followSyncRound, startSyncRound, type SyncRound, type SyncRoundOutcome } from './sync-round';
import { useSyncProblemText } from './use-sync-problem-text';

/**
 * "Sync now" that says how it went: the round is followed through the status events and a toast tells the
 * outcome (synced, the problem, or that there is nothing to sync). `running` is true until then.
 */
export const useSyncNowFeedback = (status: SyncStatus | null, syncNow: () => Promise<SyncStatus | null>) => {
  const { t } = useTranslation('sync');
  const problemText = useSyncProblemText();
  const round = useRef<SyncRound | null>(null);
  const [running, setRunning] = useState(false);

  const tell = useCallback(
    (outcome: Exclude<SyncRoundOutcome, { state: 'running' }>) => {
      if (outcome.state === 'synced') showToast({ title: t('syncNowOutcome.synced'), tone: 'success' });
      else if (outcome.state === 'failed') showToast({ title: t('syncNowOutcome.failed'), description: problemText(outcome.problem), tone: 'danger' });
      else showToast({ title: t(`syncNowOutcome.${outcome.reason}`), tone: 'neutral' });
    },
    [t, problemText],
  );
  const follow = useCallback(
    (next: SyncStatus) => {
      if (!round.current) return;
      const followed = followSyncRound(round.current, next);
      if (followed.outcome.state === 'running') {
        round.current = followed.round;
        return;
      }
      round.current = null;
      setRunning(false);
      tell(followed.outcome);
    },
    [tell],
  );
  useEffect(() => {
    if (status) follow(status);
  }, [status, follow]);

  const run = useCallback(async () => {
    if (!status) return;
    // A press while a round is followed starts over: a round whose end the events never showed must not
    // leave Sync now dead.
    round.current = startSyncRound(status);
    setRunning(true);
    const answer = await syncNow();
    // Refused: the notice region says why; there is no round to follow.
    if (!answer) {
      round.current = null;
      setRunning(false);
      return;
    }
    follow(answer);
  }, [status, syncNow, follow]);
  return { syncNow: run, running };
};
