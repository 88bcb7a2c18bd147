import type { Contract } from '../../../shared/contract';
import { listUnconfirmedWrites, requeueWrite } from '../db/repositories/outbox-repository';
import { listQuarantine } from '../db/repositories/quarantine-repository';
import { RpcError } from '../../../shared/rpc/errors';
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
    listWrites: ({ limit }) => listUnconfirmedWrites(db, limit),
    retryWrite: ({ seq }) => {
      if (!requeueWrite(db, seq)) throw new RpcError({ code: 'not_found', message: 'No refused write with that number.' });
      sync.notifyLocalWrite();
      return sync.status();
    },
  }) satisfies DomainHandlers<Contract, 'sync'>;
