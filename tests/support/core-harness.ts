import { afterEach } from 'vitest';
import { contract, type BottegaClient } from '../../shared/contract';
import type { ImageDownloadProgress } from '../../shared/contract/portfolio';
import type { SyncStatus } from '../../shared/contract/sync';
import { createBridge, createClient } from '../../shared/rpc/bridge';
import { createInProcessPair } from '../../shared/rpc/transport';
import { openCore, type Core, type CoreOptions } from '../../electron/core/core';
import { startPlatformServer, type PlatformServer, type PlatformServerOptions } from '../platform/server';
import { useTempDirs } from './temp-dir';

/** Resolves with the value read now, or the first one an event brings, that satisfies the predicate. */
const waitForValue = <T>(subscribe: (check: (value: T) => void) => () => void, read: () => Promise<T>, predicate: (value: T) => boolean): Promise<T> =>
  new Promise((resolve) => {
    let done = false;
    const check = (value: T): void => {
      if (done || !predicate(value)) return;
      done = true;
      stop();
      resolve(value);
    };
    const stop = subscribe(check);
    void read().then(check);
  });

/** Resolves with the current status or the first status event that satisfies the predicate. */
export const waitForStatus = (client: BottegaClient, predicate: (status: SyncStatus) => boolean): Promise<SyncStatus> =>
  waitForValue((check) => client.on('syncStatusChanged', check), () => client.sync.getStatus(), predicate);

export type Workspace = { core: Core; client: BottegaClient; dataDir: string };

/**
 * Workspaces (real cores on real files, spoken to through the contract in process) and reference platforms
 * for one test file; everything opened is closed after each test, newest first.
 */
export const useCoreHarness = () => {
  const makeTempDir = useTempDirs();
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** A workspace in a fresh folder unless `dataDir` names one; offline-only when `platformUrl` is null. */
  const openWorkspace = async (platformUrl: string | null = null, options: Partial<CoreOptions> = {}): Promise<Workspace> => {
    const dataDir = options.dataDir ?? makeTempDir();
    const core = await openCore({ host: 'web', version: 'test', validateOutput: true, platformUrl, ...options, dataDir });
    cleanups.push(() => core.close());
    const [near, far] = createInProcessPair();
    core.serve(far);
    return { core, client: createClient(contract, createBridge(contract, near)), dataDir };
  };

  /** The reference platform, seeded with the demo data (seed 7) unless `options` say otherwise. */
  const startPlatform = async (options: PlatformServerOptions = {}): Promise<PlatformServer> => {
    const platform = await startPlatformServer({ seed: 7, scale: 'demo', simulation: true, rateLimit: false, ...options });
    cleanups.push(() => platform.close());
    return platform;
  };

  /** A workspace signed in as the platform's demo user, its first sync done. */
  const openSignedIn = async (platform: PlatformServer, options: Partial<CoreOptions> = {}): Promise<Workspace> => {
    const workspace = await openWorkspace(platform.url, options);
    await signIn(workspace.client, platform);
    await waitForFirstSync(workspace.client);
    return workspace;
  };

  return { makeTempDir, openWorkspace, startPlatform, openSignedIn };
};

export const signIn = (client: BottegaClient, platform: PlatformServer) =>
  client.sync.signIn({ email: platform.users.demo.email, password: platform.users.demo.password });

export const waitForFirstSync = (client: BottegaClient) => waitForStatus(client, (s) => s.phase === 'idle' && s.lastSyncAt !== null);

/** Every write sent and confirmed, nothing refused or in conflict. */
export const waitForSettled = (client: BottegaClient) =>
  waitForStatus(client, (s) => s.phase === 'idle' && s.lastSyncAt !== null && s.pending === 0 && s.failed === 0 && s.conflicts === 0);

/** Resolves with the image downloads' progress once it satisfies `predicate` (read now, then on each change). */
export const waitForDownloads = (client: BottegaClient, predicate: (progress: ImageDownloadProgress) => boolean): Promise<ImageDownloadProgress> =>
  waitForValue((check) => client.on('imageDownloadsChanged', check), () => client.portfolio.getImageDownloads({}), predicate);

export const downloadsFinished = (progress: ImageDownloadProgress): boolean => !progress.active && progress.done + progress.failed >= progress.total;
