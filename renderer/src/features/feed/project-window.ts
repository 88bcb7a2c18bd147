import type { ProjectSummary } from '../../../../shared/domain/project';

export const feedPageSize = 100;

type Page<T> = { generation: number; items: T[] };
type FetchPage<T> = (offset: number, limit: number) => Promise<{ total: number; items: T[] }>;

/**
 * A window onto a list too long to load whole: pages are fetched as rows scroll into view. After the data
 * changes, pages already shown stay on screen until their fresh copy arrives, so a sync never blanks the list.
 */
export const createPagedWindow = <T>(fetchPage: FetchPage<T>, onUpdate: () => void, onError: (error: unknown) => void) => {
  const pages = new Map<number, Page<T>>();
  const loading = new Set<number>();
  let generation = 0;
  let total: number | null = null;
  let lastRange: [number, number] = [0, 0];

  const load = (page: number): void => {
    const current = pages.get(page);
    if (loading.has(page) || current?.generation === generation) return;
    loading.add(page);
    const asked = generation;
    fetchPage(page * feedPageSize, feedPageSize).then(
      (result) => {
        if (asked !== generation) return;
        loading.delete(page);
        pages.set(page, { generation: asked, items: result.items });
        total = result.total;
        onUpdate();
      },
      (error: unknown) => {
        if (asked !== generation) return;
        loading.delete(page);
        onError(error);
      },
    );
  };

  const ensureRange = (first: number, last: number): void => {
    lastRange = [first, last];
    const end = total === null ? first : Math.min(last, Math.max(total - 1, 0));
    for (let page = Math.floor(first / feedPageSize); page <= Math.floor(end / feedPageSize); page++) load(page);
  };

  return {
    get total() {
      return total;
    },
    getItem: (index: number): T | undefined =>
      pages.get(Math.floor(index / feedPageSize))?.items[index % feedPageSize],
    ensureRange,
    /** The data changed: refetch what is visible, keep showing the old rows meanwhile. */
    invalidate: (): void => {
      generation++;
      loading.clear();
      ensureRange(...lastRange);
    },
  };
};

export type PagedWindow<T> = ReturnType<typeof createPagedWindow<T>>;

export const createProjectWindow = (
  fetchPage: FetchPage<ProjectSummary>,
  onUpdate: () => void,
  onError: (error: unknown) => void,
): PagedWindow<ProjectSummary> => createPagedWindow(fetchPage, onUpdate, onError);

export type ProjectWindow = PagedWindow<ProjectSummary>;
