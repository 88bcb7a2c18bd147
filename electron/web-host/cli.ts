import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { seedWorkspaceIfEmpty } from '../core/dev/seed-workspace';
import { connectAccounts, describeConnectOutcome, parseConnectRequestsOrExit } from './connect-accounts';
import { startWebHost } from './web-host';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'data-dir': { type: 'string', default: path.join(root, '.bottega-data', 'web') },
    'renderer-dir': { type: 'string', default: path.join(root, 'out', 'renderer') },
    dev: { type: 'boolean', default: false },
    platform: { type: 'string' },
    'seed-demo': { type: 'boolean', default: false },
    'seed-count': { type: 'string', default: '2000' },
    /** `freelancer=<base URL>`, repeatable; the token from BOTTEGA_FREELANCER_TOKEN. */
    connect: { type: 'string', multiple: true, default: [] },
  },
});

const connectRequests = parseConnectRequestsOrExit(values.connect);

const rendererDir = path.resolve(values['renderer-dir']);
if (!values.dev && !existsSync(path.join(rendererDir, 'index.html'))) {
  console.error(`No built renderer in ${rendererDir}. Run "npm run build:renderer" first, or use --dev.`);
  process.exit(1);
}

const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
const host = await startWebHost({
  dataDir: path.resolve(values['data-dir']),
  version,
  port: Number(values.port),
  rendererDir,
  dev: values.dev,
  platformUrl: values.platform ?? null,
  log: (message) => console.error(message),
  // Signing in to Freelancer.com through the browser needs the app's client id (the fixture's for the demo).
  ...(process.env['BOTTEGA_FREELANCER_CLIENT_ID'] ? { oauthClientIds: { freelancer: process.env['BOTTEGA_FREELANCER_CLIENT_ID'] } } : {}),
  openSignInPage: (url) => console.log(`Open this sign-in page in your browser: ${url}`),
});

if (values['seed-demo'] && host.core.state === 'ready') {
  const seeded = seedWorkspaceIfEmpty(host.core, Number(values['seed-count']));
  if (seeded > 0) console.log(`Seeded ${seeded} demo projects into ${values['data-dir']}`);
}

if (connectRequests.length > 0 && host.core.state === 'ready') {
  for (const outcome of await connectAccounts(host.core, connectRequests)) {
    (outcome.outcome === 'failed' ? console.error : console.log)(describeConnectOutcome(outcome));
  }
}

console.log(`Bottega web host is running. Open ${host.url}`);

const stop = (): void => {
  void host.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
