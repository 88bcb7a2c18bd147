import { useEffect, useMemo, useReducer, useState } from 'react';
import type { ProjectSort } from '../../../../shared/domain/project';
import { useClient } from '../../app/client-context';
import { createProjectWindow } from './project-window';

export const useProjectFeed = (sort: ProjectSort) => {
  const client = useClient();
  const [, rerender] = useReducer((count: number) => count + 1, 0);
  const [error, setError] = useState<unknown>(null);
  const feed = useMemo(
    () =>
      createProjectWindow(
        (offset, limit) => client.feed.listProjects({ offset, limit, sort }),
        () => {
          setError(null);
          rerender();
        },
        setError,
      ),
    [client, sort],
  );
  useEffect(() => {
    feed.ensureRange(0, 0);
    return client.on('projectsChanged', () => feed.invalidate());
  }, [client, feed]);
  return { feed, error };
};
