import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileSecretStore } from '../../../electron/core/secrets/secret-store';
import { createStandaloneHostServices } from '../../../electron/core/host-services';
import { signIn, useCoreHarness, waitForStatus } from '../../support/core-harness';

const { makeTempDir, openWorkspace, startPlatform } = useCoreHarness();

/** Where web-host and the tests keep the vault (createStandaloneHostServices). */
const vaultOf = (dataDir: string): string => path.join(dataDir, 'secrets', 'vault.json');

describe('a damaged saved sign-in at start (defect 6)', () => {
  const cases: Record<string, (dataDir: string) => Promise<void> | void> = {
    'an empty vault file (power cut between rename and flush)': (dataDir) => {
      mkdirSync(path.dirname(vaultOf(dataDir)), { recursive: true });
      writeFileSync(vaultOf(dataDir), '');
    },
    'a vault cut short': (dataDir) => {
      mkdirSync(path.dirname(vaultOf(dataDir)), { recursive: true });
      writeFileSync(vaultOf(dataDir), '{"platform.session":"{\\"accessToken\\":\\"at-1');
    },
    'a readable vault whose session is garbage': (dataDir) =>
      createFileSecretStore(vaultOf(dataDir)).writeSecret('platform.session', '{"accessToken":'),
  };

  for (const [name, damage] of Object.entries(cases)) {
    it(`${name}: the workspace opens signed out, says why, and signing in again works`, async () => {
      const platform = await startPlatform();
      const dataDir = makeTempDir();
      await damage(dataDir);
      const logs: string[] = [];
      const { client } = await openWorkspace(platform.url, { dataDir, log: (_level, line) => logs.push(line) });

      const status = await client.sync.getStatus();
      expect(status).toMatchObject({ connection: 'signed_out', account: null, savedSignInLost: true });
      // Local work is untouched and usable.
      await expect(client.settings.getSettings()).resolves.toBeDefined();
      expect(logs.join('\n')).toMatch(/saved sign-in/);
      expect(logs.join('\n')).not.toMatch(/at-1|accessToken/);

      await expect(signIn(client, platform)).resolves.toEqual({ ok: true });
      const signedIn = await waitForStatus(client, (s) => s.account !== null);
      expect(signedIn.savedSignInLost).toBe(false);
      const kept = readdirSync(path.dirname(vaultOf(dataDir))).filter((entry) => entry.includes('.corrupt-'));
      expect(kept).toHaveLength(name.startsWith('a readable') ? 0 : 1);
    });
  }

  it('in Electron, the main vault’s refusal reaches the core as a failed host request: signed out and told, not a failed start', async () => {
    const platform = await startPlatform();
    const dataDir = makeTempDir();
    const standalone = createStandaloneHostServices({ version: 'test', dataDir });
    // What utility-host's relay gives the session when main's token vault found its file damaged.
    const relayed = { ...standalone.secrets, readSecret: () => Promise.reject(new Error('The saved sign-in could not be read.')) };
    const { client } = await openWorkspace(platform.url, { dataDir, host: 'electron', hostServices: { ...standalone, secrets: relayed } });
    await expect(client.sync.getStatus()).resolves.toMatchObject({ connection: 'signed_out', savedSignInLost: true });
  });
});
