import path from 'node:path';
import { openWritableDatabase, type WritableDB } from '../../electron/core/db/database';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { createFileSecretStore } from '../../electron/core/secrets/secret-store';
import { createPlatformClient } from '../../electron/core/sync/platform-client';
import { pullChanges, type PullOutcome } from '../../electron/core/sync/pull';
import { createSession } from '../../electron/core/sync/session';
import { ensureTestAccount } from './test-account';

/** A workspace database and a signed-in platform session, both real, in a temp folder. */
export const openSyncedWorkspace = async (dir: string, platformUrl: string, user: { email: string; password: string }) => {
  const file = path.join(dir, 'workspace.sqlite');
  const db: WritableDB = openWritableDatabase(file);
  await migrate(db, { file, migrations });
  const accountId = ensureTestAccount(db, platformUrl);
  const secrets = createFileSecretStore(path.join(dir, 'secrets.json'));
  const session = createSession({ baseUrl: platformUrl, secrets });
  // The platform may be running with faults: a sign-in that hit one is simply tried again.
  for (let attempt = 0; ; attempt++) {
    const signIn = await session.signIn(user.email, user.password);
    if (signIn.ok) break;
    if (attempt > 50 || signIn.reason === 'invalid_credentials') throw new Error(`sign-in failed: ${signIn.message}`);
  }
  const client = createPlatformClient({ baseUrl: platformUrl, tokens: session });
  /** Pulls until done, waiting out retries (shortened: the policy's delays are tested on their own). */
  const pullUntilDone = async (maxAttempts = 200): Promise<{ outcome: PullOutcome; retries: number }> => {
    let retries = 0;
    for (;;) {
      const outcome = await pullChanges({ db, client, accountId });
      if (outcome.kind !== 'retry' || retries >= maxAttempts) return { outcome, retries };
      retries++;
      await new Promise((resolve) => setTimeout(resolve, Math.min(outcome.delayMs, 20)));
    }
  };
  return { db, file, secrets, session, client, accountId, pullUntilDone };
};
