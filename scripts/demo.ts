/**
 * `npm run demo`: a living workspace for a newcomer. Starts the reference platform (demo seed, the other
 * side acting every few seconds) and the Freelancer.com fixture, and Bottega pointed at both: the Electron app
 * where its binary exists (the Freelancer account is added from Settings → Accounts, with the address and token
 * printed), otherwise the core under web-host, signed in as the demo user on the reference platform and with the
 * fixture's account added as Settings adds it, so it opens as a two-platform workspace.
 * `--connect freelancer=<base URL>` (token in BOTTEGA_FREELANCER_TOKEN) connects that server instead of the fixture.
 * Ctrl+C stops everything.
 */
// First, before any module that needs Node 22 is loaded: an older Node gets a clear message, not a crash.
import './check-node.cjs';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { seedDemoTemplatesIfEmpty } from '../electron/core/dev/demo-templates';
import { connectAccounts, connectTokenVariables, describeConnectOutcome, parseConnectRequestsOrExit, type ConnectRequest } from '../electron/web-host/connect-accounts';
import { startWebHost } from '../electron/web-host/web-host';
import { startFreelancerFixture, type FreelancerFixture } from '../tests/platform/freelancer/server';
import { startPlatformServer, type PlatformServer } from '../tests/platform/server';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: path.join(root, '.bottega-data', 'demo') },
    port: { type: 'string', default: '0' },
    'platform-port': { type: 'string', default: '0' },
    browser: { type: 'boolean', default: false },
    connect: { type: 'string', multiple: true, default: [] },
  },
});

const connectRequests = parseConnectRequestsOrExit(values.connect);

/** What else to connect: the user's own `--connect`, or else the Freelancer fixture (its token given to it here). */
type Connections = { requests: ConnectRequest[]; env: NodeJS.ProcessEnv; fixture: FreelancerFixture | null };

/** Electron fetches its binary on first use; where that never happened (or cannot), the demo runs in a browser. */
const findElectronBinary = (): string | null => {
  const pathFile = path.join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
};

const closeAll = (platform: PlatformServer, connections: Connections): Promise<unknown> => Promise.all([platform.close(), connections.fixture?.close()]);

const runInElectron = (binary: string, platform: PlatformServer, credentials: string, connections: Connections): void => {
  console.log(`Reference platform: ${platform.url} (${credentials}: sign in from Settings)`);
  for (const request of connections.requests) {
    const token = connections.fixture && request.baseUrl === connections.fixture.url ? `, token ${connections.fixture.token}` : '';
    console.log(`${request.platform}: ${request.baseUrl}${token} (Settings → Accounts → Add account → Advanced)`);
  }
  const app = spawn(binary, [root], { stdio: 'inherit', env: { ...process.env, BOTTEGA_PLATFORM_URL: platform.url } });
  app.once('exit', () => void closeAll(platform, connections).then(() => process.exit(0)));
  process.once('SIGINT', () => app.kill('SIGTERM'));
};

const runInBrowser = async (dataDir: string, platform: PlatformServer, credentials: string, connections: Connections): Promise<void> => {
  const rendererDir = path.join(root, 'out', 'renderer');
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    console.error('No built renderer: run "npm run build" first (npm run demo does).');
    process.exit(1);
  }
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const host = await startWebHost({
    dataDir: path.join(dataDir, 'workspace'),
    version,
    port: Number(values.port),
    rendererDir,
    platformUrl: platform.url,
    log: (message) => console.error(message),
  });
  if (host.core.sync.status().account === null) {
    const signIn = await host.core.sync.signIn(platform.users.demo.email, platform.users.demo.password);
    if (!signIn.ok) console.error(`Could not sign in the demo user: ${signIn.reason}`);
    // A new demo workspace: a library of letter templates and snippets in five languages (local, never synced).
    if (host.core.state === 'ready') seedDemoTemplatesIfEmpty(host.core.db);
  }
  for (const outcome of await connectAccounts(host.core, connections.requests, connections.env)) {
    (outcome.outcome === 'failed' ? console.error : console.log)(describeConnectOutcome(outcome));
  }
  console.log(`Reference platform: ${platform.url} (${credentials})`);
  if (connections.fixture) console.log(`Freelancer.com fixture: ${connections.fixture.url}`);
  console.log(`Bottega web host is running. Open ${host.url}`);
  const stop = (): void => {
    void Promise.all([host.close(), closeAll(platform, connections)]).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
};

const dataDir = path.resolve(values['data-dir']);
mkdirSync(dataDir, { recursive: true });
const platform = await startPlatformServer({
  port: Number(values['platform-port']),
  seed: 7,
  scale: 'demo',
  anchor: 'now',
  live: true,
  dataDir: path.join(dataDir, 'platform'),
});
const credentials = `demo user ${platform.users.demo.email} / ${platform.users.demo.password}`;
const fixture = connectRequests.length > 0 ? null : await startFreelancerFixture({ seed: 7, scale: 'demo', anchor: 'now', warm: true });
const connections: Connections = fixture
  ? { requests: [{ platform: 'freelancer', baseUrl: fixture.url }], env: { ...process.env, [connectTokenVariables.freelancer]: fixture.token }, fixture }
  : { requests: connectRequests, env: process.env, fixture: null };
const electron = values.browser ? null : findElectronBinary();
if (electron && existsSync(path.join(root, 'out', 'main', 'index.js'))) runInElectron(electron, platform, credentials, connections);
else await runInBrowser(dataDir, platform, credentials, connections);
