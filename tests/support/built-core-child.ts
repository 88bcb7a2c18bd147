/**
 * Runs the built core (out/main/core.js, as electron-vite emits it) in plain Node, standing in for what Electron
 * gives a utility process: `process.parentPort`, MessagePorts for the renderers' RPC, and main's answers to the
 * core's host requests (the vault in memory). Everything else is the bundle's own code. Started by
 * tests/integration/built-bundle.test.ts with `child_process.fork`; this file only uses Node itself, so it runs
 * with Node's type stripping, without tsx.
 *
 * Parent → child: { type: 'host', data } (a message from main), { type: 'connect' }, { type: 'rpc', frame }.
 * Child → parent: { type: 'core', message } (what the core tells main), { type: 'rpc', frame }, { type: 'loaded' }.
 */
import { pathToFileURL } from 'node:url';
import { MessageChannel, type MessagePort } from 'node:worker_threads';

type PortEvent = { data: unknown; ports: unknown[] };
type HostRequest = { kind: string; key?: string; value?: unknown };
type FromParent = { type: 'host'; data: unknown } | { type: 'connect' } | { type: 'rpc'; frame: unknown };

const send = (message: unknown): void => {
  process.send?.(message);
};
const listeners: ((event: PortEvent) => void)[] = [];
const deliver = (data: unknown, ports: unknown[] = []): void => {
  for (const listener of listeners) listener({ data, ports });
};

/** What main would answer: the vault (safeStorage there) kept in memory; nothing else is asked in this check. */
const vault = new Map<string, unknown>();
const answer = (id: number, request: HostRequest): void => {
  const ok = (value: unknown): void => deliver({ type: 'host-response', id, result: { ok: true, value } });
  if (request.kind === 'secrets.read') return ok(vault.get(request.key ?? '') ?? null);
  if (request.kind === 'secrets.write') {
    vault.set(request.key ?? '', request.value);
    return ok(null);
  }
  if (request.kind === 'secrets.delete') {
    vault.delete(request.key ?? '');
    return ok(null);
  }
  deliver({ type: 'host-response', id, result: { ok: false, message: `${request.kind} is not part of this check` } });
};

Reflect.set(process, 'parentPort', {
  on: (_event: 'message', listener: (event: PortEvent) => void) => {
    listeners.push(listener);
  },
  postMessage: (message: { type: string; id?: number; request?: HostRequest }) => {
    if (message.type === 'host-request' && message.id !== undefined && message.request) answer(message.id, message.request);
    else send({ type: 'core', message });
  },
});

/** Node's MessagePort in the shape of Electron's MessagePortMain, whose events carry `{ data }`. */
const asMainPort = (port: MessagePort) => {
  const wrapped = new Map<unknown, (data: unknown) => void>();
  return {
    on: (event: 'message' | 'close', listener: (event: { data: unknown }) => void) => {
      if (event === 'close') return port.on('close', listener as () => void);
      const relay = (data: unknown): void => listener({ data });
      wrapped.set(listener, relay);
      return port.on('message', relay);
    },
    off: (event: 'message' | 'close', listener: (event: { data: unknown }) => void) => {
      if (event === 'close') return port.off('close', listener as () => void);
      const relay = wrapped.get(listener);
      wrapped.delete(listener);
      return relay ? port.off('message', relay) : port;
    },
    postMessage: (message: unknown) => port.postMessage(message),
    start: () => port.start(),
    close: () => port.close(),
  };
};

let renderer: MessagePort | null = null;
process.on('message', (message: FromParent) => {
  if (message.type === 'host') deliver(message.data);
  else if (message.type === 'connect') {
    const channel = new MessageChannel();
    renderer = channel.port2;
    renderer.on('message', (frame: unknown) => send({ type: 'rpc', frame }));
    deliver({ type: 'connect', windowId: 1 }, [asMainPort(channel.port1)]);
  } else renderer?.postMessage(message.frame);
});
// The parent going away ends the core too, as the main process's exit ends the utility process.
process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));

const entry = process.argv[2];
if (!entry) throw new Error('usage: built-core-child.ts <path to core.js>');
await import(pathToFileURL(entry).href);
send({ type: 'loaded' });
