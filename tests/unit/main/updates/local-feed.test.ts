import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DebUpdater } from 'electron-updater';
import { ElectronHttpExecutor } from 'electron-updater/out/electronHttpExecutor';
import yaml from 'js-yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createElectronUpdaterDriver } from '../../../../electron/main/updates/electron-updater-driver';
import { createUpdateController, type UpdateController } from '../../../../electron/main/updates/update-controller';
import { rolloutBucket } from '../../../../electron/main/updates/update-policy';
import type { UpdateState, UpdateStatus } from '../../../../shared/contract/updates';
import { createManualClock } from '../support/manual-clock';

/**
 * electron-updater's real DebUpdater (feed parsing, version and rollout checks, download with sha512
 * verification, cache) driven by our controller against a feed served from 127.0.0.1. Only two
 * things differ from the app: HTTP goes through Node instead of Electron's `net`, and the app adapter
 * is a plain object instead of Electron's `app`.
 */

/** Electron's net module is missing in plain Node: the same executor over node:http. */
class NodeHttpExecutor extends ElectronHttpExecutor {
  override createRequest(options: Parameters<ElectronHttpExecutor['createRequest']>[0], callback: (response: unknown) => void) {
    const request = httpRequest(options, callback);
    return request as unknown as ReturnType<ElectronHttpExecutor['createRequest']>;
  }
  override addRedirectHandlers(): void {}
}

type Route = { status: number; body: Buffer | string };

const startFeedServer = async () => {
  const routes = new Map<string, Route>();
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(pathname);
    const route = routes.get(pathname);
    if (!route) {
      response.writeHead(404).end('not found');
      return;
    }
    const body = typeof route.body === 'string' ? Buffer.from(route.body) : route.body;
    response.writeHead(route.status, { 'Content-Length': body.length, 'Content-Type': 'application/octet-stream' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    routes,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

type FeedServer = Awaited<ReturnType<typeof startFeedServer>>;

const payloadFor = (version: string): Buffer => {
  // Deterministic bytes, big enough for a few chunks.
  const chunks: Buffer[] = [];
  for (let index = 0; chunks.length < 64; index++) chunks.push(createHash('sha512').update(`${version}:${index}`).digest());
  return Buffer.concat(Array.from({ length: 64 }, () => Buffer.concat(chunks)));
};

/** Publishes a release the way electron-builder does: the package, and the channel file describing it. */
const publish = (
  feed: FeedServer,
  options: { version: string; channelFile?: string; stagingPercentage?: number; corrupt?: boolean },
): Buffer => {
  const payload = payloadFor(options.version);
  const fileName = `bottega_${options.version}_amd64.deb`;
  const sha512 = createHash('sha512').update(options.corrupt ? Buffer.from('something else') : payload).digest('base64');
  const info = {
    version: options.version,
    files: [{ url: fileName, sha512, size: payload.length }],
    path: fileName,
    sha512,
    releaseDate: '2025-06-01T10:00:00.000Z',
    ...(options.stagingPercentage === undefined ? {} : { stagingPercentage: options.stagingPercentage }),
  };
  feed.routes.set(`/${options.channelFile ?? 'latest-linux.yml'}`, { status: 200, body: yaml.dump(info) });
  feed.routes.set(`/${fileName}`, { status: 200, body: payload });
  return payload;
};

type Harness = {
  controller: UpdateController;
  updater: DebUpdater;
  states: UpdateState[];
  phases: () => UpdateStatus['phase'][];
  fireNext: ReturnType<typeof createManualClock>['fireNext'];
  pending: ReturnType<typeof createManualClock>['pending'];
  installs: () => number;
  cacheDir: string;
  settled: () => Promise<UpdateState>;
};

describe('the updater against a local feed', () => {
  let feed: FeedServer;
  let dir: string;

  beforeEach(async () => {
    feed = await startFeedServer();
    dir = mkdtempSync(path.join(tmpdir(), 'bottega-updates-'));
    // The feed file name carries the architecture; pin it so the test reads the same file on every machine.
    process.env['TEST_UPDATER_ARCH'] = 'x64';
  });

  afterEach(async () => {
    await feed.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const createHarness = (options: { version?: string; installationId?: string } = {}): Harness => {
    const version = options.version ?? '1.0.0';
    const configPath = path.join(dir, 'app-update.yml');
    // What electron-builder writes into resources/ from the `publish` section of electron-builder.yml.
    writeFileSync(configPath, yaml.dump({ provider: 'generic', url: feed.url, updaterCacheDirName: 'bottega-updater' }));
    mkdirSync(path.join(dir, 'cache'), { recursive: true });
    const updater = new DebUpdater(null, {
      version,
      name: 'Bottega',
      isPackaged: true,
      appUpdateConfigPath: configPath,
      userDataPath: path.join(dir, 'user-data'),
      baseCachePath: path.join(dir, 'cache'),
      whenReady: () => Promise.resolve(),
      relaunch: () => undefined,
      quit: () => undefined,
      onQuit: () => undefined,
    });
    Reflect.set(updater, 'httpExecutor', new NodeHttpExecutor());
    updater.logger = null;
    let installs = 0;
    // Installing would run dpkg: count the call instead.
    updater.quitAndInstall = () => {
      installs++;
    };
    const states: UpdateState[] = [];
    const { clock, fireNext, pending } = createManualClock();
    const waiters: Array<(state: UpdateState) => void> = [];
    const controller = createUpdateController({
      driver: createElectronUpdaterDriver(updater, { installationId: options.installationId ?? 'installation-a', currentVersion: version }),
      clock,
      currentVersion: version,
      channel: 'stable',
      random: () => 1,
      onState: (state) => {
        states.push(state);
        if (['up-to-date', 'ready', 'failed'].includes(state.status.phase)) for (const resolve of waiters.splice(0)) resolve(state);
      },
      log: () => undefined,
    });
    return {
      controller,
      updater,
      states,
      phases: () => states.map((state) => state.status.phase),
      fireNext,
      pending,
      installs: () => installs,
      cacheDir: path.join(dir, 'cache', 'bottega-updater'),
      settled: () => new Promise((resolve) => waiters.push(resolve)),
    };
  };

  it('checks at start, downloads in the background with progress, and is ready to install', async () => {
    const payload = publish(feed, { version: '1.1.0' });
    const harness = createHarness();
    harness.controller.start();
    expect(harness.pending().map((timer) => timer.delayMs)).toEqual([30_000]);

    const settled = harness.settled();
    harness.fireNext();
    const final = await settled;

    expect(final.status).toEqual({ phase: 'ready', version: '1.1.0' });
    const phases = harness.phases();
    expect(phases.slice(0, 3)).toEqual(['idle', 'checking', 'downloading']);
    expect(phases.at(-1)).toBe('ready');
    const progress = harness.states.map((state) => state.status).filter((status) => status.phase === 'downloading');
    expect(progress.at(-1)).toMatchObject({ version: '1.1.0', percent: 100, transferred: payload.length, total: payload.length });
    expect(feed.requests).toEqual(['/latest-linux.yml', '/bottega_1.1.0_amd64.deb']);
    // The verified package sits in the updater's cache, byte for byte.
    const cached = path.join(harness.cacheDir, 'pending', 'bottega_1.1.0_amd64.deb');
    expect(readFileSync(cached).equals(payload)).toBe(true);
    // Nothing else is scheduled: the update installs on quit, or now if the user asks.
    expect(harness.pending()).toEqual([]);
    expect(harness.controller.restartNow()).toEqual({ accepted: true });
    expect(harness.installs()).toBe(1);
  });

  it('reports a download that fails verification, retries with backoff, and recovers', async () => {
    publish(feed, { version: '1.2.0', corrupt: true });
    const harness = createHarness();
    const failed = await harness.controller.checkNow();
    expect(failed.status).toMatchObject({ phase: 'failed', reason: 'integrity', attempt: 1 });
    // Nothing half-downloaded is kept as if it were the update.
    expect(existsSync(path.join(harness.cacheDir, 'pending', 'bottega_1.2.0_amd64.deb'))).toBe(false);
    expect(harness.controller.restartNow()).toEqual({ accepted: false });

    harness.controller.start();
    // start() replaces the schedule with the regular first check; the failure's retry is what a running app keeps.
    publish(feed, { version: '1.2.0', corrupt: true });
    const second = harness.settled();
    harness.fireNext();
    expect((await second).status).toMatchObject({ phase: 'failed', reason: 'integrity', attempt: 2 });
    const [retry] = harness.pending();
    expect(retry?.delayMs).toBe(120_000);

    publish(feed, { version: '1.2.0' });
    const third = harness.settled();
    harness.fireNext();
    expect((await third).status).toEqual({ phase: 'ready', version: '1.2.0' });
  });

  it('reports an unreachable feed as a server failure and gives up quick retries after five', async () => {
    feed.routes.set('/latest-linux.yml', { status: 503, body: 'maintenance' });
    const harness = createHarness();
    harness.controller.start();
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 6; attempt++) {
      const settled = harness.settled();
      harness.fireNext();
      const state = await settled;
      expect(state.status).toMatchObject({ phase: 'failed', reason: 'server', attempt });
      delays.push(harness.pending()[0]!.delayMs);
    }
    // 1, 2, 4, 8, 16 minutes (jitter pinned at 100 %), then back to the regular four-hour check.
    expect(delays).toEqual([60_000, 120_000, 240_000, 480_000, 960_000, 4 * 60 * 60_000]);
    expect(harness.states.at(-1)?.status).toMatchObject({ retryAt: null });
  });

  it('never downgrades, even when the feed offers an older version', async () => {
    publish(feed, { version: '0.9.0' });
    const harness = createHarness({ version: '1.0.0' });
    const state = await harness.controller.checkNow();
    expect(state.status.phase).toBe('up-to-date');
    harness.controller.setChannel('beta');
    expect(harness.updater.allowDowngrade).toBe(false);
    expect(feed.requests.filter((request) => request.endsWith('.deb'))).toEqual([]);
  });

  it('respects a staged rollout with a bucket that is stable per installation', async () => {
    const installationId = 'installation-b';
    const bucket = rolloutBucket(installationId);
    publish(feed, { version: '1.3.0', stagingPercentage: bucket });
    const outside = createHarness({ installationId });
    expect((await outside.controller.checkNow()).status.phase).toBe('up-to-date');
    expect((await outside.controller.checkNow()).status.phase).toBe('up-to-date');

    publish(feed, { version: '1.3.0', stagingPercentage: bucket + 1 });
    const inside = createHarness({ installationId });
    expect((await inside.controller.checkNow()).status).toEqual({ phase: 'ready', version: '1.3.0' });
  });

  it('reads the beta feed on the beta channel, with downgrades still refused', async () => {
    publish(feed, { version: '1.1.0' });
    publish(feed, { version: '1.4.0-beta.1', channelFile: 'beta-linux.yml' });
    const harness = createHarness();
    const state = await harness.controller.setChannel('beta');
    expect(state).toMatchObject({ channel: 'beta', status: { phase: 'ready', version: '1.4.0-beta.1' } });
    expect(harness.updater.channel).toBe('beta');
    expect(harness.updater.allowDowngrade).toBe(false);
    expect(feed.requests[0]).toBe('/beta-linux.yml');
    expect(readdirSync(path.join(harness.cacheDir, 'pending'))).toContain('bottega_1.4.0-beta.1_amd64.deb');
  });
});
