import type { Contract } from '../../../shared/contract';
import { readClient, readProposalForProject } from '../db/repositories/clients-repository';
import { countProjects, listProjects, readFeedFacets, readProject } from '../db/repositories/projects-repository';
import { deleteSavedSearch } from '../db/repositories/saved-searches-repository';
import type { DomainHandlers } from '../rpc/rpc-server';
import { createSavedSearch, listSavedSearchesWithCounts, openSavedSearch } from '../workspace/saved-searches';
import type { CoreContext } from './context';

export const createFeedHandlers = ({ db }: CoreContext) =>
  ({
    listProjects: (query) => {
      const now = new Date();
      return { total: countProjects(db, query.filter, now), items: listProjects(db, query, now) };
    },
    getProject: ({ id }) => {
      const project = readProject(db, id);
      if (!project) return null;
      const { clientId, ...detail } = project;
      return { ...detail, client: clientId ? readClient(db, clientId) : null, proposal: readProposalForProject(db, id) };
    },
    getFacets: () => readFeedFacets(db),
    listSavedSearches: () => listSavedSearchesWithCounts(db),
    saveSearch: (search) => createSavedSearch(db, search),
    openSavedSearch: ({ id }) => openSavedSearch(db, id),
    deleteSavedSearch: ({ id }) => ({ deleted: deleteSavedSearch(db, id) }),
  }) satisfies DomainHandlers<Contract, 'feed'>;
