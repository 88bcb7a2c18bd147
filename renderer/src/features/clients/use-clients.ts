import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import type { ClientDetail } from '../../../../shared/contract/clients';
import type { ClientSummary } from '../../../../shared/domain/project';
import { useClient } from '../../app/client-context';
import { typingSaveTiming } from '../../components/save-scheduler';
import { useDebouncedSave } from '../../components/use-debounced-save';
import { useCoreQuery } from '../../data/use-core-query';
import { createPagedWindow, type PagedWindow } from '../feed/project-window';

export const useClientList = (text: string, accountIds: readonly string[] = []): { clients: PagedWindow<ClientSummary>; failed: boolean } => {
  // One window per filter's value (not per render's new array).
  const accountsKey = accountIds.join(',');
  const client = useClient();
  const rerender = useReducer((count: number) => count + 1, 0)[1];
  const [failed, setFailed] = useState(false);
  const clients = useMemo(
    () =>
      createPagedWindow<ClientSummary>(
        (offset, limit) => client.clients.listClients({ text, offset, limit, accountIds: accountsKey === '' ? [] : accountsKey.split(',') }),
        () => {
          setFailed(false);
          rerender();
        },
        () => setFailed(true),
      ),
    [client, text, accountsKey, rerender],
  );
  useEffect(() => {
    clients.ensureRange(0, 0);
    return client.on('projectsChanged', () => clients.invalidate());
  }, [client, clients]);
  return { clients, failed };
};

export const useClientDetail = (id: string | null): ClientDetail | null | undefined => {
  // Keyed by id, so a stale answer for another client never shows.
  const detail = useCoreQuery(id === null ? null : ['clients.getClient', id], (client, [, clientId]) => client.clients.getClient({ id: clientId }), {
    invalidatedBy: ['projectsChanged', 'messagesChanged'],
  });
  if (!id || detail.status === 'loading') return undefined;
  return detail.status === 'failed' ? null : detail.data;
};

/** The private note, saved shortly after typing stops and when the client changes; never sent anywhere. */
export const useClientNote = (clientId: string, initial: string) => {
  const client = useClient();
  const [text, setText] = useState(initial);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const save = useCallback(
    (body: string) => client.clients.saveClientNote({ clientId, body }).then(({ updatedAt }) => setSavedAt(updatedAt), () => undefined),
    [client, clientId],
  );
  const { schedule } = useDebouncedSave(save, typingSaveTiming);
  const change = useCallback(
    (body: string) => {
      setText(body);
      schedule(body);
    },
    [schedule],
  );
  return { text, change, savedAt };
};
