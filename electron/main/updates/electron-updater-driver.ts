import type { AppUpdater, ProgressInfo, UpdateInfo } from 'electron-updater';
import type { UpdateChannel } from '../../../shared/contract/updates';
import type { DownloadProgress, UpdaterDriver } from './update-controller';
import { feedChannelFor, isUpgrade, isWithinRollout } from './update-policy';

export type ElectronUpdaterDriverOptions = {
  /** Stable per installation: decides the staged-rollout bucket. */
  installationId: string;
  currentVersion: string;
};

/**
 * Adapts electron-updater's AppUpdater (the platform's real updater in the app; a DebUpdater against a
 * local feed in tests) to the controller. Settings made explicit here, whatever electron-updater's
 * defaults: download only when the controller asks, install on quit, never downgrade (setting
 * `channel` silently turns `allowDowngrade` on, so it is turned off again every time), rollout
 * buckets from our stable installation id. Signature checks stay electron-updater's per platform
 * (sha512 of every download; Windows: the installer's publisher; macOS: Squirrel's code signature).
 */
export const createElectronUpdaterDriver = (updater: AppUpdater, options: ElectronUpdaterDriverOptions): UpdaterDriver => {
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = true;
  updater.allowDowngrade = false;
  updater.allowPrerelease = false;
  updater.fullChangelog = false;
  updater.disableWebInstaller = true;
  updater.isUserWithinRollout = (info: UpdateInfo) => isWithinRollout(info.stagingPercentage, options.installationId);
  const defaultSupported = updater.isUpdateSupported;
  updater.isUpdateSupported = async (info: UpdateInfo) =>
    isUpgrade(info.version, options.currentVersion) && (await defaultSupported(info));

  return {
    setChannel: (channel: UpdateChannel) => {
      updater.channel = feedChannelFor(channel);
      updater.allowPrerelease = channel === 'beta';
      updater.allowDowngrade = false;
    },
    check: async () => {
      const result = await updater.checkForUpdates();
      if (!result?.isUpdateAvailable) return null;
      return { version: result.updateInfo.version };
    },
    download: async (onProgress: (progress: DownloadProgress) => void) => {
      const listener = (info: ProgressInfo): void => onProgress(info);
      updater.on('download-progress', listener);
      try {
        await updater.downloadUpdate();
      } finally {
        updater.off('download-progress', listener);
      }
    },
    quitAndInstall: () => updater.quitAndInstall(false, true),
  };
};
