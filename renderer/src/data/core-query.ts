/**
 * One query's state, without React: what `useCoreQuery` keeps per key. Pure so its two promises can be
 * tested without a DOM: a response older than the latest request never lands, and the events that name
 * the records it reads make it read again.
 */
export type QueryState<T> =
  | { status: 'loading'; data: undefined; error: null }
  | { status: 'ready'; data: T; error: null }
  /** The last read failed; `data` is what the previous read returned, if any (kept rather than blanked). */
  | { status: 'failed'; data: T | undefined; error: unknown };

export type CoreQuery<T> = {
  read: () => QueryState<T>;
  /** Called whenever `read()` changes; answers the unsubscribe. */
  watch: (listener: () => void) => () => void;
  /** Reads now and again on every invalidating event until the answered stop is called. */
  start: () => () => void;
  /** Resolves once this read's answer has landed (or a newer read superseded it). */
  refetch: () => Promise<void>;
};

const loading = { status: 'loading', data: undefined, error: null } as const satisfies QueryState<never>;

export const createCoreQuery = <T>(
  fetch: () => Promise<T>,
  /** Subscribes `invalidate` to the events that name what `fetch` reads; answers the unsubscribe. */
  listen: (invalidate: () => void) => () => void,
): CoreQuery<T> => {
  let state: QueryState<T> = loading;
  let latest = 0;
  const listeners = new Set<() => void>();
  const land = (next: QueryState<T>): void => {
    state = next;
    for (const listener of listeners) listener();
  };
  const refetch = (): Promise<void> => {
    const ticket = ++latest;
    return fetch().then(
      (data) => {
        if (ticket === latest) land({ status: 'ready', data, error: null });
      },
      (error: unknown) => {
        if (ticket === latest) land({ status: 'failed', data: state.data, error });
      },
    );
  };
  return {
    read: () => state,
    watch: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start: () => {
      void refetch();
      const stop = listen(() => void refetch());
      return () => {
        stop();
        // Whatever is still on its way belongs to a stopped query: a restart's read supersedes it.
        latest++;
      };
    },
    refetch,
  };
};
