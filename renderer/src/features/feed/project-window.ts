import type { ProjectSummary } from '../../../../shared/domain/project';

export const feedPageSize = 100;

type Page<T> = { generation: number; items: T[] };
/** A page and the number of rows when the page tells it; null when only a count can (see FetchTotal). */
type FetchPage<T> = (offset: number, limit: number) => Promise<{ total: number | null; items: T[] }>;
/** The exact number of rows, asked once per version of the data when pages leave it out (the feed). */
type FetchTotal = () => Promise<{ total: number }>;

/**
 * A window onto a list too long to load whole: pages are fetched as rows scroll into view. After the data
 * changes, pages already shown stay on screen until their fresh copy arrives, so a sync never blanks the list.
 * When the first page does not tell the total, its rows show at once and the total is counted after it
 * (once per version of the data: scrolling never counts again); until then the list is as long as the
 * rows loaded.
 */
export const createPagedWindow = <T extends { id: string }>(
  fetchPage: FetchPage<T>,
  onUpdate: () => void,
  onError: (error: unknown) => void,
  fetchTotal?: FetchTotal,
) => {
  const pages = new Map<number, Page<T>>();
  const loading = new Set<number>();
  let generation = 0;
  let total: number | null = null;
  // The generation whose total is known, and the one a count was asked for (at most one count each).
  let totalGeneration = -1;
  let countedGeneration = -1;
  let loaded = 0;
  let lastRange: [number, number] = [0, 0];

  const getItem = (index: number): T | undefined => pages.get(Math.floor(index / feedPageSize))?.items[index % feedPageSize];
  // A virtualizer lays out every row again (100k in the feed) when its key function changes, so a new one is
  // made when rows or their number change, and only then. A row not loaded is keyed by its index, a number: no
  // string made per row.
  const keyRows = (): ((index: number) => string | number) => (index) => getItem(index)?.id ?? index;
  let itemKey = keyRows();

  const count = (): void => {
    if (!fetchTotal || totalGeneration === generation || countedGeneration === generation) return;
    const asked = generation;
    countedGeneration = asked;
    fetchTotal().then(
      (result) => {
        if (asked !== generation) return;
        total = result.total;
        totalGeneration = asked;
        itemKey = keyRows();
        onUpdate();
      },
      (error: unknown) => {
        if (asked !== generation) return;
        // Asked again with the next range the list needs.
        countedGeneration = -1;
        onError(error);
      },
    );
  };

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
        loaded = Math.max(loaded, page * feedPageSize + result.items.length);
        if (result.total !== null) {
          total = result.total;
          totalGeneration = asked;
        }
        itemKey = keyRows();
        onUpdate();
        count();
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
    const end = total === null ? Math.max(first, Math.min(last, loaded - 1)) : Math.min(last, Math.max(total - 1, 0));
    for (let page = Math.floor(first / feedPageSize); page <= Math.floor(end / feedPageSize); page++) load(page);
    if (pages.get(0)?.generation === generation) count();
  };

  return {
    /** The exact number of rows; null until a page or the count told it. */
    get total() {
      return total;
    },
    /** How many rows to lay out: the total once known, the rows loaded meanwhile. */
    get length() {
      return total ?? loaded;
    },
    /** A row's key (its record's id, or its index while not loaded); a new function each time rows arrive. */
    get itemKey() {
      return itemKey;
    },
    getItem,
    ensureRange,
    /** The data changed: refetch what is visible, keep showing the old rows (and total) meanwhile. */
    invalidate: (): void => {
      generation++;
      loading.clear();
      ensureRange(...lastRange);
    },
  };
};

export type PagedWindow<T extends { id: string }> = ReturnType<typeof createPagedWindow<T>>;

export const createProjectWindow = (
  fetchPage: FetchPage<ProjectSummary>,
  onUpdate: () => void,
  onError: (error: unknown) => void,
  fetchTotal?: FetchTotal,
): PagedWindow<ProjectSummary> => createPagedWindow(fetchPage, onUpdate, onError, fetchTotal);

export type ProjectWindow = PagedWindow<ProjectSummary>;
