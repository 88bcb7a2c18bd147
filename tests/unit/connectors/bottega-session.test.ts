import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bottegaConnector } from '../../../electron/core/connectors/bottega/connector';
import { openWritableDatabase } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { insertAccount } from '../../../electron/core/db/repositories/accounts-repository';
import type { SecretStore } from '../../../electron/core/secrets/secret-store';
import { createSession, legacySessionKey, sessionKeyOf } from '../../../electron/core/sync/session';
import { createMemorySecrets } from '../../support/stub-platform';
import { useTempDirs } from '../../support/temp-dir';

const makeTempDir = useTempDirs();

const saved = (accessToken: string): string => JSON.stringify({ accessToken, refreshToken: `refresh-of-${accessToken}` });

/** A workspace with two reference-platform accounts, acc_1 first. */
const openWorkspace = async () => {
  const file = path.join(makeTempDir(), 'workspace.sqlite');
  const db = openWritableDatabase(file);
  await migrate(db, { file, migrations });
  const now = new Date('2026-12-01T09:00:00Z');
  const first = insertAccount(db, { id: 'acc_1', platform: 'bottega', label: 'one@bottega.test', baseUrl: 'http://127.0.0.1:9', now });
  const second = insertAccount(db, { id: 'acc_2', platform: 'bottega', label: 'two@bottega.test', baseUrl: 'http://127.0.0.1:8', now });
  return { db, first, second };
};

describe('the reference platform session, one per account', () => {
  it('moves the single-account key to the first account on its first read, and only there', async () => {
    const { db, first, second } = await openWorkspace();
    const secrets = createMemorySecrets({ [legacySessionKey]: saved('old-access') });
    const link = (account: typeof first) => bottegaConnector.link({ db, account, secrets, now: () => new Date() });

    // The second account never takes it, even when it is read first.
    expect(await link(second).session.isSignedIn()).toBe(false);
    expect(secrets.values.get(legacySessionKey)).toBe(saved('old-access'));

    expect(await link(first).session.isSignedIn()).toBe(true);
    expect([...secrets.values.keys()]).toEqual([sessionKeyOf('acc_1')]);
    expect(secrets.values.get(sessionKeyOf('acc_1'))).toBe(saved('old-access'));
    // Read again (the next start): still signed in, from its own key.
    expect(await link(first).session.isSignedIn()).toBe(true);
    db.close();
  });

  it('keeps the account’s own session when an old copy lingers (a crash between the move’s write and delete)', async () => {
    const secrets = createMemorySecrets({ [sessionKeyOf('acc_1')]: saved('newer'), [legacySessionKey]: saved('older') });
    const session = createSession({ baseUrl: 'http://127.0.0.1:9', secrets, key: sessionKeyOf('acc_1'), adoptKey: legacySessionKey });
    expect(await session.getAccessToken()).toBe('newer');
    expect([...secrets.values.keys()]).toEqual([sessionKeyOf('acc_1')]);
  });

  it('signs one account out without touching the other’s session', async () => {
    const { db, first, second } = await openWorkspace();
    const secrets = createMemorySecrets({ [sessionKeyOf('acc_1')]: saved('one'), [sessionKeyOf('acc_2')]: saved('two') });
    await bottegaConnector.link({ db, account: first, secrets, now: () => new Date() }).session.signOut();
    expect([...secrets.values.keys()]).toEqual([sessionKeyOf('acc_2')]);
    expect(await bottegaConnector.link({ db, account: second, secrets, now: () => new Date() }).session.isSignedIn()).toBe(true);
    db.close();
  });

  it('says the saved sign-in was lost when the old key cannot be read, and keeps it for a later try', async () => {
    const memory = createMemorySecrets({ [legacySessionKey]: saved('old-access') });
    const damaged: SecretStore = {
      ...memory,
      readSecret: (key) => (key === legacySessionKey ? Promise.reject(new Error('vault damaged')) : memory.readSecret(key)),
    };
    const session = createSession({ baseUrl: 'http://127.0.0.1:9', secrets: damaged, key: sessionKeyOf('acc_1'), adoptKey: legacySessionKey });
    expect(await session.isSignedIn()).toBe(false);
    expect(session.lostSavedSignIn()).toBe(true);
    expect(memory.values.has(legacySessionKey)).toBe(true);
  });
});
