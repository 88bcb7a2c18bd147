import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFileSecretStore, type SecretStore } from '../../../electron/core/secrets/secret-store';
import { SecretsUnreadableError } from '../../../electron/core/storage/durable-file';
import { fileSystem } from '../../../electron/core/storage/file-system';
import { createTokenVault } from '../../../electron/main/secrets/token-vault';
import { createTestCipher } from '../../support/test-cipher';
import { useTempDirs } from '../../support/temp-dir';

const makeTempDir = useTempDirs();
afterEach(() => vi.restoreAllMocks());

/** What a power cut between a write and its flush, or a disk error, leaves in place of the vault. */
const damages = {
  empty: '',
  truncated: '{"version":1,"entries":{"platform.session":"c2VjcmV0LXRva2Vu',
  garbage: '\u0000\u0000\u0000\u0000PK\u0003\u0004 not a vault',
  'wrong shape': '{"version":7,"entries":[]}',
};

const vaults: Record<string, (file: string, log: (line: string) => void) => SecretStore> = {
  'the token vault (main, safeStorage)': (file, log) => createTokenVault(file, createTestCipher(), log),
  'the file vault (core: web-host and tests)': (file, log) => createFileSecretStore(file, log),
};

for (const [name, create] of Object.entries(vaults)) {
  describe(`${name}, damaged`, () => {
    for (const [damage, text] of Object.entries(damages)) {
      it(`${damage}: the read says the sign-in is unreadable once, keeps the file aside untouched, then starts empty`, async () => {
        const dir = makeTempDir();
        const file = path.join(dir, 'vault.json');
        writeFileSync(file, text);
        const logs: string[] = [];
        const vault = create(file, (line) => logs.push(line));

        await expect(vault.readSecret('platform.session')).rejects.toBeInstanceOf(SecretsUnreadableError);
        const kept = readdirSync(dir).filter((entry) => entry.startsWith('vault.json.corrupt-'));
        expect(kept).toHaveLength(1);
        expect(readFileSync(path.join(dir, kept[0]!), 'utf8')).toBe(text);
        expect(existsSync(file)).toBe(false);
        expect(logs.join('\n')).toMatch(/unreadable/);
        // The log says where the file went, never what it held.
        if (text.length > 8) for (const line of logs) expect(line).not.toContain(text.slice(0, 24));

        await expect(vault.readSecret('platform.session')).resolves.toBeNull();
        await vault.writeSecret('platform.session', 'fresh');
        await expect(vault.readSecret('platform.session')).resolves.toBe('fresh');
      });
    }

    it('a write onto a damaged file sets it aside and stores the new value', async () => {
      const dir = makeTempDir();
      const file = path.join(dir, 'vault.json');
      writeFileSync(file, damages.truncated);
      const vault = create(file, () => undefined);
      await vault.writeSecret('platform.session', 'after');
      await expect(vault.readSecret('platform.session')).resolves.toBe('after');
      expect(readdirSync(dir).filter((entry) => entry.startsWith('vault.json.corrupt-'))).toHaveLength(1);
    });

    it('flushes the new file before renaming it over the old, then the folder', async () => {
      const dir = makeTempDir();
      const file = path.join(dir, 'secrets', 'vault.json');
      const steps: string[] = [];
      const open = fileSystem.open;
      vi.spyOn(fileSystem, 'open').mockImplementation(async (target, flags, mode) => {
        const handle = await open(target, flags, mode);
        const label = target === path.dirname(file) ? 'folder' : path.basename(target).endsWith('.tmp') ? 'temp' : 'other';
        const sync = handle.sync.bind(handle);
        handle.sync = async () => {
          steps.push(`sync ${label}`);
          await sync();
        };
        return handle;
      });
      const rename = fileSystem.rename;
      vi.spyOn(fileSystem, 'rename').mockImplementation(async (from, to) => {
        steps.push(`rename ${path.basename(from).endsWith('.tmp') ? 'temp' : 'other'} to ${path.basename(to)}`);
        await rename(from, to);
      });
      await create(file, () => undefined).writeSecret('platform.session', 'value');
      expect(steps).toEqual(['sync temp', 'rename temp to vault.json', 'sync folder']);
    });

    it('a full disk during the write leaves the old vault as it was and no temp file behind', async () => {
      const dir = makeTempDir();
      const file = path.join(dir, 'vault.json');
      const vault = create(file, () => undefined);
      await vault.writeSecret('platform.session', 'before');
      const before = readFileSync(file, 'utf8');
      const open = fileSystem.open;
      vi.spyOn(fileSystem, 'open').mockImplementation(async (target, flags, mode) => {
        const handle = await open(target, flags, mode);
        handle.writeFile = async () => {
          throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        };
        return handle;
      });
      await expect(vault.writeSecret('platform.session', 'after')).rejects.toMatchObject({ code: 'ENOSPC' });
      vi.restoreAllMocks();
      expect(readFileSync(file, 'utf8')).toBe(before);
      expect(readdirSync(dir)).toEqual(['vault.json']);
      await expect(vault.readSecret('platform.session')).resolves.toBe('before');
    });
  });
}
