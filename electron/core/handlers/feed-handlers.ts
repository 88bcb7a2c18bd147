import type { Contract } from '../../../shared/contract';
import { countProjects, listProjects } from '../db/repositories/projects-repository';
import type { DomainHandlers } from '../rpc/rpc-server';
import type { CoreContext } from './context';

export const createFeedHandlers = ({ db }: CoreContext) =>
  ({
    listProjects: (query) => ({ total: countProjects(db), items: listProjects(db, query) }),
  }) satisfies DomainHandlers<Contract, 'feed'>;
