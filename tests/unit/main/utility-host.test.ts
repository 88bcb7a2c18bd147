import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/core';
import { openWritableDatabase } from '../../../electron/core/db/database';
import { migrations } from '../../../electron/core/db/migrations';
import { fromMainMessagePort } from '../../../electron/core/rpc/main-port-transport';
import { hostCoreOnParentPort } from '../../../electron/core/utility-host';
import { contract } from '../../../shared/contract';
import { createBridge, createClient } from '../../../shared/rpc/bridge';
import { createMainChannelStandIn } from './support/main-port-stand-in';
import { createParentPortStandIn, waitForValue } from './support/parent-port-stand-in';

const waitFor = async (check: () => boolean): Promise<void> => {
  for (let attempt = 0; attempt < 200 && !check(); attempt++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
};

describe('hostCoreOnParentPort', () => {
  let dir: string | undefined;

  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('opens the workspace on init, serves every connected port, and closes the database on shutdown', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'bottega-utility-'));
    let opened: Core | undefined;
    let shutDown = false;
    const { parentPort, outbox, deliver } = createParentPortStandIn();
    hostCoreOnParentPort(parentPort, {
      openCore: async (options) => {
        opened = await openCore(options);
        return opened;
      },
      onShutDown: () => {
        shutDown = true;
      },
    });

    // A renderer may connect before the core has finished opening: it must be served, not lost.
    const [coreEnd, rendererEnd] = createMainChannelStandIn();
    deliver({ type: 'init', dataDir: dir, version: '2.0.0' });
    deliver({ type: 'connect', windowId: 1 }, [coreEnd]);
    const client = createClient(contract, createBridge(contract, fromMainMessagePort(rendererEnd)));
    await expect(client.app.getInfo()).resolves.toMatchObject({ host: 'electron', version: '2.0.0' });
    expect(outbox).toContainEqual({ type: 'ready', schemaVersion: expect.any(Number) });

    // Main hears the unread total and the background settings at once, and every notice (for native notifications).
    await waitFor(() => outbox.some((message) => message.type === 'background'));
    expect(outbox).toContainEqual({ type: 'unread', totals: { messages: 0, threads: 0 } });
    expect(outbox).toContainEqual({ type: 'background', settings: { closeToTray: null, launchAtLogin: false } });
    const notices = [{ kind: 'searchMatches', searches: 2, count: 30, searchId: null }] as const;
    opened!.emit('attentionRaised', { notices: [...notices] });
    await waitFor(() => outbox.some((message) => message.type === 'notices'));
    expect(outbox).toContainEqual({ type: 'notices', notices });
    await client.attention.setPreferences({ background: { closeToTray: false } });
    await waitFor(() => outbox.some((message) => message.type === 'background' && message.settings.closeToTray === false));
    // Main says no window is open: the core's activity (which the sync's cadence reads) follows.
    deliver({ type: 'activity', state: 'background' });
    await waitFor(() => opened!.attention.activity().state === 'background');
    // On battery, a window's 'active' polls like 'idle'.
    await client.attention.reportActivity({ state: 'active', composingProposal: false });
    deliver({ type: 'power', onBattery: true });
    await waitFor(() => opened!.attention.activity().state === 'idle');
    // A native notification clicked: the windows hear which item to open.
    const openedNotices: unknown[] = [];
    client.on('noticeOpened', (notice) => openedNotices.push(notice));
    deliver({ type: 'open-notice', notice: { kind: 'firstReply', threadId: 'thr_7' } });
    await waitFor(() => openedNotices.length > 0);
    expect(openedNotices).toEqual([{ kind: 'firstReply', threadId: 'thr_7' }]);

    const [secondCore, secondRenderer] = createMainChannelStandIn();
    deliver({ type: 'connect', windowId: 2 }, [secondCore]);
    const second = createClient(contract, createBridge(contract, fromMainMessagePort(secondRenderer)));
    await expect(second.settings.getSettings()).resolves.toEqual({ language: null, theme: 'system' });

    deliver({ type: 'shutdown' });
    await waitFor(() => shutDown);
    expect(opened?.db.open).toBe(false);
    expect(coreEnd.closed).toBe(true);
    expect(secondCore.closed).toBe(true);
    expect(existsSync(path.join(dir, 'workspace.sqlite'))).toBe(true);
  });

  it('reports a workspace it cannot open and closes ports instead of leaving renderers waiting', async () => {
    const { parentPort, outbox, deliver } = createParentPortStandIn();
    hostCoreOnParentPort(parentPort, {
      openCore: () => Promise.reject(new Error('This workspace was written by a newer Bottega.')),
    });
    deliver({ type: 'init', dataDir: '/nonexistent', version: '1.0.0' });
    const [coreEnd] = createMainChannelStandIn();
    deliver({ type: 'connect', windowId: 1 }, [coreEnd]);
    await waitFor(() => coreEnd.closed);
    expect(outbox).toContainEqual({ type: 'failed', problem: { code: 'unexpected' }, message: 'This workspace was written by a newer Bottega.' });
  });

  it('says a workspace from a newer Bottega is one, with its schema, for main to tell the user in their language', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'bottega-utility-'));
    const db = openWritableDatabase(path.join(dir, 'workspace.sqlite'));
    db.pragma(`user_version = ${migrations.length + 3}`);
    db.close();
    const { parentPort, outbox, deliver } = createParentPortStandIn();
    hostCoreOnParentPort(parentPort);
    deliver({ type: 'init', dataDir: dir, version: '1.0.0' });
    const failed = await waitForValue(() => outbox.find((message) => message.type === 'failed'));
    expect(failed).toMatchObject({ problem: { code: 'too_new', found: migrations.length + 3, supported: migrations.length } });
  });

  it('ignores malformed messages, closing any ports they carried', async () => {
    const { parentPort, outbox, deliver } = createParentPortStandIn();
    let opens = 0;
    const neverOpens = (): Promise<Core> => {
      opens++;
      return new Promise<Core>(() => {});
    };
    hostCoreOnParentPort(parentPort, { openCore: neverOpens });
    const [stray] = createMainChannelStandIn();
    for (const hostile of [null, 42, 'init', { type: 'init' }, { type: 'init', dataDir: 1, version: '1' }, { type: 'exec', cmd: 'rm -rf /' }]) {
      deliver(hostile, [stray]);
    }
    expect(opens).toBe(0);
    expect(stray.closed).toBe(true);
    expect(outbox.filter((message) => message.type === 'log')).toHaveLength(6);
  });

  it('opens the core once even if init is repeated, and refuses a connect without a port', () => {
    const { parentPort, outbox, deliver } = createParentPortStandIn();
    let opens = 0;
    const neverOpens = (): Promise<Core> => {
      opens++;
      return new Promise<Core>(() => {});
    };
    hostCoreOnParentPort(parentPort, { openCore: neverOpens });
    deliver({ type: 'init', dataDir: '/a', version: '1' });
    deliver({ type: 'init', dataDir: '/b', version: '1' });
    deliver({ type: 'connect', windowId: 1 });
    expect(opens).toBe(1);
    expect(outbox.map((message) => message.type)).toEqual(['log', 'log']);
  });
});
