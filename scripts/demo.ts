/**
 * `npm run demo`: a living workspace for a newcomer. Starts the reference platform (demo seed, the other
 * side acting every few seconds) and Bottega's core under web-host pointed at it, signed in as the demo
 * user, then prints the address to open. Ctrl+C stops both.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startWebHost } from '../electron/web-host/web-host';
import { startPlatformServer } from '../tests/platform/server';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: path.join(root, '.bottega-data', 'demo') },
    port: { type: 'string', default: '0' },
    'platform-port': { type: 'string', default: '0' },
  },
});

const rendererDir = path.join(root, 'out', 'renderer');
if (!existsSync(path.join(rendererDir, 'index.html'))) {
  console.error('No built renderer: run "npm run build:renderer" first (npm run demo does).');
  process.exit(1);
}

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
}

console.log(`Reference platform: ${platform.url} (demo user ${platform.users.demo.email} / ${platform.users.demo.password})`);
console.log(`Bottega web host is running. Open ${host.url}`);

const stop = (): void => {
  void Promise.all([host.close(), platform.close()]).then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
