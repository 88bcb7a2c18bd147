import { rm } from 'node:fs/promises';
import { z } from 'zod';
import type { SecretStore } from '../../core/secrets/secret-store';
// Plain node:fs code shared with the core's file vault, so that both write and read vaults the same durable way.
import { readJsonFile, SecretsUnreadableError, writeFileDurably } from '../../core/storage/durable-file';

/** Electron's safeStorage, reduced to what the vault needs (injected: tests use a stand-in cipher). */
export type Cipher = {
  isAvailable(): boolean;
  encrypt(plainText: string): Buffer;
  decrypt(cipherText: Buffer): string;
};

const keyPattern = /^[A-Za-z0-9._-]{1,128}$/;
const maxValueLength = 64 * 1024;

const vaultFileSchema = z.object({
  version: z.literal(1),
  /** key → base64 of safeStorage's ciphertext. Plain text never touches the disk. */
  entries: z.record(z.string().regex(keyPattern), z.string()),
});

const assertKey = (key: string): void => {
  if (!keyPattern.test(key) || key in Object.prototype) throw new Error('Invalid secret key.');
};

/**
 * The main process's token vault: values encrypted with safeStorage (Keychain, DPAPI, libsecret or
 * KWallet) in a 0600 JSON file. Refuses to store anything when encryption is unavailable; a value
 * that no longer decrypts (keyring reset, file copied from another machine) reads as absent, so
 * the user signs in again instead of the app failing. Writes are durable (temp file flushed, renamed, folder
 * flushed); a damaged file (empty after a power cut, cut short, not a vault) is set aside as `.corrupt-<time>`
 * and the read that finds it throws SecretsUnreadableError, which the core's session shows as a lost sign-in.
 */
export const createTokenVault = (file: string, cipher: Cipher, log: (message: string) => void = () => undefined): SecretStore => {
  let queue: Promise<unknown> = Promise.resolve();
  const serialise = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const load = async (mode: 'read' | 'write'): Promise<Record<string, string>> => {
    const read = await readJsonFile(file, vaultFileSchema);
    if (read.kind === 'read') return { ...read.value.entries };
    if (read.kind === 'damaged') {
      // Never the content: ciphertext or not, it stays out of the log.
      log(`The token vault file was unreadable; ${read.keptAs ? `kept aside as ${read.keptAs}` : 'it could not be moved aside'}.`);
      if (mode === 'read') throw new SecretsUnreadableError(read.keptAs);
    }
    return {};
  };

  const save = (entries: Record<string, string>): Promise<void> =>
    writeFileDurably(file, JSON.stringify({ version: 1, entries }), { mode: 0o600, dirMode: 0o700 });

  return {
    readSecret: (key) =>
      serialise(async () => {
        assertKey(key);
        const stored = (await load('read'))[key];
        if (stored === undefined || !cipher.isAvailable()) return null;
        try {
          return cipher.decrypt(Buffer.from(stored, 'base64'));
        } catch {
          log(`A stored secret (${key}) could not be decrypted and is ignored.`);
          return null;
        }
      }),
    writeSecret: (key, value) =>
      serialise(async () => {
        assertKey(key);
        if (value.length > maxValueLength) throw new Error('Secret too large.');
        if (!cipher.isAvailable()) throw new Error('Encryption is not available: the secret was not stored.');
        const entries = await load('write');
        entries[key] = cipher.encrypt(value).toString('base64');
        await save(entries);
      }),
    deleteSecret: (key) =>
      serialise(async () => {
        assertKey(key);
        const entries = await load('write');
        if (!(key in entries)) return;
        delete entries[key];
        if (Object.keys(entries).length === 0) await rm(file, { force: true });
        else await save(entries);
      }),
  };
};
