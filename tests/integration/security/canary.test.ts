import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStandaloneHostServices } from '../../../electron/core/host-services';
import { createTokenVault, type Cipher } from '../../../electron/main/secrets/token-vault';
import { signIn, useCoreHarness, waitForFirstSync, waitForStatus } from '../../support/core-harness';

const { makeTempDir, openWorkspace, startPlatform } = useCoreHarness();

/** AES-256-GCM with a key that lives only in memory: what safeStorage does with the OS keyring's key. */
const createMemoryCipher = (): Cipher => {
  const key = randomBytes(32);
  return {
    isAvailable: () => true,
    encrypt: (plainText) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt: (data) => {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
};

const listFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });


describe('secrets', () => {
  it('a whole session leaves the tokens and the password nowhere in the data folder but as ciphertext', async () => {
    const platform = await startPlatform();
    const dataDir = makeTempDir();
    const logs: string[] = [];
    const seen = { tokens: new Set<string>() };
    const vault = createTokenVault(path.join(dataDir, 'secrets', 'tokens.json'), createMemoryCipher(), (line) => logs.push(line));
    // Remember every token the vault is given: these are the canaries searched for afterwards.
    const watchedVault: typeof vault = {
      ...vault,
      writeSecret: async (key, value) => {
        for (const match of value.matchAll(/"(?:accessToken|refreshToken)":"([^"]+)"/g)) seen.tokens.add(match[1]!);
        await vault.writeSecret(key, value);
      },
    };
    const { core, client } = await openWorkspace(platform.url, {
      dataDir,
      host: 'electron',
      validateOutput: false,
      log: (message, detail) => logs.push(`${message} ${detail === undefined ? '' : JSON.stringify(detail)}`),
      hostServices: { ...createStandaloneHostServices({ version: 'test', dataDir }), secrets: watchedVault },
    });

    // Sign in, sync, send, sign out.
    await signIn(client, platform);
    await waitForFirstSync(client);
    const thread = core.db.prepare('SELECT id FROM threads LIMIT 1').get() as { id: string };
    await client.messages.sendMessage({ threadId: thread.id, body: 'Canary check: see you tomorrow' });
    await waitForStatus(client, (s) => s.pending === 0 && s.phase === 'idle');
    platform.advanceClock(2 * 3600); // the access token expires: a refresh writes new tokens
    client.sync.syncNow();
    await waitForStatus(client, (s) => s.phase === 'idle' && s.lastError === null && seen.tokens.size >= 4);
    const signedOut = await client.sync.signOut();
    expect(signedOut.connection).toBe('signed_out');
    core.close();

    const canaries = [...seen.tokens, platform.users.demo.password];
    expect(canaries.length).toBeGreaterThanOrEqual(5);
    const files = listFiles(dataDir);
    expect(files.some((file) => file.endsWith('workspace.sqlite'))).toBe(true);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const canary of canaries) {
        expect(bytes.includes(canary), `${path.relative(dataDir, file)} holds a secret in plain text`).toBe(false);
        expect(bytes.includes(Buffer.from(canary).toString('base64')), `${path.relative(dataDir, file)} holds a secret in base64`).toBe(false);
      }
    }
    for (const line of logs) for (const canary of canaries) expect(line.includes(canary)).toBe(false);
  });
});
