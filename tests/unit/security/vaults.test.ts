import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileSecretStore } from '../../../electron/core/secrets/secret-store';
import { assessSafeStorage } from '../../../electron/main/policy/safe-storage';
import { createTokenVault } from '../../../electron/main/secrets/token-vault';
import { createTestCipher } from '../../support/test-cipher';

const canary = 'CANARY-rt-7f3a9c2e-token';

const everyFileContains = (dir: string, needle: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => readFileSync(file).includes(needle));

describe('the token vault (main, safeStorage)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'bottega-vault-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps only ciphertext on disk, in a file only the owner can read', async () => {
    const file = path.join(dir, 'vault', 'tokens.json');
    const vault = createTokenVault(file, createTestCipher());
    await vault.writeSecret('platform.refreshToken', canary);
    await expect(vault.readSecret('platform.refreshToken')).resolves.toBe(canary);
    expect(everyFileContains(dir, canary)).toEqual([]);
    expect(everyFileContains(dir, Buffer.from(canary).toString('base64'))).toEqual([]);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    await vault.deleteSecret('platform.refreshToken');
    await expect(vault.readSecret('platform.refreshToken')).resolves.toBeNull();
    expect(existsSync(file)).toBe(false);
  });

  it('refuses to store without encryption, and treats undecryptable values as absent', async () => {
    const cipher = createTestCipher(false);
    const file = path.join(dir, 'tokens.json');
    const vault = createTokenVault(file, cipher);
    await expect(vault.writeSecret('platform.accessToken', canary)).rejects.toThrow(/not available/);
    expect(existsSync(file)).toBe(false);

    cipher.setAvailable(true);
    await vault.writeSecret('platform.accessToken', canary);
    const other = createTokenVault(file, createTestCipher());
    await expect(other.readSecret('platform.accessToken')).resolves.toBeNull();
  });

  it('survives a corrupt file and rejects hostile keys', async () => {
    const file = path.join(dir, 'tokens.json');
    writeFileSync(file, '{"version":1,"entries":{"__proto__":"x"}}');
    const vault = createTokenVault(file, createTestCipher());
    await expect(vault.readSecret('a')).resolves.toBeNull();
    for (const key of ['__proto__', 'constructor', '../x', '', 'a b', 'k'.repeat(200)]) {
      await expect(vault.writeSecret(key, 'v')).rejects.toThrow();
    }
    await vault.writeSecret('ok', 'v');
    await expect(vault.readSecret('ok')).resolves.toBe('v');
  });

  it('serialises concurrent writes without losing any', async () => {
    const vault = createTokenVault(path.join(dir, 'tokens.json'), createTestCipher());
    await Promise.all(Array.from({ length: 20 }, (_, index) => vault.writeSecret(`key${index}`, `value${index}`)));
    const values = await Promise.all(Array.from({ length: 20 }, (_, index) => vault.readSecret(`key${index}`)));
    expect(values).toEqual(Array.from({ length: 20 }, (_, index) => `value${index}`));
  });
});

describe('the file vault (web-host and tests)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'bottega-file-vault-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('stores secrets in a 0600 file in a 0700 folder and forgets them on delete', async () => {
    const file = path.join(dir, 'secrets', 'vault.json');
    const store = createFileSecretStore(file);
    await store.writeSecret('platform.refreshToken', canary);
    await store.writeSecret('platform.accessToken', 'a-1');
    await expect(store.readSecret('platform.refreshToken')).resolves.toBe(canary);
    if (process.platform !== 'win32') {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(statSync(path.dirname(file)).mode & 0o077).toBe(0);
    }
    await store.deleteSecret('platform.refreshToken');
    await expect(store.readSecret('platform.refreshToken')).resolves.toBeNull();
    expect(readFileSync(file, 'utf8')).not.toContain(canary);
    await store.deleteSecret('platform.accessToken');
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(path.dirname(file))).toEqual([]);
  });

  it('rejects hostile keys and oversized values', async () => {
    const store = createFileSecretStore(path.join(dir, 'vault.json'));
    for (const key of ['__proto__', 'toString', '../../etc/passwd', '', 'with space']) {
      await expect(store.writeSecret(key, 'v')).rejects.toThrow();
      await expect(store.readSecret(key)).rejects.toThrow();
    }
    await expect(store.writeSecret('big', 'x'.repeat(70_000))).rejects.toThrow();
  });
});

describe('assessSafeStorage', () => {
  it('warns on Linux when safeStorage falls back to its plain-text backend', () => {
    expect(assessSafeStorage({ platform: 'linux', available: true, linuxBackend: 'basic_text' })).toEqual({ level: 'plain-text', backend: 'basic_text' });
    expect(assessSafeStorage({ platform: 'linux', available: true, linuxBackend: 'unknown' })).toEqual({ level: 'plain-text', backend: 'unknown' });
    expect(assessSafeStorage({ platform: 'linux', available: true })).toEqual({ level: 'plain-text', backend: 'unknown' });
  });

  it('trusts the OS keyrings', () => {
    for (const backend of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6']) {
      expect(assessSafeStorage({ platform: 'linux', available: true, linuxBackend: backend })).toEqual({ level: 'encrypted' });
    }
    expect(assessSafeStorage({ platform: 'darwin', available: true })).toEqual({ level: 'encrypted' });
    expect(assessSafeStorage({ platform: 'win32', available: true })).toEqual({ level: 'encrypted' });
    expect(assessSafeStorage({ platform: 'win32', available: false })).toEqual({ level: 'unavailable' });
  });
});
