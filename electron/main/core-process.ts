import { MessageChannelMain, utilityProcess, type MessagePortMain, type UtilityProcess } from 'electron';
import {
  coreToHostMessageSchema,
  type CoreToHostMessage,
  type HostRequest,
  type HostToCoreMessage,
} from '../core/host-messages';
import type { LogLevel } from '../core/log-record';
import type { DeepLinkTarget, UpdateState } from '../../shared/contract/updates';
import type { Locale } from '../../shared/i18n/locales';
import type { Theme } from '../../shared/contract/settings';
import type { BackgroundSettings, UnreadTotals } from '../../shared/contract/attention';
import type { ActivityState, Notice } from '../../shared/domain/attention';
import { decideCoreRestart } from './policy/core-restart';
import type { FatalProblem } from './policy/fatal-dialog';

export type CoreProcessOptions = {
  /** The built utility-process entry (out/main/core.js). */
  entryPath: string;
  dataDir: string;
  version: string;
  /** The platform API to sync with (see policy/platform-url.ts); null keeps the workspace offline-only. */
  platformUrl: string | null;
  /** The core came back after a crash: existing renderers hold dead ports and must reconnect. */
  onRestarted: () => void;
  /** The core cannot run (workspace refused, crash loop): tell the user and quit. */
  onFatal: (problem: FatalProblem) => void;
  /** The updater's state now, handed to every (re)started core with its init. */
  updateState: () => UpdateState;
  /** The app's language setting, reported by the core at start and on every change. */
  onLanguage: (language: Locale | null) => void;
  /** The app's theme setting, reported by the core at start and on every change. */
  onTheme?: (theme: Theme) => void;
  /** What a sync round brought that deserves a notice (decided by the core's attention policy). */
  onNotices?: (notices: Notice[]) => void;
  /** Unread messages outside muted threads, at start and on every change. */
  onUnread?: (totals: UnreadTotals) => void;
  /** Close to tray and launch at login, at start and on every change. */
  onBackground?: (settings: BackgroundSettings) => void;
  /** What the core asks of main on a renderer's behalf (updater) or for itself (token vault). */
  onHostRequest: (request: HostRequest) => Promise<unknown>;
  /** The core's log lines (redacted by the core) and main's own about the core: electron-log, scope "core". */
  log: Record<LogLevel, (message: string) => void>;
};

export type CoreProcess = {
  /** A new port pair for one renderer: one end goes to the core, the other is returned for the renderer. */
  openChannel(windowId: number): MessagePortMain;
  publishUpdateState(state: UpdateState): void;
  sendDeepLink(target: DeepLinkTarget): void;
  /** No window is open ('background') or one is again ('active'): the sync's cadence follows. */
  sendActivity(state: ActivityState): void;
  /** On battery or not: the sync polls more quietly on battery. */
  sendPower(onBattery: boolean): void;
  /** A native notification was clicked: the open windows show its item. */
  openNotice(notice: Notice): void;
  stop(): Promise<void>;
};

const stopTimeoutMs = 5_000;

/** Spawns the core in a utility process, brokers ports to it, and restarts it if it dies. */
export const startCoreProcess = (options: CoreProcessOptions): CoreProcess => {
  const crashTimes: number[] = [];
  let child: UtilityProcess | undefined;
  let stopping = false;
  let exited: Promise<void> = Promise.resolve();

  const send = (message: HostToCoreMessage, transfer: MessagePortMain[] = []): void =>
    child?.postMessage(message, transfer);

  const handleMessage = (raw: unknown): void => {
    const parsed = coreToHostMessageSchema.safeParse(raw);
    if (!parsed.success) return;
    const message: CoreToHostMessage = parsed.data;
    if (message.type === 'log') options.log[message.level](message.message);
    if (message.type === 'ready') options.log.info(`Workspace ready (schema ${message.schemaVersion})`);
    if (message.type === 'failed') {
      stopping = true;
      options.log.error(`Could not open the workspace: ${message.message}`);
      options.onFatal(message.problem);
    }
    if (message.type === 'language') options.onLanguage(message.language);
    if (message.type === 'theme') options.onTheme?.(message.theme);
    if (message.type === 'notices') options.onNotices?.(message.notices);
    if (message.type === 'unread') options.onUnread?.(message.totals);
    if (message.type === 'background') options.onBackground?.(message.settings);
    if (message.type === 'host-request') {
      const { id, request } = message;
      options.onHostRequest(request).then(
        (value) => send({ type: 'host-response', id, result: { ok: true, value: value ?? null } }),
        // The reason goes to the core's log; secrets are never part of an error message here.
        (error: unknown) => send({ type: 'host-response', id, result: { ok: false, message: error instanceof Error ? error.message : 'Request failed.' } }),
      );
    }
  };

  const spawn = (): void => {
    const current = utilityProcess.fork(options.entryPath, [], { serviceName: 'Bottega Core' });
    child = current;
    exited = new Promise((resolve) => current.once('exit', () => resolve()));
    current.on('message', handleMessage);
    current.once('exit', (code) => {
      if (child === current) child = undefined;
      if (stopping) return;
      crashTimes.push(Date.now());
      const decision = decideCoreRestart(crashTimes, Date.now());
      options.log.error(`Exited unexpectedly with code ${code}`);
      if (!decision.restart) {
        options.onFatal({ code: 'crash_loop', crashes: decision.crashes, seconds: decision.seconds });
        return;
      }
      setTimeout(() => {
        if (stopping) return;
        spawn();
        options.onRestarted();
      }, decision.delayMs);
    });
    // Messages posted before the child has spawned are queued by Electron.
    send({
      type: 'init',
      dataDir: options.dataDir,
      version: options.version,
      updateState: options.updateState(),
      platformUrl: options.platformUrl,
    });
  };

  spawn();

  return {
    openChannel: (windowId) => {
      const { port1, port2 } = new MessageChannelMain();
      if (child) send({ type: 'connect', windowId }, [port1]);
      else port1.close();
      return port2;
    },
    publishUpdateState: (state) => send({ type: 'update-state', state }),
    sendDeepLink: (target) => send({ type: 'deep-link', target }),
    sendActivity: (state) => send({ type: 'activity', state }),
    sendPower: (onBattery) => send({ type: 'power', onBattery }),
    openNotice: (notice) => send({ type: 'open-notice', notice }),
    stop: async () => {
      stopping = true;
      const current = child;
      if (!current) return;
      send({ type: 'shutdown' });
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), stopTimeoutMs));
      if ((await Promise.race([exited.then((): 'exited' => 'exited'), timeout])) === 'timeout') current.kill();
    },
  };
};
