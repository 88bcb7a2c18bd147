import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/core';
import type { HostServices } from '../../../electron/core/host-services';
import { fromMainMessagePort } from '../../../electron/core/rpc/main-port-transport';
import { hostCoreOnParentPort } from '../../../electron/core/utility-host';
import { contract } from '../../../shared/contract';
import type { UpdateState } from '../../../shared/contract/updates';
import { createBridge, createClient } from '../../../shared/rpc/bridge';
import { createMainChannelStandIn } from './support/main-port-stand-in';
import { createParentPortStandIn, waitForValue } from './support/parent-port-stand-in';

const ready: UpdateState = { currentVersion: '3.0.0', channel: 'stable', status: { phase: 'ready', version: '3.1.0' } };

/** The route of update state and actions: main ⇄ core (host messages) ⇄ renderer (the contract). */
describe('the core relays main’s updater, deep links, language and vault', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const setUp = () => {
    dir = mkdtempSync(path.join(tmpdir(), 'bottega-relay-'));
    const { parentPort, outbox, deliver, requests, answer } = createParentPortStandIn();
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
    return { outbox, deliver, answer, client, requests, host, services: () => services };
  };

  it('shows the renderer main’s update state and forwards its actions to main', async () => {
    const { client, deliver, requests, answer, host } = setUp();
    await expect(client.updates.getState()).resolves.toMatchObject({ channel: 'beta', status: { phase: 'idle' } });

    const received: UpdateState[] = [];
    client.on('updateStateChanged', (state) => received.push(state));
    deliver({ type: 'update-state', state: ready });
    await waitForValue(() => received[0]);
    expect(received).toEqual([ready]);
    await expect(client.updates.getState()).resolves.toEqual(ready);

    const restarting = client.updates.restartNow();
    const request = await waitForValue(() => requests()[0]);
    expect(request).toMatchObject({ request: { kind: 'updates.restart' } });
    answer(request, { accepted: true });
    await expect(restarting).resolves.toEqual({ accepted: true });

    const switching = client.updates.setChannel({ channel: 'stable' });
    const second = await waitForValue(() => requests()[1]);
    expect(second).toMatchObject({ request: { kind: 'updates.set-channel', channel: 'stable' } });
    // A host answer that breaks the schema is an error for the caller, not a value passed along.
    answer(second, { channel: 'nightly' });
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
    await waitForValue(() => links[0]);
    expect(links).toEqual([{ kind: 'thread', id: 't-42' }]);

    await waitForValue(() => outbox.find((message) => message.type === 'language'));
    await client.settings.setLanguage({ language: 'it' });
    const languages = await waitForValue(() => {
      const seen = outbox.filter((message) => message.type === 'language');
      return seen.length >= 2 ? seen : undefined;
    });
    expect(languages).toEqual([
      { type: 'language', language: null },
      { type: 'language', language: 'it' },
    ]);
    await host.shutDown();
  });

  it('reports the theme setting at start and on every change, for native menus, dialogs and the title bar', async () => {
    const { client, outbox, host } = setUp();
    await client.app.getInfo();
    await waitForValue(() => outbox.find((message) => message.type === 'theme'));
    await client.settings.setTheme({ theme: 'dark' });
    await client.settings.setTheme({ theme: 'system' });
    const themes = await waitForValue(() => {
      const seen = outbox.filter((message) => message.type === 'theme');
      return seen.length >= 3 ? seen : undefined;
    });
    expect(themes).toEqual([
      { type: 'theme', theme: 'system' },
      { type: 'theme', theme: 'dark' },
      { type: 'theme', theme: 'system' },
    ]);
    await host.shutDown();
  });

  it('reaches main’s vault for secrets and fails pending requests on shutdown instead of hanging', async () => {
    const { client, requests, answer, services, host } = setUp();
    await client.app.getInfo();
    const vault = services()!.secrets;
    const writing = vault.writeSecret('platform.refreshToken', 'r-123');
    const write = await waitForValue(() => requests()[0]);
    expect(write).toMatchObject({ request: { kind: 'secrets.write', key: 'platform.refreshToken', value: 'r-123' } });
    answer(write, null);
    await expect(writing).resolves.toBeUndefined();

    const reading = vault.readSecret('platform.refreshToken');
    await waitForValue(() => requests()[1]);
    await host.shutDown();
    await expect(reading).rejects.toThrow(/shutting down/);
  });

  it('asks main to open a sign-in page in the system browser; a page outside the allow-list is refused before it is asked', async () => {
    const { client, requests, answer, services, host } = setUp();
    await client.app.getInfo();
    const browser = services()!.browser;
    const page = 'https://accounts.freelancer.com/oauth/authorize?client_id=app';
    const opening = browser.openSignInPage(page);
    const open = await waitForValue(() => requests()[0]);
    expect(open).toMatchObject({ request: { kind: 'browser.open', url: page } });
    answer(open, null);
    await expect(opening).resolves.toBeUndefined();
    // A page outside the allow-list never leaves the core (main would ignore the message and leave it waiting).
    await expect(browser.openSignInPage('https://evil.example/oauth/authorize')).rejects.toThrow('Not an allowed sign-in page.');
    expect(requests()).toHaveLength(1);
    await host.shutDown();
  });
});
