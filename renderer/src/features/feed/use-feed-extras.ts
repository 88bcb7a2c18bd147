import { useCallback, useEffect, useState } from 'react';
import type { SavedSearch } from '../../../../shared/contract/feed';
import type { FeedFacets, FeedFilter, ProjectDetail, ProjectSort } from '../../../../shared/domain/project';
import { useClient } from '../../app/client-context';
import { useCoreAction, type ActionResult } from '../../data/use-core-action';
import { useCoreQuery } from '../../data/use-core-query';

/** The values the filter controls offer; refreshed when the cache changes. */
export const useFeedFacets = (): FeedFacets | null =>
  useCoreQuery(['feed.getFacets'], (client) => client.feed.getFacets(), { invalidatedBy: ['projectsChanged'] }).data ?? null;

export type ProjectDetailState = { status: 'loading' } | { status: 'missing' } | { status: 'ready'; project: ProjectDetail };

export const useProjectDetail = (id: string | null): ProjectDetailState | null => {
  const detail = useCoreQuery(id === null ? null : ['feed.getProject', id], (client, [, projectId]) => client.feed.getProject({ id: projectId }), {
    invalidatedBy: ['projectsChanged'],
  });
  if (!id) return null;
  if (detail.status === 'loading') return { status: 'loading' };
  return detail.data ? { status: 'ready', project: detail.data } : { status: 'missing' };
};

export const useSavedSearches = () => {
  const list = useCoreQuery(['feed.listSavedSearches'], (client) => client.feed.listSavedSearches(), {
    invalidatedBy: ['projectsChanged', 'savedSearchMatches'],
  });
  const save = useCoreAction((client, name: string, filter: FeedFilter, sort: ProjectSort) => client.feed.saveSearch({ name, filter, sort }));
  const open = useCoreAction((client, id: number) => client.feed.openSavedSearch({ id }));
  const remove = useCoreAction((client, id: number) => client.feed.deleteSavedSearch({ id }));
  const after = async <R>(result: Promise<ActionResult<R>>): Promise<ActionResult<R>> => {
    const done = await result;
    list.refetch();
    return done;
  };
  return {
    searches: list.data ?? [],
    save: async (name: string, filter: FeedFilter, sort: ProjectSort): Promise<void> => {
      await after(save.run(name, filter, sort));
    },
    /** `null` when it is gone or could not be opened (the notice says which). */
    open: async (id: number): Promise<SavedSearch | null> => {
      const opened = await after(open.run(id));
      return opened.ok ? opened.value : null;
    },
    remove: async (id: number): Promise<void> => {
      await after(remove.run(id));
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
