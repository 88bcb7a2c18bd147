import type { Contract } from '../../../shared/contract';
import { listQuarantine } from '../db/repositories/quarantine-repository';
import type { DomainHandlers } from '../rpc/rpc-server';
import type { CoreContext } from './context';

export const createSyncHandlers = ({ db, sync }: CoreContext) =>
  ({
    getStatus: () => sync.status(),
    signIn: async ({ email, password }) => {
      const result = await sync.signIn(email, password);
      return result.ok ? result : { ok: false, reason: result.reason };
    },
    signOut: () => sync.signOut(),
    syncNow: () => sync.syncNow(),
    listQuarantined: ({ limit }) => listQuarantine(db, limit),
  }) satisfies DomainHandlers<Contract, 'sync'>;
