import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWritableDatabase } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { insertAccount, readAccount } from '../../../electron/core/db/repositories/accounts-repository';
import { workspaceFileName } from '../../../electron/core/db/workspace-files';
import { createFileSecretStore } from '../../../electron/core/secrets/secret-store';
import { createSession, legacySessionKey, sessionKeyOf } from '../../../electron/core/sync/session';
import { useCoreHarness, waitForStatus } from '../../support/core-harness';

const { makeTempDir, openWorkspace, startPlatform } = useCoreHarness();

/** Where web-host and the tests keep the vault (createStandaloneHostServices). */
const vaultOf = (dataDir: string): string => path.join(dataDir, 'secrets', 'vault.json');

describe('a workspace of the single-account app', () => {
  it('signed in but never synced (no account yet): its saved session gets the account of the platform URL, and syncs', async () => {
    const platform = await startPlatform();
    const dataDir = makeTempDir();
    // What the single-account app left: a session under platform.session, an empty workspace.
    const legacy = createSession({ baseUrl: platform.url, secrets: createFileSecretStore(vaultOf(dataDir)) });
    expect((await legacy.signIn(platform.users.demo.email, platform.users.demo.password)).ok).toBe(true);

    const { client } = await openWorkspace(platform.url, { dataDir });
    const status = await waitForStatus(client, (s) => s.phase === 'idle' && s.lastSyncAt !== null);
    expect(status).toMatchObject({ connection: 'online', account: { email: platform.users.demo.email }, lastError: null });
    const [account] = await client.accounts.listAccounts();
    expect(account).toMatchObject({ platform: 'bottega', baseUrl: platform.url, platformUserId: platform.users.demo.id });
    const vault = createFileSecretStore(vaultOf(dataDir));
    await expect(vault.readSecret(legacySessionKey)).resolves.toBeNull();
    await expect(vault.readSecret(sessionKeyOf(account!.id))).resolves.toMatch(/"refreshToken"/);
  });

  it('migrated to acc_1 without the platform URL (never saved): acc_1 learns the URL the app runs with and keeps its session', async () => {
    const platform = await startPlatform();
    const dataDir = makeTempDir();
    const file = path.join(dataDir, workspaceFileName);
    const db = openWritableDatabase(file);
    await migrate(db, { file, migrations });
    // As the v13 migration leaves a workspace that synced: acc_1, its base URL unknown ('').
    insertAccount(db, { id: 'acc_1', platform: 'bottega', label: platform.users.demo.email, baseUrl: '', now: new Date() });
    db.close();
    const legacy = createSession({ baseUrl: platform.url, secrets: createFileSecretStore(vaultOf(dataDir)) });
    expect((await legacy.signIn(platform.users.demo.email, platform.users.demo.password)).ok).toBe(true);

    const { client, core } = await openWorkspace(platform.url, { dataDir });
    await waitForStatus(client, (s) => s.phase === 'idle' && s.lastSyncAt !== null && s.connection === 'online');
    expect(readAccount(core.db, 'acc_1')).toMatchObject({ baseUrl: platform.url });
    expect((await client.accounts.listAccounts()).map((account) => account.id)).toEqual(['acc_1']);
    await expect(createFileSecretStore(vaultOf(dataDir)).readSecret(sessionKeyOf('acc_1'))).resolves.toMatch(/"refreshToken"/);
  });
});
