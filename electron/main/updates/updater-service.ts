import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { autoUpdater } from 'electron-updater';
import { z } from 'zod';
import { updateChannelSchema, type UpdateChannel, type UpdateState } from '../../../shared/contract/updates';
import { createElectronUpdaterDriver } from './electron-updater-driver';
import { createUpdateController, type Clock } from './update-controller';

export type UpdaterService = {
  state(): UpdateState;
  checkNow(): Promise<UpdateState>;
  restartNow(): { accepted: boolean };
  setChannel(channel: UpdateChannel): Promise<UpdateState>;
  stop(): void;
};

type Log = { info(message: string): void; warn(message: string): void; error(message: string): void };

const preferencesSchema = z.object({ channel: updateChannelSchema, installationId: z.string().uuid() });
type Preferences = z.infer<typeof preferencesSchema>;

/** The channel the user chose and the installation's id (its staged-rollout bucket), in user data. */
const loadPreferences = (file: string, version: string): Preferences => {
  try {
    return preferencesSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    // A beta build starts on the beta channel; everyone else on stable.
    const preferences: Preferences = { channel: /-(beta|alpha|rc)/.test(version) ? 'beta' : 'stable', installationId: randomUUID() };
    try {
      writeFileSync(file, JSON.stringify(preferences), { mode: 0o600 });
    } catch {
      // Without a writable user-data folder the id changes each run; the rollout bucket is then per run.
    }
    return preferences;
  }
};

const realClock: Clock = {
  now: () => Date.now(),
  setTimer: (run, delayMs) => {
    const timer = setTimeout(run, delayMs);
    timer.unref();
    return () => clearTimeout(timer);
  },
};

/**
 * electron-updater wired to the pure controller. Off (state `unsupported`) in development builds and
 * when BOTTEGA_DISABLE_UPDATES=1 (managed installs that update through their own channel).
 */
export const startUpdaterService = (options: {
  userDataDir: string;
  version: string;
  enabled: boolean;
  log: Log;
  onState: (state: UpdateState) => void;
}): UpdaterService => {
  const file = path.join(options.userDataDir, 'update-preferences.json');
  const preferences = loadPreferences(file, options.version);
  if (!options.enabled) {
    const state: UpdateState = { currentVersion: options.version, channel: preferences.channel, status: { phase: 'unsupported' } };
    return {
      state: () => state,
      checkNow: async () => state,
      restartNow: () => ({ accepted: false }),
      setChannel: async () => state,
      stop: () => undefined,
    };
  }
  autoUpdater.logger = options.log;
  const controller = createUpdateController({
    driver: createElectronUpdaterDriver(autoUpdater, { installationId: preferences.installationId, currentVersion: options.version }),
    clock: realClock,
    currentVersion: options.version,
    channel: preferences.channel,
    onState: options.onState,
    log: (level, message) => options.log[level](`[updates] ${message}`),
    saveChannel: (channel) => {
      try {
        writeFileSync(file, JSON.stringify({ ...preferences, channel } satisfies Preferences), { mode: 0o600 });
      } catch (error) {
        options.log.warn(`[updates] Could not save the channel: ${String(error)}`);
      }
    },
  });
  controller.start();
  return { state: controller.state, checkNow: controller.checkNow, restartNow: controller.restartNow, setChannel: controller.setChannel, stop: controller.stop };
};
