import path from 'node:path';
import { contract, type Contract } from '../../shared/contract';
import type { RecoveryResult, StorageProblem, WorkspaceState } from '../../shared/contract/workspace';
import { RpcError } from '../../shared/rpc/errors';
import type { Transport } from '../../shared/rpc/transport';
import { checkIntegrity } from './db/database';
import { copyBackupIn, listBackups, setDamagedAside } from './db/workspace-files';
import { createRpcServer, type Handlers, type RpcServer } from './rpc/rpc-server';
import { classifyStorageError } from './storage/storage-errors';
import type { Core } from './core-handle';
import type { CoreLog } from './log-record';

type RecoveryOptions = {
  /** The workspace database file. */
  file: string;
  reason: StorageProblem;
  /** Opens the workspace for real (openCore's normal path); rejects as it would at start. */
  openReady: () => Promise<Core>;
  validateOutput: boolean;
  log?: CoreLog;
};

const inRecovery = (): never => {
  throw new RpcError({ code: 'unavailable', message: 'The workspace is not open: it needs recovery first.' });
};

/** Answers from the opened core, for a call that reached the recovery server just as the workspace opened. */
const passTo = async (core: Core, channel: string, input: unknown): Promise<unknown> => {
  const result = await core.dispatch(channel, input);
  if (result.ok) return result.value;
  throw new RpcError(result.error);
};

/**
 * The core when the workspace could not be opened (damaged, held by another program, no room, a disk error):
 * instead of failing to start, it serves the contract with only the `workspace` methods answering, so the
 * renderer can show what happened and the ways forward. Restoring a backup or starting empty first moves the
 * damaged file aside (never deletes it). Once the workspace opens, every connection is handed to the real core.
 */
export const openRecoveryCore = (options: RecoveryOptions): Core => {
  let reason = options.reason;
  let ready: Core | null = null;
  let closed = false;
  const attached = new Map<Transport, () => void>();

  const state = (): WorkspaceState =>
    ready ? { state: 'ready' } : { state: 'recovery', reason, backups: reason === 'corrupt' ? listBackups(options.file) : [] };

  /** Opens for real; on success moves every connection over. A failure keeps recovery with the new reason. */
  const tryOpen = async (keptAs: string | null): Promise<RecoveryResult> => {
    try {
      const opened = await options.openReady();
      if (closed) {
        opened.close();
        return { ok: false, reason };
      }
      ready = opened;
    } catch (error) {
      const problem = classifyStorageError(error);
      if (!problem) throw error;
      options.log?.('error', `The workspace still could not be opened (${problem})`, error);
      reason = problem;
      return { ok: false, reason: problem };
    }
    options.log?.('info', keptAs ? `Workspace opened again; the damaged file was kept as ${path.basename(keptAs)}` : 'Workspace opened again');
    // Connections move over once this call's answer has gone out on them; calls meanwhile are passed through.
    const opened = ready;
    setImmediate(() => {
      for (const [transport, detach] of attached) {
        detach();
        attached.set(transport, opened.serve(transport));
      }
    });
    return { ok: true, keptAs: keptAs ? path.basename(keptAs) : null };
  };

  const requireRecovery = (): void => {
    if (ready) throw new RpcError({ code: 'conflict', message: 'The workspace is open already.' });
  };

  const workspace: Handlers<Contract>['workspace'] = {
    getState: state,
    restoreBackup: async ({ name }) => {
      requireRecovery();
      if (!listBackups(options.file).some((backup) => backup.name === name)) return { ok: false, reason: 'not_found' };
      const keptAs = setDamagedAside(options.file);
      copyBackupIn(options.file, name);
      const result = await tryOpen(keptAs);
      if (!result.ok) {
        // A backup that does not open either: its copy goes aside too (the backup itself stays in backups/).
        setDamagedAside(options.file);
      }
      return result;
    },
    startEmpty: async () => {
      requireRecovery();
      return tryOpen(setDamagedAside(options.file));
    },
    retryOpen: async () => {
      requireRecovery();
      return tryOpen(null);
    },
    checkIntegrity: () => {
      if (!ready) return inRecovery();
      const problems = checkIntegrity(ready.db);
      return { ok: problems.length === 0, problems };
    },
  };
  // Every other method of the contract answers `unavailable` until the workspace opens.
  const handlers = Object.fromEntries(
    Object.entries(contract.methods).map(([domain, methods]) => [
      domain,
      domain === 'workspace'
        ? workspace
        : Object.fromEntries(
            Object.keys(methods).map((method) => [method, (input: unknown) => (ready ? passTo(ready, `${domain}.${method}`, input) : inRecovery())]),
          ),
    ]),
    // Built from the contract's own keys, so it has every domain and method the compiler asks for.
  ) as unknown as Handlers<Contract>;
  const server = createRpcServer(contract, handlers, {
    validateOutput: options.validateOutput,
    onInternalError: (channel, error) => options.log?.('error', `Call ${channel} failed`, error),
  });

  const notOpen = (): never => {
    throw new Error('The workspace is in recovery: it has no database open.');
  };

  return {
    get state() {
      return ready ? ready.state : 'recovery';
    },
    get db() {
      return ready ? ready.db : notOpen();
    },
    get migration() {
      return ready ? ready.migration : notOpen();
    },
    get sync() {
      return ready ? ready.sync : notOpen();
    },
    get attention() {
      return ready ? ready.attention : notOpen();
    },
    dispatch: (channel, input) => (ready ? ready.dispatch(channel, input) : server.dispatch(channel, input)),
    serve: (transport) => {
      if (ready) return ready.serve(transport);
      attached.set(transport, server.serve(transport));
      transport.onClose(() => attached.delete(transport));
      return () => {
        attached.get(transport)?.();
        attached.delete(transport);
      };
    },
    emit: ((event, payload) => (ready ? ready.emit(event, payload) : server.emit(event, payload))) satisfies RpcServer<Contract>['emit'],
    close: () => {
      closed = true;
      ready?.close();
    },
  };
};
