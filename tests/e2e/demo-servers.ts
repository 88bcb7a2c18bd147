import { test } from '@playwright/test';
import { startPlatformServer, type PlatformServer, type PlatformServerOptions } from '../platform/server';
import { AppPage } from './pages/app-page';
import { startWebHostProcess, type RunningWebHost } from './web-host-process';

/** The reference platform and a web host pointed at it, started before a spec file's tests and stopped after. */
export type DemoServers = {
  readonly platform: PlatformServer;
  readonly host: RunningWebHost;
  /** Kills the web host as a crash would and starts it again on the same workspace. */
  restartHost(): Promise<RunningWebHost>;
};

/**
 * Registers the file's beforeAll / afterAll for the demo platform (seed 7, simulation on, no rate limit, a heartbeat
 * every second) and a web host signed to nothing yet (or, with `signedIn`, signed in as the demo user and synced
 * once for every test of the file); `platform` and `host` are there once the tests run.
 */
export const useDemoServers = (options: { platform?: PlatformServerOptions; hostArgs?: readonly string[]; signedIn?: boolean } = {}): DemoServers => {
  let platform: PlatformServer | undefined;
  let host: RunningWebHost | undefined;
  test.beforeAll(async ({ browser }) => {
    // A hook has the test timeout (60 s) for all it does, and this one starts both servers (the host may take up to
    // 30 s, its own limit) and then waits up to 60 s (waitUntilSynced) for the first sync: on a loaded machine their
    // sum passed 60 s and the hook timed out, failing the file's first test and skipping the rest. Its own budget
    // is the sum of its steps' limits.
    if (options.signedIn) test.setTimeout(120_000);
    platform = await startPlatformServer({ seed: 7, scale: 'demo', simulation: true, rateLimit: false, heartbeatMs: 1000, ...options.platform });
    host = await startWebHostProcess(['--platform', platform.url, ...(options.hostArgs ?? [])]);
    if (!options.signedIn) return;
    const page = await browser.newPage();
    const app = new AppPage(page);
    await app.open(host.url);
    await app.signIn(platform.users.demo.email, platform.users.demo.password);
    await app.waitUntilSynced();
    await page.close();
  });
  test.afterAll(async () => {
    await host?.stop();
    await platform?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The demo servers start in beforeAll: read them inside a test or hook.');
    return value;
  };
  return {
    get platform() {
      return started(platform);
    },
    get host() {
      return started(host);
    },
    restartHost: async () => (host = await started(host).restart()),
  };
};
