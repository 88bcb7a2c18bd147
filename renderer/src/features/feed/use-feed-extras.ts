import { useCallback, useEffect, useState } from 'react';
import type { SavedSearch } from '../../../../shared/contract/feed';
import type { FeedFacets, FeedFilter, ProjectDetail, ProjectSort } from '../../../../shared/domain/project';
import { useClient } from '../../app/client-context';

/** The values the filter controls offer; refreshed when the cache changes. */
export const useFeedFacets = (): FeedFacets | null => {
  const client = useClient();
  const [facets, setFacets] = useState<FeedFacets | null>(null);
  useEffect(() => {
    let live = true;
    const load = (): void => {
      client.feed.getFacets().then((next) => live && setFacets(next), () => undefined);
    };
    load();
    const stop = client.on('projectsChanged', load);
    return () => {
      live = false;
      stop();
    };
  }, [client]);
  return facets;
};

export type ProjectDetailState = { status: 'loading' } | { status: 'missing' } | { status: 'ready'; project: ProjectDetail };

export const useProjectDetail = (id: string | null): ProjectDetailState | null => {
  const client = useClient();
  const [state, setState] = useState<{ id: string; value: ProjectDetailState } | null>(null);
  useEffect(() => {
    if (!id) return;
    let live = true;
    const load = (): void => {
      client.feed.getProject({ id }).then(
        (project) => live && setState({ id, value: project ? { status: 'ready', project } : { status: 'missing' } }),
        () => live && setState({ id, value: { status: 'missing' } }),
      );
    };
    load();
    const stop = client.on('projectsChanged', load);
    return () => {
      live = false;
      stop();
    };
  }, [client, id]);
  if (!id) return null;
  return state?.id === id ? state.value : { status: 'loading' };
};

export const useSavedSearches = () => {
  const client = useClient();
  const [searches, setSearches] = useState<SavedSearch[]>([]);
  const reload = useCallback(() => {
    client.feed.listSavedSearches().then(setSearches, () => undefined);
  }, [client]);
  useEffect(() => {
    reload();
    const stopProjects = client.on('projectsChanged', reload);
    const stopMatches = client.on('savedSearchMatches', reload);
    return () => {
      stopProjects();
      stopMatches();
    };
  }, [client, reload]);
  return {
    searches,
    save: async (name: string, filter: FeedFilter, sort: ProjectSort): Promise<void> => {
      await client.feed.saveSearch({ name, filter, sort });
      reload();
    },
    open: async (id: number): Promise<SavedSearch | null> => {
      const opened = await client.feed.openSavedSearch({ id });
      reload();
      return opened;
    },
    remove: async (id: number): Promise<void> => {
      await client.feed.deleteSavedSearch({ id });
      reload();
    },
  };
};

export type SearchNotice = { id: number; name: string; newCount: number };

/** New projects for saved searches, as they arrive: shown as an in-app notice until dismissed or opened. */
export const useSavedSearchNotices = () => {
  const client = useClient();
  const [notices, setNotices] = useState<SearchNotice[]>([]);
  useEffect(
    () =>
      client.on('savedSearchMatches', ({ matches }) =>
        setNotices((current) => [
          ...current.filter((notice) => !matches.some((match) => match.id === notice.id)),
          ...matches.map((match) => ({
            ...match,
            newCount: match.newCount + (current.find((notice) => notice.id === match.id)?.newCount ?? 0),
          })),
        ]),
      ),
    [client],
  );
  const dismiss = useCallback((id: number) => setNotices((current) => current.filter((notice) => notice.id !== id)), []);
  return { notices, dismiss };
};
