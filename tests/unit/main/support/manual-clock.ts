import type { Clock } from '../../../../electron/main/updates/update-controller';

type Timer = { at: number; run: () => void; cancelled: boolean; delayMs: number };

/** A clock whose timers run only when the test says so: schedules are asserted, never waited for. */
export const createManualClock = (start = 1_700_000_000_000) => {
  let now = start;
  const timers: Timer[] = [];
  const clock: Clock = {
    now: () => now,
    setTimer: (run, delayMs) => {
      const timer = { at: now + delayMs, run, cancelled: false, delayMs };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
  };
  const pending = (): Timer[] => timers.filter((timer) => !timer.cancelled).sort((a, b) => a.at - b.at);
  return {
    clock,
    pending,
    /** Moves time to the earliest pending timer and runs it. */
    fireNext: (): Timer => {
      const [next] = pending();
      if (!next) throw new Error('No timer is pending.');
      now = next.at;
      next.cancelled = true;
      next.run();
      return next;
    },
  };
};
