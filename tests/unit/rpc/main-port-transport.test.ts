import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../electron/core/core';
import { fromMainMessagePort } from '../../../electron/core/rpc/main-port-transport';
import { contract } from '../../../shared/contract';
import { createBridge, createClient } from '../../../shared/rpc/bridge';
import { createMainChannelStandIn } from '../main/support/main-port-stand-in';

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('fromMainMessagePort', () => {
  it('starts the port and delivers message data to subscribers', async () => {
    const [a, b] = createMainChannelStandIn();
    const transport = fromMainMessagePort(a);
    expect(a.started).toBe(true);
    const received: unknown[] = [];
    transport.subscribe((frame) => received.push(frame));
    b.start();
    b.postMessage({ hello: 'world' });
    b.postMessage([1, 2, 3]);
    await nextTurn();
    await nextTurn();
    expect(received).toEqual([{ hello: 'world' }, [1, 2, 3]]);
  });

  it('sends frames through postMessage', async () => {
    const [a, b] = createMainChannelStandIn();
    const transport = fromMainMessagePort(a);
    const peer = fromMainMessagePort(b);
    const received: unknown[] = [];
    peer.subscribe((frame) => received.push(frame));
    transport.send({ kind: 'request', id: 1 });
    await nextTurn();
    await nextTurn();
    expect(received).toEqual([{ kind: 'request', id: 1 }]);
  });

  it('reports close once when the other end goes away, and stops listening', async () => {
    const [a, b] = createMainChannelStandIn();
    const transport = fromMainMessagePort(a);
    let closes = 0;
    transport.onClose(() => closes++);
    b.close();
    await nextTurn();
    expect(closes).toBe(1);
    expect(a.listenerCount('message')).toBe(0);
    expect(a.listenerCount('close')).toBe(0);
    transport.send({ late: true });
    expect(a.sent).toEqual([]);
    transport.close();
    expect(closes).toBe(1);
  });

  it('closes the port on close() and ignores later sends', () => {
    const [a] = createMainChannelStandIn();
    const transport = fromMainMessagePort(a);
    let closes = 0;
    transport.onClose(() => closes++);
    transport.close();
    transport.close();
    expect(a.closed).toBe(true);
    expect(closes).toBe(1);
    transport.send('ignored');
    expect(a.sent).toEqual([]);
  });

  it('treats a port that throws on postMessage as closed', () => {
    const [a] = createMainChannelStandIn();
    const transport = fromMainMessagePort(a);
    let closes = 0;
    transport.onClose(() => closes++);
    a.close();
    transport.send('after the port died');
    expect(closes).toBe(1);
  });

  it('stops delivering after unsubscribe', async () => {
    const [a, b] = createMainChannelStandIn();
    const transport = fromMainMessagePort(a);
    const received: unknown[] = [];
    const unsubscribe = transport.subscribe((frame) => received.push(frame));
    unsubscribe();
    b.start();
    b.postMessage('x');
    await nextTurn();
    await nextTurn();
    expect(received).toEqual([]);
  });
});

describe('a real core served over a MessagePortMain-shaped port', () => {
  let dir: string | undefined;
  let core: Core | undefined;

  afterEach(() => {
    core?.close();
    core = undefined;
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('answers contract calls, pushes events and rejects bad input with a typed error', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'bottega-port-'));
    core = await openCore({ dataDir: dir, host: 'electron', version: '9.9.9', validateOutput: true });
    const [corePort, rendererPort] = createMainChannelStandIn();
    core.serve(fromMainMessagePort(corePort));
    const bridge = createBridge(contract, fromMainMessagePort(rendererPort));
    const client = createClient(contract, bridge);

    const info = await client.app.getInfo();
    expect(info).toMatchObject({ host: 'electron', version: '9.9.9' });
    expect(info.schemaVersion).toBeGreaterThanOrEqual(1);

    const events: unknown[] = [];
    bridge.on('settingsChanged', (payload) => events.push(payload));
    await expect(client.settings.setLanguage({ language: 'it' })).resolves.toEqual({ language: 'it', theme: 'system' });
    await nextTurn();
    await nextTurn();
    expect(events).toEqual([{ language: 'it', theme: 'system' }]);

    // @ts-expect-error -- a hostile renderer is not bound by the types
    const bad = await bridge.settings.setLanguage({ language: 'klingon' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('invalid_input');
  });

  it('settles pending calls with transport_closed when the core side closes', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'bottega-port-'));
    core = await openCore({ dataDir: dir, host: 'electron', version: '1.0.0' });
    const [corePort, rendererPort] = createMainChannelStandIn();
    const coreTransport = fromMainMessagePort(corePort);
    core.serve(coreTransport);
    const bridge = createBridge(contract, fromMainMessagePort(rendererPort));
    coreTransport.close();
    await nextTurn();
    const result = await bridge.app.getInfo(undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'transport_closed' } });
  });
});
