import type { UpdateChannel, UpdateState, UpdateStatus } from '../../../shared/contract/updates';
import {
  classifyUpdateError,
  defaultRetryPolicy,
  isUpgrade,
  retryDelayMs,
  updateSchedule,
  type RetryPolicy,
} from './update-policy';

export type DownloadProgress = { percent: number; transferred: number; total: number; bytesPerSecond: number };

/**
 * What the controller needs from an updater. electron-updater-driver.ts adapts electron-updater's
 * AppUpdater to it; tests drive the same adapter against a local feed.
 */
export type UpdaterDriver = {
  /** Selects the feed; must leave downgrades disallowed. */
  setChannel(channel: UpdateChannel): void;
  /** The offered version when the feed has an update for this installation, null when it has none. */
  check(): Promise<{ version: string } | null>;
  /** Downloads (and verifies) the offered update, reporting progress. */
  download(onProgress: (progress: DownloadProgress) => void): Promise<void>;
  /** Quits the app and runs the installer of the downloaded update. */
  quitAndInstall(): void;
};

export type Clock = {
  now(): number;
  /** Schedules `run` once; the returned function cancels it. */
  setTimer(run: () => void, delayMs: number): () => void;
};

export type UpdateControllerOptions = {
  driver: UpdaterDriver;
  clock: Clock;
  currentVersion: string;
  channel: UpdateChannel;
  onState: (state: UpdateState) => void;
  /** Raw errors go here (the local log), never to the UI. */
  log: (level: 'info' | 'warn' | 'error', message: string) => void;
  /** Remembers the channel the user chose (main's preferences file). */
  saveChannel?: (channel: UpdateChannel) => void;
  random?: () => number;
  retryPolicy?: RetryPolicy;
  intervalMs?: number;
  startupDelayMs?: number;
};

export type UpdateController = {
  /** Schedules the first check and the regular ones after it. */
  start(): void;
  stop(): void;
  state(): UpdateState;
  /** Runs a check now (unless one is running or an update is already downloaded) and answers the state it ends in. */
  checkNow(): Promise<UpdateState>;
  /** Installs the downloaded update; refused (false) when none is ready. */
  restartNow(): { accepted: boolean };
  setChannel(channel: UpdateChannel): Promise<UpdateState>;
};

const describe = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

const clampProgress = (progress: DownloadProgress): Omit<Extract<UpdateStatus, { phase: 'downloading' }>, 'phase' | 'version'> => {
  const finite = (value: number): number => (Number.isFinite(value) && value > 0 ? value : 0);
  return {
    percent: Math.min(100, finite(progress.percent)),
    transferred: finite(progress.transferred),
    total: finite(progress.total),
    bytesPerSecond: finite(progress.bytesPerSecond),
  };
};

/**
 * The update state machine and its schedule, with no Electron in it:
 * idle → checking → (up-to-date | downloading → ready | failed), failures retried with capped
 * exponential backoff and then left to the next regular check, so a broken feed never becomes a
 * crash or a tight loop. Nothing here throws into a timer.
 */
export const createUpdateController = (options: UpdateControllerOptions): UpdateController => {
  const random = options.random ?? Math.random;
  const retryPolicy = options.retryPolicy ?? defaultRetryPolicy;
  const intervalMs = options.intervalMs ?? updateSchedule.intervalMs;
  const startupDelayMs = options.startupDelayMs ?? updateSchedule.startupDelayMs;
  let channel = options.channel;
  let status: UpdateStatus = { phase: 'idle' };
  let failures = 0;
  let running: Promise<UpdateState> | undefined;
  let cancelTimer: (() => void) | undefined;
  let stopped = true;

  const snapshot = (): UpdateState => ({ currentVersion: options.currentVersion, channel, status });

  const publish = (next: UpdateStatus): void => {
    // A run is over as soon as it reaches an end state: a listener reacting to that state may check again at once.
    if (next.phase === 'up-to-date' || next.phase === 'ready' || next.phase === 'failed') running = undefined;
    status = next;
    options.onState(snapshot());
  };

  const schedule = (delayMs: number): void => {
    cancelTimer?.();
    cancelTimer = undefined;
    if (stopped) return;
    cancelTimer = options.clock.setTimer(() => {
      cancelTimer = undefined;
      void checkNow();
    }, delayMs);
  };

  const fail = (error: unknown): void => {
    failures++;
    options.log('error', `Update failed (attempt ${failures}): ${describe(error)}`);
    const delay = retryDelayMs(failures, random(), retryPolicy);
    const now = options.clock.now();
    publish({ phase: 'failed', reason: classifyUpdateError(error), attempt: failures, retryAt: delay === null ? null : now + delay });
    if (delay === null) failures = 0;
    schedule(delay ?? intervalMs);
  };

  const run = async (): Promise<void> => {
    publish({ phase: 'checking' });
    try {
      const offer = await options.driver.check();
      if (!offer || !isUpgrade(offer.version, options.currentVersion)) {
        if (offer) options.log('warn', `Ignored ${offer.version}: not newer than ${options.currentVersion}.`);
        failures = 0;
        publish({ phase: 'up-to-date', checkedAt: options.clock.now() });
        schedule(intervalMs);
        return;
      }
      options.log('info', `Downloading update ${offer.version}.`);
      publish({ phase: 'downloading', version: offer.version, percent: 0, transferred: 0, total: 0, bytesPerSecond: 0 });
      await options.driver.download((progress) => {
        if (status.phase === 'downloading') publish({ phase: 'downloading', version: offer.version, ...clampProgress(progress) });
      });
      failures = 0;
      options.log('info', `Update ${offer.version} downloaded; it installs on quit or restart.`);
      // Nothing more to check until this one is installed: no timer.
      publish({ phase: 'ready', version: offer.version });
    } catch (error) {
      fail(error);
    }
  };

  const checkNow = (): Promise<UpdateState> => {
    if (status.phase === 'ready') return Promise.resolve(snapshot());
    running ??= run()
      .catch((error: unknown) => options.log('error', `Update check crashed: ${describe(error)}`))
      .then(() => snapshot());
    return running;
  };

  return {
    start: () => {
      if (!stopped) return;
      stopped = false;
      try {
        options.driver.setChannel(channel);
      } catch (error) {
        options.log('error', `Could not select the update channel: ${describe(error)}`);
      }
      options.onState(snapshot());
      schedule(startupDelayMs);
    },
    stop: () => {
      stopped = true;
      cancelTimer?.();
      cancelTimer = undefined;
    },
    state: snapshot,
    checkNow,
    restartNow: () => {
      if (status.phase !== 'ready') return { accepted: false };
      options.driver.quitAndInstall();
      return { accepted: true };
    },
    setChannel: async (next) => {
      if (next === channel) return snapshot();
      if (running) await running;
      channel = next;
      options.saveChannel?.(next);
      options.driver.setChannel(next);
      options.log('info', `Update channel set to ${next}.`);
      // An update already downloaded stays ready (it was an upgrade when fetched); otherwise look at
      // the new channel's feed right away.
      if (status.phase === 'ready') {
        options.onState(snapshot());
        return snapshot();
      }
      failures = 0;
      return checkNow();
    },
  };
};
