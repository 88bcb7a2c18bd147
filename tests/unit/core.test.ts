import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import { createBridge, createClient } from '../../shared/rpc/bridge';
import { createInProcessPair } from '../../shared/rpc/transport';
import { openCore } from '../../electron/core/core';
import { migrations } from '../../electron/core/db/migrations';
import { seedWorkspaceIfEmpty } from '../../electron/core/dev/seed-workspace';
import { useTempDirs } from '../support/temp-dir';

const makeTempDir = useTempDirs();

const connect = async (dataDir: string) => {
  const core = await openCore({ dataDir, host: 'web', version: '1.2.3', validateOutput: true });
  const [near, far] = createInProcessPair();
  core.serve(far);
  return { core, client: createClient(contract, createBridge(contract, near)) };
};

describe('the core over the contract', () => {
  it('describes itself', async () => {
    const { core, client } = await connect(makeTempDir());
    await expect(client.app.getInfo()).resolves.toEqual({ version: '1.2.3', schemaVersion: migrations.length, host: 'web' });
    core.close();
  });

  it('remembers the language across restarts and tells every window', async () => {
    const dir = makeTempDir();
    const first = await connect(dir);
    await expect(first.client.settings.getSettings()).resolves.toEqual({ language: null, theme: 'system' });
    const seen: unknown[] = [];
    first.client.on('settingsChanged', (settings) => seen.push(settings));
    await first.client.settings.setLanguage({ language: 'it' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(seen).toEqual([{ language: 'it', theme: 'system' }]);
    first.core.close();

    const second = await connect(dir);
    await expect(second.client.settings.getSettings()).resolves.toEqual({ language: 'it', theme: 'system' });
    await second.client.settings.setLanguage({ language: null });
    await expect(second.client.settings.getSettings()).resolves.toEqual({ language: null, theme: 'system' });
    second.core.close();
  });

  it('remembers the theme across restarts, tells every window, and refuses one it does not know', async () => {
    const dir = makeTempDir();
    const first = await connect(dir);
    const seen: unknown[] = [];
    first.client.on('settingsChanged', (settings) => seen.push(settings));
    await expect(first.client.settings.setTheme({ theme: 'dark' })).resolves.toEqual({ language: null, theme: 'dark' });
    await expect(first.client.settings.setTheme({ theme: 'sepia' as 'dark' })).rejects.toMatchObject({ code: 'invalid_input' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(seen).toEqual([{ language: null, theme: 'dark' }]);
    first.core.close();

    const second = await connect(dir);
    await expect(second.client.settings.getSettings()).resolves.toEqual({ language: null, theme: 'dark' });
    await second.client.settings.setTheme({ theme: 'system' });
    await expect(second.client.settings.getSettings()).resolves.toEqual({ language: null, theme: 'system' });
    second.core.close();
  });

  it('refuses a language it does not ship, changing nothing', async () => {
    const { core, client } = await connect(makeTempDir());
    await client.settings.setLanguage({ language: 'de' });
    await expect(client.settings.setLanguage({ language: 'xx' as 'de' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(client.settings.getSettings()).resolves.toEqual({ language: 'de', theme: 'system' });
    core.close();
  });

  it('pages through the feed and validates paging input', async () => {
    const { core, client } = await connect(makeTempDir());
    expect(seedWorkspaceIfEmpty(core, 120)).toBe(120);
    expect(seedWorkspaceIfEmpty(core, 120)).toBe(0);
    const page = await client.feed.listProjects({ offset: 100, limit: 50 });
    expect(page.total).toBe(120);
    expect(page.items).toHaveLength(20);
    await expect(client.feed.listProjects({ limit: 100_000 })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(client.feed.listProjects({ offset: -1 })).rejects.toMatchObject({ code: 'invalid_input' });
    core.close();
  });
});
