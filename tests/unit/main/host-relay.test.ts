import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/core';
import type { HostServices } from '../../../electron/core/host-services';
import { coreToHostMessageSchema, type CoreToHostMessage } from '../../../electron/core/host-messages';
import { fromMainMessagePort, type MainMessagePortLike } from '../../../electron/core/rpc/main-port-transport';
import { hostCoreOnParentPort, type ParentPortLike } from '../../../electron/core/utility-host';
import { contract } from '../../../shared/contract';
import type { UpdateState } from '../../../shared/contract/updates';
import { createBridge, createClient } from '../../../shared/rpc/bridge';
import { createMainChannelStandIn } from './support/main-port-stand-in';

const waitFor = async <T>(find: () => T | undefined): Promise<T> => {
  for (let attempt = 0; attempt < 400; attempt++) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('never happened');
};

const ready: UpdateState = { currentVersion: '3.0.0', channel: 'stable', status: { phase: 'ready', version: '3.1.0' } };

/** The route of update state and actions: main ⇄ core (host messages) ⇄ renderer (the contract). */
describe('the core relays main’s updater, deep links, language and vault', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const setUp = () => {
    dir = mkdtempSync(path.join(tmpdir(), 'bottega-relay-'));
    const emitter = new EventEmitter();
    const outbox: CoreToHostMessage[] = [];
    const parentPort: ParentPortLike = {
      on: (event, listener) => emitter.on(event, listener),
      postMessage: (message) => outbox.push(coreToHostMessageSchema.parse(message)),
    };
    const deliver = (data: unknown, ports: MainMessagePortLike[] = []): void => void emitter.emit('message', { data, ports });
    let services: HostServices | undefined;
    const host = hostCoreOnParentPort(parentPort, {
      openCore: async (options) => {
        services = options.hostServices;
        return openCore(options);
      },
    });
    deliver({ type: 'init', dataDir: dir, version: '3.0.0', updateState: { currentVersion: '3.0.0', channel: 'beta', status: { phase: 'idle' } } });
    const [coreEnd, rendererEnd] = createMainChannelStandIn();
    deliver({ type: 'connect', windowId: 1 }, [coreEnd]);
    const client = createClient(contract, createBridge(contract, fromMainMessagePort(rendererEnd)));
    const requests = () => outbox.filter((message) => message.type === 'host-request');
    return { outbox, deliver, client, requests, host, services: () => services };
  };

  it('shows the renderer main’s update state and forwards its actions to main', async () => {
    const { client, deliver, requests, host } = setUp();
    await expect(client.updates.getState()).resolves.toMatchObject({ channel: 'beta', status: { phase: 'idle' } });

    const received: UpdateState[] = [];
    client.on('updateStateChanged', (state) => received.push(state));
    deliver({ type: 'update-state', state: ready });
    await waitFor(() => received[0]);
    expect(received).toEqual([ready]);
    await expect(client.updates.getState()).resolves.toEqual(ready);

    const restarting = client.updates.restartNow();
    const request = await waitFor(() => requests()[0]);
    expect(request).toMatchObject({ request: { kind: 'updates.restart' } });
    deliver({ type: 'host-response', id: request.type === 'host-request' ? request.id : -1, result: { ok: true, value: { accepted: true } } });
    await expect(restarting).resolves.toEqual({ accepted: true });

    const switching = client.updates.setChannel({ channel: 'stable' });
    const second = await waitFor(() => requests()[1]);
    expect(second).toMatchObject({ request: { kind: 'updates.set-channel', channel: 'stable' } });
    // A host answer that breaks the schema is an error for the caller, not a value passed along.
    deliver({ type: 'host-response', id: second.type === 'host-request' ? second.id : -1, result: { ok: true, value: { channel: 'nightly' } } });
    await expect(switching).rejects.toMatchObject({ code: 'internal' });
    await host.shutDown();
  });

  it('emits deep links main validated, and reports the language setting for menus', async () => {
    const { client, deliver, outbox, host } = setUp();
    const links: unknown[] = [];
    client.on('deepLinkOpened', (target) => links.push(target));
    await client.app.getInfo();
    deliver({ type: 'deep-link', target: { kind: 'thread', id: 't-42' } });
    deliver({ type: 'deep-link', target: { kind: 'thread', id: '../../etc' } });
    await waitFor(() => links[0]);
    expect(links).toEqual([{ kind: 'thread', id: 't-42' }]);

    await waitFor(() => outbox.find((message) => message.type === 'language'));
    await client.settings.setLanguage({ language: 'it' });
    const languages = await waitFor(() => {
      const seen = outbox.filter((message) => message.type === 'language');
      return seen.length >= 2 ? seen : undefined;
    });
    expect(languages).toEqual([
      { type: 'language', language: null },
      { type: 'language', language: 'it' },
    ]);
    await host.shutDown();
  });

  it('reaches main’s vault for secrets and fails pending requests on shutdown instead of hanging', async () => {
    const { client, deliver, requests, services, host } = setUp();
    await client.app.getInfo();
    const vault = services()!.secrets;
    const writing = vault.writeSecret('platform.refreshToken', 'r-123');
    const write = await waitFor(() => requests()[0]);
    expect(write).toMatchObject({ request: { kind: 'secrets.write', key: 'platform.refreshToken', value: 'r-123' } });
    deliver({ type: 'host-response', id: write.type === 'host-request' ? write.id : -1, result: { ok: true, value: null } });
    await expect(writing).resolves.toBeUndefined();

    const reading = vault.readSecret('platform.refreshToken');
    await waitFor(() => requests()[1]);
    await host.shutDown();
    await expect(reading).rejects.toThrow(/shutting down/);
  });
});
