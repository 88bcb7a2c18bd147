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
      const items = listProjects(db, query);
      // A page shorter than asked is the last one: it tells the total without a count. An empty page past
      // the first tells only that the total is at most its offset.
      const last = items.length < query.limit && (items.length > 0 || query.offset === 0);
      return { total: last ? query.offset + items.length : null, items };
    },
    countProjects: ({ filter }) => ({ total: countProjects(db, filter) }),
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
