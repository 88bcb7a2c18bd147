import type { Contract } from '../../../shared/contract';
import { RpcError } from '../../../shared/rpc/errors';
import { checkIntegrity } from '../db/database';
import type { DomainHandlers } from '../rpc/rpc-server';
import type { CoreContext } from './context';

const notInRecovery = (): never => {
  throw new RpcError({ code: 'conflict', message: 'The workspace is open: there is nothing to recover.' });
};

/** The open workspace's side of the recovery methods (electron/core/recovery-core.ts answers them otherwise). */
export const createWorkspaceHandlers = ({ db }: CoreContext) =>
  ({
    getState: () => ({ state: 'ready' as const }),
    restoreBackup: notInRecovery,
    startEmpty: notInRecovery,
    retryOpen: notInRecovery,
    checkIntegrity: () => {
      const problems = checkIntegrity(db);
      return { ok: problems.length === 0, problems };
    },
  }) satisfies DomainHandlers<Contract, 'workspace'>;
