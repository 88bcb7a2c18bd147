export type SaveTiming = {
  /** Save this long after typing stops. */
  pauseMs: number;
  /** And at least this often while typing goes on without a pause, so a crash mid-sentence costs under a second. */
  maxWaitMs: number;
};

/** The timing of text saved as it is typed: after a pause, at the latest `maxWaitMs` after the oldest unsaved change. */
export const createSaveScheduler = <T>(save: (value: T) => void, { pauseMs, maxWaitMs }: SaveTiming) => {
  let pending: { value: T; since: number } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const cancel = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    pending = null;
  };
  /** What is waiting to be saved, handed to the caller instead of `save` (which then is not called for it). */
  const take = (): T | null => {
    const waiting = pending;
    cancel();
    return waiting ? waiting.value : null;
  };
  const flush = (): void => {
    const waiting = pending;
    cancel();
    if (waiting) save(waiting.value);
  };
  const schedule = (value: T): void => {
    const now = Date.now();
    pending = { value, since: pending?.since ?? now };
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, Math.max(0, Math.min(pauseMs, pending.since + maxWaitMs - now)));
  };
  return { schedule, flush, take, cancel, hasPending: (): boolean => pending !== null };
};

export type SaveScheduler<T> = ReturnType<typeof createSaveScheduler<T>>;

/** For text typed by the user: durable well within the second a crash may cost. */
export const typingSaveTiming: SaveTiming = { pauseMs: 400, maxWaitMs: 600 };
