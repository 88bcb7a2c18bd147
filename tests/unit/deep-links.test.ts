import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import type { DeepLinkTarget } from '../../shared/contract/updates';
import { createBridge, createClient } from '../../shared/rpc/bridge';
import { createInProcessPair, createListeners } from '../../shared/rpc/transport';
import { openCore } from '../../electron/core/core';
import { createStandaloneHostServices } from '../../electron/core/host-services';
import { useTempDirs } from '../support/temp-dir';

const makeTempDir = useTempDirs();

describe('deep links', () => {
  it('a link that arrives before any window listens waits in the core and is opened once', async () => {
    const dataDir = makeTempDir();
    const links = createListeners<[DeepLinkTarget]>();
    const core = await openCore({
      dataDir,
      host: 'electron',
      version: 'test',
      hostServices: { ...createStandaloneHostServices({ version: 'test', dataDir }), onDeepLink: links.add },
    });
    // The OS launched Bottega with a link: main hands it over before the window has connected.
    links.emit({ kind: 'project', id: 'prj_42' });

    const [near, far] = createInProcessPair();
    core.serve(far);
    const client = createClient(contract, createBridge(contract, near));
    await expect(client.updates.takeDeepLink()).resolves.toEqual({ kind: 'project', id: 'prj_42' });
    await expect(client.updates.takeDeepLink()).resolves.toBeNull();

    // A later link (second launch) is announced, and still taken exactly once.
    const announced = new Promise<void>((resolve) => client.on('deepLinkOpened', () => resolve()));
    links.emit({ kind: 'thread', id: 'thr_7' });
    await announced;
    await expect(client.updates.takeDeepLink()).resolves.toEqual({ kind: 'thread', id: 'thr_7' });
    await expect(client.updates.takeDeepLink()).resolves.toBeNull();
    core.close();
  });
});
