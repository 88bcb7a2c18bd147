import { describe, expect, it } from 'vitest';
import { createDeferredTransport } from '../../../electron/preload/deferred-transport';
import { contract } from '../../../shared/contract';
import { createBridge } from '../../../shared/rpc/bridge';
import { createInProcessPair } from '../../../shared/rpc/transport';

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('createDeferredTransport', () => {
  it('buffers frames sent before the port arrives and flushes them in order', async () => {
    const deferred = createDeferredTransport();
    deferred.transport.send(1);
    deferred.transport.send(2);
    const [near, far] = createInProcessPair();
    const received: unknown[] = [];
    far.subscribe((frame) => received.push(frame));
    deferred.attach(near);
    deferred.transport.send(3);
    await flush();
    expect(received).toEqual([1, 2, 3]);
  });

  it('delivers incoming frames and close to listeners registered before attach', async () => {
    const deferred = createDeferredTransport();
    const received: unknown[] = [];
    let closes = 0;
    deferred.transport.subscribe((frame) => received.push(frame));
    deferred.transport.onClose(() => closes++);
    const [near, far] = createInProcessPair();
    deferred.attach(near);
    far.send({ kind: 'event' });
    await flush();
    expect(received).toEqual([{ kind: 'event' }]);
    far.close();
    expect(closes).toBe(1);
  });

  it('keeps the first port and closes any later one', () => {
    const deferred = createDeferredTransport();
    const [first] = createInProcessPair();
    const [second] = createInProcessPair();
    let secondClosed = false;
    second.onClose(() => (secondClosed = true));
    deferred.attach(first);
    deferred.attach(second);
    expect(secondClosed).toBe(true);
  });

  it('closing before the port arrives fails pending calls and closes the late port', async () => {
    const deferred = createDeferredTransport();
    const bridge = createBridge(contract, deferred.transport);
    const pending = bridge.app.getInfo(undefined);
    deferred.transport.close();
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'transport_closed' } });
    const [late] = createInProcessPair();
    let lateClosed = false;
    late.onClose(() => (lateClosed = true));
    deferred.attach(late);
    expect(lateClosed).toBe(true);
  });

  it('gives up rather than queueing without bound', async () => {
    const deferred = createDeferredTransport(3);
    const bridge = createBridge(contract, deferred.transport);
    const calls = Array.from({ length: 4 }, () => bridge.app.getInfo(undefined));
    const results = await Promise.all(calls);
    expect(results.every((result) => !result.ok && result.error.code === 'transport_closed')).toBe(true);
  });

  it('lets a bridge call made before the port exists complete once it is attached', async () => {
    const deferred = createDeferredTransport();
    const bridge = createBridge(contract, deferred.transport);
    const pending = bridge.app.getInfo(undefined);
    const [near, far] = createInProcessPair();
    far.subscribe((frame) => {
      if (typeof frame === 'object' && frame !== null && 'id' in frame && typeof frame.id === 'number') {
        far.send({ kind: 'response', id: frame.id, ok: true, value: { version: '1', schemaVersion: 1, host: 'electron' } });
      }
    });
    deferred.attach(near);
    await expect(pending).resolves.toEqual({ ok: true, value: { version: '1', schemaVersion: 1, host: 'electron' } });
  });
});
