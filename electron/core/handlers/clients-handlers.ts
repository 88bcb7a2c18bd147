import type { Contract } from '../../../shared/contract';
import {
  listClients,
  listProposalsWithClient,
  readClient,
  readClientNote,
  writeClientNote,
} from '../db/repositories/clients-repository';
import { listThreads } from '../db/repositories/messages-repository';
import { listProjectsOfClient } from '../db/repositories/projects-repository';
import type { DomainHandlers } from '../rpc/rpc-server';
import type { CoreContext } from './context';

const historyLimit = 200;

export const createClientsHandlers = ({ db }: CoreContext) =>
  ({
    listClients: (query) => listClients(db, query),
    getClient: ({ id }) => {
      const client = readClient(db, id);
      if (!client) return null;
      const note = readClientNote(db, id);
      return {
        ...client,
        projects: listProjectsOfClient(db, id, historyLimit),
        threads: listThreads(db, { offset: 0, limit: historyLimit, clientId: id }).items,
        proposals: listProposalsWithClient(db, id, historyLimit),
        note: note?.body ?? '',
        noteUpdatedAt: note?.updatedAt ?? null,
      };
    },
    saveClientNote: ({ clientId, body }) => {
      const now = new Date();
      writeClientNote(db, clientId, body, now);
      return { updatedAt: now.toISOString() };
    },
  }) satisfies DomainHandlers<Contract, 'clients'>;
