import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStandaloneHostServices } from '../../../electron/core/host-services';
import { createTokenVault } from '../../../electron/main/secrets/token-vault';
import { signIn, useCoreHarness, waitForFirstSync, waitForStatus } from '../../support/core-harness';
import { createTestCipher } from '../../support/test-cipher';

const { makeTempDir, openWorkspace, startPlatform } = useCoreHarness();

/**
 * The secret as it reads inside any base64 text, whatever its offset there (the vault stores base64 of a JSON
 * session): encoded after 0, 1 and 2 leading bytes, less the first and last groups those bytes and the end touch.
 */
const base64Forms = (secret: string): string[] =>
  [0, 1, 2].map((shift) => Buffer.concat([Buffer.alloc(shift), Buffer.from(secret)]).toString('base64').slice(4, -4));

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
    const vault = createTokenVault(path.join(dataDir, 'secrets', 'tokens.json'), createTestCipher(), (line) => logs.push(line));
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
      log: (_level, message, detail) => logs.push(`${message} ${detail === undefined ? '' : JSON.stringify(detail)}`),
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
    // Scanned while still signed in: the vault holds the current tokens, and must hold them only as ciphertext.
    const vaultFile = path.join(dataDir, 'secrets', 'tokens.json');
    const [account] = (await client.sync.getStatus()).accounts;
    await expect(vault.readSecret(`account.${account!.id}.session`)).resolves.toMatch(/"refreshToken"/);
    const canaries = [...seen.tokens, platform.users.demo.password];
    expect(canaries.length).toBeGreaterThanOrEqual(5);
    const scan = (): void => {
      const files = listFiles(dataDir);
      for (const file of files) {
        const bytes = readFileSync(file);
        for (const canary of canaries) {
          expect(bytes.includes(canary), `${path.relative(dataDir, file)} holds a secret in plain text`).toBe(false);
          for (const form of base64Forms(canary)) {
            expect(bytes.includes(form), `${path.relative(dataDir, file)} holds a secret in base64`).toBe(false);
          }
        }
      }
    };
    expect(listFiles(dataDir)).toEqual(expect.arrayContaining([vaultFile, path.join(dataDir, 'workspace.sqlite')]));
    scan();

    const signedOut = await client.sync.signOut();
    expect(signedOut.connection).toBe('signed_out');
    core.close();
    scan();
    for (const line of logs) for (const canary of canaries) expect(line.includes(canary)).toBe(false);
  });
});
