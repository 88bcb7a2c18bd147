import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import { createBridge, createClient } from '../../shared/rpc/bridge';
import { createInProcessPair } from '../../shared/rpc/transport';
import { openCore } from '../../electron/core/core';
import { readSetting, writeSetting } from '../../electron/core/db/repositories/settings-repository';
import { useTempDirs } from '../support/temp-dir';

const makeTempDir = useTempDirs();

const connect = async (dataDir: string) => {
  const core = await openCore({ dataDir, host: 'web', version: '1.2.3', validateOutput: true });
  const [near, far] = createInProcessPair();
  core.serve(far);
  return { core, client: createClient(contract, createBridge(contract, near)) };
};

describe('pane sizes (the list/detail splits, #15)', () => {
  it('remembers each screen’s split across restarts, in the settings table beside the theme', async () => {
    const dir = makeTempDir();
    const first = await connect(dir);
    await expect(first.client.settings.getPaneSizes()).resolves.toEqual({});
    await expect(first.client.settings.setPaneSize({ pane: 'feed', listPercent: 31.26 })).resolves.toEqual({ feed: 31.3 });
    await first.client.settings.setPaneSize({ pane: 'messages', listPercent: 55 });
    expect(readSetting(first.core.db, 'ui.pane.feed')).toBe('31.3');
    first.core.close();

    const second = await connect(dir);
    await expect(second.client.settings.getPaneSizes()).resolves.toEqual({ feed: 31.3, messages: 55 });
    second.core.close();
  });

  it('refuses an unknown screen or a size that would hide a pane, changing nothing', async () => {
    const { core, client } = await connect(makeTempDir());
    await client.settings.setPaneSize({ pane: 'clients', listPercent: 40 });
    for (const input of [
      { pane: 'inbox', listPercent: 40 },
      { pane: 'clients', listPercent: 2 },
      { pane: 'clients', listPercent: 99 },
      { pane: 'clients', listPercent: Number.NaN },
      { pane: 'clients', listPercent: '40' },
      { pane: 'clients', listPercent: 40, extra: true },
    ]) {
      await expect(client.settings.setPaneSize(input as never)).rejects.toMatchObject({ code: 'invalid_input' });
    }
    await expect(client.settings.getPaneSizes()).resolves.toEqual({ clients: 40 });
    core.close();
  });

  it('ignores a stored row that is not a size in range instead of serving it', async () => {
    const { core, client } = await connect(makeTempDir());
    writeSetting(core.db, 'ui.pane.feed', 'wide');
    writeSetting(core.db, 'ui.pane.clients', '0');
    writeSetting(core.db, 'ui.pane.proposals', '42');
    await expect(client.settings.getPaneSizes()).resolves.toEqual({ proposals: 42 });
    core.close();
  });
});
