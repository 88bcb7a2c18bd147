import { openCore, type Core, type CoreOptions } from './core';
import { hostToCoreMessageSchema, type CoreToHostMessage } from './host-messages';
import { fromMainMessagePort, type MainMessagePortLike } from './rpc/main-port-transport';

/** `process.parentPort` in an Electron utility process, described structurally (no 'electron' import). */
export type ParentPortLike = {
  on(event: 'message', listener: (event: { data: unknown; ports: readonly MainMessagePortLike[] }) => void): unknown;
  postMessage(message: unknown): void;
};

export type UtilityHostOptions = {
  /** Injected by tests; production opens the real core. */
  openCore?: (options: CoreOptions) => Promise<Core>;
  /** Called once everything is closed after a `shutdown` message (the entry exits the process there). */
  onShutDown?: () => void;
};

export type UtilityHost = {
  /** Detaches every renderer, closes the database; idempotent. */
  shutDown(): Promise<void>;
};

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The core's side of the Electron process model: the first `init` opens the workspace, each `connect`
 * brings one renderer's MessagePort to serve, `shutdown` closes everything cleanly.
 */
export const hostCoreOnParentPort = (parentPort: ParentPortLike, options: UtilityHostOptions = {}): UtilityHost => {
  const open = options.openCore ?? openCore;
  const post = (message: CoreToHostMessage): void => parentPort.postMessage(message);
  const log = (level: 'info' | 'warn' | 'error', message: string): void => post({ type: 'log', level, message });
  const detachers = new Set<() => void>();
  let core: Promise<Core> | undefined;
  let stopping: Promise<void> | undefined;

  const connect = async (port: MainMessagePortLike): Promise<void> => {
    const opened = await core?.catch(() => undefined);
    if (!opened || stopping) {
      // No workspace to serve (init missing or failed): the renderer sees a closed connection, not silence.
      port.close();
      return;
    }
    const transport = fromMainMessagePort(port);
    const detach = opened.serve(transport);
    const forget = (): void => {
      detach();
      detachers.delete(closeConnection);
    };
    const closeConnection = (): void => {
      forget();
      transport.close();
    };
    detachers.add(closeConnection);
    transport.onClose(forget);
  };

  const shutDown = (): Promise<void> => {
    stopping ??= (async () => {
      for (const close of [...detachers]) close();
      const opened = await core?.catch(() => undefined);
      opened?.close();
    })().finally(() => options.onShutDown?.());
    return stopping;
  };

  parentPort.on('message', (event) => {
    const parsed = hostToCoreMessageSchema.safeParse(event.data);
    if (!parsed.success) {
      for (const port of event.ports) port.close();
      log('warn', 'Ignored a malformed message from the main process.');
      return;
    }
    const message = parsed.data;
    switch (message.type) {
      case 'init': {
        if (core) {
          log('warn', 'Ignored a second init message.');
          return;
        }
        core = open({
          dataDir: message.dataDir,
          version: message.version,
          host: 'electron',
          log: (text, detail) => log('error', detail === undefined ? text : `${text}: ${describe(detail)}`),
        });
        core.then(
          (opened) => post({ type: 'ready', schemaVersion: opened.migration.to }),
          (error: unknown) => post({ type: 'failed', message: describe(error) }),
        );
        return;
      }
      case 'connect': {
        const [port, ...extra] = event.ports;
        for (const unexpected of extra) unexpected.close();
        if (!port) {
          log('warn', 'A connect message arrived without a port.');
          return;
        }
        void connect(port);
        return;
      }
      case 'shutdown':
        void shutDown();
        return;
    }
  });

  return { shutDown };
};
