import { useEffect, useMemo, useReducer, useState } from 'react';
import type { FeedFilter, ProjectSort } from '../../../../shared/domain/project';
import { useClient } from '../../app/client-context';
import { createProjectWindow } from './project-window';

export const useProjectFeed = (sort: ProjectSort, filter?: FeedFilter) => {
  const client = useClient();
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  const [error, setError] = useState<unknown>(null);
  // A new filter object with the same content must not refetch.
  const filterKey = JSON.stringify(filter ?? null);
  const feed = useMemo(
    () => {
      const parsed = JSON.parse(filterKey) as FeedFilter | null;
      return createProjectWindow(
        (offset, limit) => client.feed.listProjects({ offset, limit, sort, ...(parsed ? { filter: parsed } : {}) }),
        () => {
          setError(null);
          rerender();
        },
        setError,
        // Counted after the first page, never before it: the rows paint first.
        () => client.feed.countProjects(parsed ? { filter: parsed } : {}),
      );
    },
    [client, sort, filterKey],
  );
  useEffect(() => {
    feed.ensureRange(0, 0);
    return client.on('projectsChanged', () => feed.invalidate());
  }, [client, feed]);
  return { feed, error };
};
