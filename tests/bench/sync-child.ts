/**
 * The core's side of `npm run bench -- sync`: a fresh workspace pulls the whole feed from the platform, in
 * its own process so that its memory and CPU are its own. Prints one JSON line with what it measured.
 */
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openWritableDatabase } from '../../electron/core/db/database';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { createFileSecretStore } from '../../electron/core/secrets/secret-store';
import { createPlatformClient } from '../../electron/core/sync/platform-client';
import { pullChanges } from '../../electron/core/sync/pull';
import { createSession } from '../../electron/core/sync/session';
import { ensureTestAccount } from '../support/test-account';

const [platformUrl, dataDir, email, password] = process.argv.slice(2) as [string, string, string, string];
const file = path.join(dataDir, 'workspace.sqlite');
const db = openWritableDatabase(file);
await migrate(db, { file, migrations });
const accountId = ensureTestAccount(db, platformUrl);
const session = createSession({ baseUrl: platformUrl, secrets: createFileSecretStore(path.join(dataDir, 'vault.json')) });
const signIn = await session.signIn(email, password);
if (!signIn.ok) throw new Error(signIn.message);
const client = createPlatformClient({ baseUrl: platformUrl, tokens: session });

// The longest the core's thread went without turning its event loop: how long a UI call could wait.
const stalls = monitorEventLoopDelay({ resolution: 2 });
stalls.enable();
const started = performance.now();
const outcome = await pullChanges({ db, client, accountId });
const seconds = (performance.now() - started) / 1000;
// One more turn of the loop, so that a block just before the pull returned is measured too.
await new Promise((resolve) => setTimeout(resolve, 10));
stalls.disable();
if (outcome.kind !== 'done') throw new Error(`sync ended with ${outcome.kind}`);
db.close();
process.stdout.write(
  `${JSON.stringify({
    rows: outcome.progress.applied,
    seconds,
    maxTransactionMs: outcome.progress.maxTransactionMs,
    p99TransactionMs: [...outcome.progress.transactionMs].sort((a, b) => a - b)[Math.floor(outcome.progress.transactionMs.length * 0.99)] ?? 0,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    maxStallMs: stalls.max / 1e6,
  })}\n`,
);
