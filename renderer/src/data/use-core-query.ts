import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { BottegaClient, Contract } from '../../../shared/contract';
import type { EventOf } from '../../../shared/rpc/define';
import { useClient } from '../app/client-context';
import { createCoreQuery, type QueryState } from './core-query';

/**
 * The core's per-record-type events a query may be invalidated by. `syncStatusChanged` is left out on purpose:
 * it fires once per pulled page, and the records a page brought are announced by their own events.
 */
export type InvalidatingEvent = Exclude<EventOf<Contract>, 'syncStatusChanged'>;

export type CoreQueryResult<T> = QueryState<T> & {
  refetch: () => Promise<void>;
  /** The last data this hook showed, for any key: lists that keep showing it while a new key loads. */
  previous: T | undefined;
};

const idle = { status: 'loading', data: undefined, error: null, refetch: () => Promise.resolve() } as const;

/**
 * Reads records from the core, keyed by what it reads (`['clients.getClient', id]`; `null` while there is
 * nothing to read). A new key starts from `loading`, so an answer for another key never shows; within a key,
 * a response older than the latest request never lands; the listed events make it read again.
 */
export const useCoreQuery = <const K extends readonly unknown[], T>(
  key: K | null,
  fetcher: (client: BottegaClient, key: K) => Promise<T>,
  options: { invalidatedBy: readonly InvalidatingEvent[] },
): CoreQueryResult<T> => {
  const client = useClient();
  const identity = key === null ? null : JSON.stringify(key);
  const events = options.invalidatedBy.join(' ');
  const query = useMemo(
    () =>
      key === null
        ? null
        : createCoreQuery(
            () => fetcher(client, key),
            (invalidate) => {
              const stops = options.invalidatedBy.map((event) => client.on(event, invalidate));
              return () => stops.forEach((stop) => stop());
            },
          ),
    // One query per key's value (not per render's new array or fetcher closure): the fetcher reads only the key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, identity, events],
  );
  useEffect(() => query?.start(), [query]);
  const state = useSyncExternalStore(
    (listener) => query?.watch(listener) ?? (() => undefined),
    () => query?.read() ?? idle,
  );
  // Adjusted while rendering (React's way to derive state from a change), so no extra effect pass.
  const [previous, setPrevious] = useState<T | undefined>(undefined);
  if (query && state.data !== undefined && state.data !== previous) setPrevious(state.data);
  return useMemo(() => ({ ...(query ? { ...state, refetch: query.refetch } : idle), previous }), [query, state, previous]);
};
