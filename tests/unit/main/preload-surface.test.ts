import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { PreloadConfigFactory, loadConfigFromFile } from 'electron-vite';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract';
import { fromDomMessagePort, type DomMessagePortLike } from '../../../shared/rpc/transport';
import { portChannel, portRequestChannel } from '../../../electron/port-handshake';
import { useCoreHarness } from '../../support/core-harness';

/**
 * The preload as the app ships it: built by the app's electron.vite.config.ts (one CommonJS file, only
 * 'electron' external) and run against a stand-in for 'electron' that records what it is given.
 */
const root = fileURLToPath(new URL('../../..', import.meta.url));
const outDir = path.join(root, 'node_modules/.cache', `bottega-preload-build-${process.pid}`);

const exposed: { name: string; api: unknown }[] = [];
const ipcCalls: string[] = [];
const portHandlers: ((event: { ports: unknown[] }) => void)[] = [];
const ipcRenderer = {
  send: (channel: string, ...args: unknown[]) => ipcCalls.push(`send ${channel} ${args.length}`),
  once: (channel: string, handler: (event: { ports: unknown[] }) => void) => {
    ipcCalls.push(`once ${channel}`);
    portHandlers.push(handler);
  },
};
const contextBridge = { exposeInMainWorld: (name: string, api: unknown) => exposed.push({ name, api }) };

beforeAll(async () => {
  const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, path.join(root, 'electron.vite.config.ts'));
  const preload = loaded.config.preload!;
  await build(await new PreloadConfigFactory({ ...preload, build: { ...preload.build, outDir } }, { mode: 'production', logLevel: 'silent' }, { root }).build());
  // The bundle's require('electron') finds this stand-in first (Node looks in the nearest node_modules).
  mkdirSync(path.join(outDir, 'node_modules/electron'), { recursive: true });
  writeFileSync(path.join(outDir, 'node_modules/electron/index.js'), 'module.exports = globalThis.__electronStandIn;');
  Reflect.set(globalThis, '__electronStandIn', { contextBridge, ipcRenderer });
  createRequire(import.meta.url)(path.join(outDir, 'index.cjs'));
}, 120_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const { openWorkspace } = useCoreHarness();

/** Node's MessagePort (the core's end here) seen as the DOM port the renderer's transport expects. */
const asDomPort = (port: MessagePort): DomMessagePortLike => {
  const relays = new Map<unknown, (data: unknown) => void>();
  return {
    postMessage: (message) => port.postMessage(message),
    addEventListener: (_type, listener) => {
      const relay = (data: unknown): void => listener({ data });
      relays.set(listener, relay);
      port.on('message', relay);
    },
    removeEventListener: (_type, listener) => {
      const relay = relays.get(listener);
      if (relay) port.off('message', relay);
    },
    start: () => port.start(),
    close: () => port.close(),
  };
};

/** Every value reachable from the exposed object, however deep. */
const reachable = (value: unknown, seen = new Set<unknown>()): unknown[] => {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value)) return [];
  seen.add(value);
  return [value, ...Object.values(value).flatMap((inner) => reachable(inner, seen))];
};

describe('the built preload', () => {
  it('exposes one global, window.bottega: every contract method by domain and `on`, nothing else', () => {
    expect(exposed.map(({ name }) => name)).toEqual(['bottega']);
    const api = exposed[0]!.api as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...Object.keys(contract.methods), 'on'].sort());
    for (const [domain, methods] of Object.entries(contract.methods)) {
      const surface = api[domain] as Record<string, unknown>;
      expect(Object.keys(surface).sort(), domain).toEqual(Object.keys(methods).sort());
      expect(Object.values(surface).every((method) => typeof method === 'function'), domain).toBe(true);
    }
    expect(typeof api['on']).toBe('function');
    // ipcRenderer (or anything of it) is not reachable from the page.
    const values = reachable(api);
    expect(values).not.toContain(ipcRenderer);
    expect(values).not.toContain(ipcRenderer.send);
    expect(values).not.toContain(ipcRenderer.once);
  });

  it('asks main once for its port and answers calls as result envelopes over it', async () => {
    expect(ipcCalls).toEqual([`once ${portChannel}`, `send ${portRequestChannel} 0`]);
    const { core } = await openWorkspace();
    const channel = new MessageChannel();
    core.serve(fromDomMessagePort(asDomPort(channel.port2)));
    // The preload's end is the port itself, as Electron hands it over (Node's ports speak addEventListener too).
    portHandlers[0]!({ ports: [channel.port1] });
    const api = exposed[0]!.api as {
      app: { getInfo(input?: unknown): Promise<unknown>; setSpellcheckLanguages(input: unknown): Promise<unknown> };
    };
    await expect(api.app.getInfo()).resolves.toEqual({ ok: true, value: { version: 'test', schemaVersion: expect.any(Number), host: 'web' } });
    await expect(api.app.setSpellcheckLanguages({ languages: [] })).resolves.toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    channel.port1.close();
  });
});
