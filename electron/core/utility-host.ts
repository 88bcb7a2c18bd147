import { contract } from '../../shared/contract';
import type { DeepLinkTarget, UpdateState } from '../../shared/contract/updates';
import { isAllowedSignInPage } from '../../shared/domain/sign-in-pages';
import { createBridge, createClient, type Client } from '../../shared/rpc/bridge';
import { createInProcessPair, createListeners } from '../../shared/rpc/transport';
import { openCore, type Core, type CoreOptions } from './core';
import { createUpdateStateCache, type HostServices } from './host-services';
import {
  hostAnswerSchemas,
  hostToCoreMessageSchema,
  type CoreToHostMessage,
  type HostAnswer,
  type HostRequest,
} from './host-messages';
import { DatabaseTooNewError } from './db/migrate';
import { toLogRecord, type LogLevel } from './log-record';
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

type Pending = { kind: HostRequest['kind']; resolve: (value: unknown) => void; reject: (error: Error) => void };

/**
 * The core's side of `host-request` / `host-response`: every answer is checked against the schema of
 * the request's kind, and pending requests fail (never hang) once the host goes away.
 */
const createHostRequester = (post: (message: CoreToHostMessage) => void) => {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let closed = false;
  const request = <R extends HostRequest>(body: R): Promise<HostAnswer<R['kind']>> =>
    new Promise((resolve, reject) => {
      if (closed) {
        reject(new Error('The host is shutting down.'));
        return;
      }
      const id = nextId++;
      pending.set(id, { kind: body.kind, resolve: resolve as (value: unknown) => void, reject });
      post({ type: 'host-request', id, request: body });
    });
  const settle = (id: number, result: { ok: true; value: unknown } | { ok: false; message: string }): void => {
    const waiting = pending.get(id);
    if (!waiting) return;
    pending.delete(id);
    if (!result.ok) {
      waiting.reject(new Error(result.message));
      return;
    }
    const checked = hostAnswerSchemas[waiting.kind].safeParse(result.value);
    if (checked.success) waiting.resolve(checked.data);
    else waiting.reject(new Error(`The host answered ${waiting.kind} with an unexpected value.`));
  };
  const close = (): void => {
    closed = true;
    for (const waiting of pending.values()) waiting.reject(new Error('The host is shutting down.'));
    pending.clear();
  };
  return { request, settle, close };
};

const initialUpdateState = (version: string): UpdateState => ({ currentVersion: version, channel: 'stable', status: { phase: 'idle' } });

/**
 * The core's side of the Electron process model: the first `init` opens the workspace, each `connect`
 * brings one renderer's MessagePort to serve, `shutdown` closes everything cleanly.
 */
export const hostCoreOnParentPort = (parentPort: ParentPortLike, options: UtilityHostOptions = {}): UtilityHost => {
  const open = options.openCore ?? openCore;
  const post = (message: CoreToHostMessage): void => parentPort.postMessage(message);
  // Main writes these to electron-log; redacted before they leave this process.
  const log = (level: LogLevel, message: string, detail?: unknown): void => post({ type: 'log', ...toLogRecord(level, message, detail) });
  const detachers = new Set<() => void>();
  const host = createHostRequester(post);
  const deepLinks = createListeners<[DeepLinkTarget]>();
  let updates: ReturnType<typeof createUpdateStateCache> | undefined;
  let core: Promise<Core> | undefined;
  let stopping: Promise<void> | undefined;
  // The core's own client, once the workspace is open: main's word on the activity goes through it.
  let hostClient: Client<typeof contract> | undefined;

  const createHostServices = (version: string, initial: UpdateState | undefined): HostServices => {
    const cache = createUpdateStateCache(initial ?? initialUpdateState(version));
    updates = cache;
    return {
      updates: {
        current: cache.current,
        subscribe: cache.subscribe,
        checkNow: () => host.request({ kind: 'updates.check' }),
        restartNow: () => host.request({ kind: 'updates.restart' }),
        setChannel: (channel) => host.request({ kind: 'updates.set-channel', channel }),
      },
      spellcheck: {
        setLanguages: (languages) => host.request({ kind: 'spellcheck.set-languages', languages: [...languages] }),
      },
      secrets: {
        readSecret: (key) => host.request({ kind: 'secrets.read', key }),
        writeSecret: async (key, value) => {
          await host.request({ kind: 'secrets.write', key, value });
        },
        deleteSecret: async (key) => {
          await host.request({ kind: 'secrets.delete', key });
        },
      },
      browser: {
        openSignInPage: async (url) => {
          // Checked here too: main ignores a host message its schema refuses, which would leave this waiting.
          if (!isAllowedSignInPage(url)) throw new Error('Not an allowed sign-in page.');
          await host.request({ kind: 'browser.open', url });
        },
      },
      onDeepLink: deepLinks.add,
    };
  };

  /** Main's menus and tray follow the app's language and theme: read them once, then on every change, through the contract. */
  const reportLanguage = (opened: Core): void => {
    const [coreEnd, hostEnd] = createInProcessPair();
    const detach = opened.serve(coreEnd);
    detachers.add(() => {
      detach();
      hostEnd.close();
    });
    const client = createClient(contract, createBridge(contract, hostEnd));
    // The theme rides along: native menus, dialogs and the title bar follow it too.
    client.on('settingsChanged', ({ language, theme }) => {
      post({ type: 'language', language });
      post({ type: 'theme', theme });
    });
    client.settings.getSettings().then(
      ({ language, theme }) => {
        post({ type: 'language', language });
        post({ type: 'theme', theme });
      },
      (error: unknown) => log('warn', 'Could not read the language setting', error),
    );
    reportAttention(client);
    hostClient = client;
  };

  /** Notices become native notifications, unread totals the badge and tray; the background settings steer main. */
  const reportAttention = (client: Client<typeof contract>): void => {
    client.on('attentionRaised', ({ notices }) => post({ type: 'notices', notices }));
    const reportUnread = (): void => {
      client.attention.getUnread().then(
        (totals) => post({ type: 'unread', totals }),
        (error: unknown) => log('warn', 'Could not count unread messages', error),
      );
    };
    client.on('unreadChanged', (totals) => post({ type: 'unread', totals }));
    // Read here, sent there, read elsewhere: any change of messages may move the count.
    client.on('messagesChanged', reportUnread);
    reportUnread();
    client.on('attentionPreferencesChanged', ({ background }) => post({ type: 'background', settings: background }));
    client.attention.getPreferences().then(
      ({ background }) => post({ type: 'background', settings: background }),
      (error: unknown) => log('warn', 'Could not read the background settings', error),
    );
  };

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
      host.close();
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
          platformUrl: message.platformUrl ?? null,
          log,
          hostServices: createHostServices(message.version, message.updateState),
        });
        core.then(
          (opened) => {
            // In recovery there is no schema yet: the renderer shows the recovery screen.
            post({ type: 'ready', schemaVersion: opened.state === 'ready' ? opened.migration.to : 0 });
            reportLanguage(opened);
          },
          (error: unknown) =>
            post({
              type: 'failed',
              problem: error instanceof DatabaseTooNewError ? { code: 'too_new', found: error.found, supported: error.supported } : { code: 'unexpected' },
              message: toLogRecord('error', describe(error)).message,
            }),
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
      case 'update-state':
        updates?.publish(message.state);
        return;
      case 'deep-link':
        deepLinks.emit(message.target);
        return;
      case 'activity':
        hostClient?.attention.reportActivity({ state: message.state, composingProposal: false }).catch((error: unknown) => log('warn', 'Could not report the activity', error));
        return;
      case 'power':
        void core?.then(
          (opened) => opened.state === 'ready' && opened.attention.setOnBattery(message.onBattery),
          () => undefined,
        );
        return;
      case 'open-notice':
        void core?.then((opened) => opened.emit('noticeOpened', message.notice), () => undefined);
        return;
      case 'host-response':
        host.settle(message.id, message.result);
        return;
    }
  });

  return { shutDown };
};
