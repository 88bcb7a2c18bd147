import path from 'node:path';
import { expect, it } from 'vitest';
import { bottegaConnector, bottegaPollMs } from '../../../electron/core/connectors/bottega/connector';
import { openWritableDatabase } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { insertAccount } from '../../../electron/core/db/repositories/accounts-repository';
import { createMemorySecrets } from '../../support/stub-platform';
import { useTempDirs } from '../../support/temp-dir';

const makeTempDir = useTempDirs();

it('polls the reference platform less often while the user is away, and least with no window open', async () => {
  const file = path.join(makeTempDir(), 'workspace.sqlite');
  const db = openWritableDatabase(file);
  await migrate(db, { file, migrations });
  const now = new Date('2026-12-01T09:00:00Z');
  const account = insertAccount(db, { id: 'acc_1', platform: 'bottega', label: 'one@bottega.test', baseUrl: 'http://127.0.0.1:9', now });
  const link = bottegaConnector.link({ db, account, secrets: createMemorySecrets({}), now: () => now });
  const waitFor = (activity: 'active' | 'idle' | 'background'): number | null => {
    const at = link.nextPollAt(activity);
    return at === null ? null : at - now.getTime();
  };
  expect(waitFor('active')).toBe(bottegaPollMs);
  expect(waitFor('idle')).toBe(2 * bottegaPollMs);
  expect(waitFor('background')).toBe(6 * bottegaPollMs);
  db.close();
});
