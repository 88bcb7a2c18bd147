import type { Contract } from '../../../shared/contract';
import { randomUUID } from 'node:crypto';
import { recordSchemas, recordTypeSchema } from '../../../shared/platform/records';
import { closeConflict, listOpenConflicts, readOpenConflict } from '../db/repositories/conflicts-repository';
import { listUnconfirmedWrites, requeueWrite } from '../db/repositories/outbox-repository';
import { applyRecord } from '../db/repositories/platform-records-repository';
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
    listConflicts: ({ limit }) => listOpenConflicts(db, limit),
    resolveConflict: ({ id, choice }) => {
      const conflict = readOpenConflict(db, id);
      if (!conflict) throw new RpcError({ code: 'not_found', message: 'No open conflict with that number.' });
      const type = recordTypeSchema.safeParse(conflict.entityType);
      const theirs = type.success ? recordSchemas[type.data].safeParse(conflict.serverRecord) : null;
      db.transaction(() => {
        // Taking theirs shows the platform's version at once; keeping mine pushes it again over theirs.
        if (choice === 'theirs' && type.success && theirs?.success) applyRecord(db, type.data, theirs.data as never, new Date().toISOString(), conflict.accountId);
        closeConflict(db, conflict, choice, new Date(), randomUUID());
      }).immediate();
      sync.notifyLocalWrite();
      return sync.status();
    },
    retryWrite: ({ seq }) => {
      if (!requeueWrite(db, seq)) throw new RpcError({ code: 'not_found', message: 'No refused write with that number.' });
      sync.notifyLocalWrite();
      return sync.status();
    },
  }) satisfies DomainHandlers<Contract, 'sync'>;
