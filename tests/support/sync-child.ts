/**
 * A sync run in its own process, for crash tests: opens the workspace, pushes the outbox and pulls the
 * feed in small pages until both are done, then prints "done". Its parent kills it at random moments.
 */
import path from 'node:path';
import { openWritableDatabase } from '../../electron/core/db/database';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { clearConfirmedWrites } from '../../electron/core/db/repositories/outbox-repository';
import { createFileSecretStore } from '../../electron/core/secrets/secret-store';
import { createPlatformClient } from '../../electron/core/sync/platform-client';
import { pullChanges } from '../../electron/core/sync/pull';
import { pushOutbox } from '../../electron/core/sync/push';
import { createSession } from '../../electron/core/sync/session';
import { ensureTestAccount } from './test-account';

const [platformUrl, dataDir] = process.argv.slice(2) as [string, string];
const file = path.join(dataDir, 'workspace.sqlite');
const db = openWritableDatabase(file);
await migrate(db, { file, migrations });
const accountId = ensureTestAccount(db, platformUrl);
const session = createSession({ baseUrl: platformUrl, secrets: createFileSecretStore(path.join(dataDir, 'vault.json')) });
const client = createPlatformClient({ baseUrl: platformUrl, tokens: session });
process.stdout.write('ready\n');

for (let attempt = 0; attempt < 500; attempt++) {
  const pushed = await pushOutbox({ db, client, accountId });
  const pulled = pushed.kind === 'done' ? await pullChanges({ db, client, accountId, pageSize: 50 }) : pushed;
  if (pulled.kind === 'done') {
    clearConfirmedWrites(db);
    db.close();
    process.stdout.write('done\n');
    process.exit(0);
  }
  if (pulled.kind !== 'retry') throw new Error(`sync stopped: ${pulled.kind}`);
  await new Promise((resolve) => setTimeout(resolve, Math.min(pulled.delayMs, 20)));
}
throw new Error('sync did not finish');
