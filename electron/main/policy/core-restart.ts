/** Not restarted: how many crashes within how many seconds (main tells the user, translated). */
export type RestartDecision = { restart: true; delayMs: number } | { restart: false; crashes: number; seconds: number };

export type RestartPolicy = {
  /** Crashes counted within this window... */
  windowMs: number;
  /** ...beyond which the core is not restarted again: a crash loop is reported, not repeated. */
  maxCrashes: number;
  baseDelayMs: number;
  maxDelayMs: number;
};

export const defaultRestartPolicy: RestartPolicy = { windowMs: 60_000, maxCrashes: 4, baseDelayMs: 250, maxDelayMs: 5_000 };

/**
 * Whether to restart the core after it died unexpectedly, given the times of earlier crashes
 * (including this one). Backs off exponentially and gives up on a crash loop.
 */
export const decideCoreRestart = (
  crashTimes: readonly number[],
  now: number,
  policy: RestartPolicy = defaultRestartPolicy,
): RestartDecision => {
  const recent = crashTimes.filter((time) => now - time <= policy.windowMs && time <= now).length;
  if (recent > policy.maxCrashes) {
    return { restart: false, crashes: recent, seconds: Math.round(policy.windowMs / 1000) };
  }
  const delayMs = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, recent - 1));
  return { restart: true, delayMs };
};
