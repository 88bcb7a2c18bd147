import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import type { ClientDetail } from '../../../../shared/contract/clients';
import type { ClientSummary } from '../../../../shared/domain/project';
import { useClient } from '../../app/client-context';
import { typingSaveTiming } from '../../components/save-scheduler';
import { useDebouncedSave } from '../../components/use-debounced-save';
import { createPagedWindow, type PagedWindow } from '../feed/project-window';

export const useClientList = (text: string): { clients: PagedWindow<ClientSummary>; failed: boolean } => {
  const client = useClient();
  const rerender = useReducer((count: number) => count + 1, 0)[1];
  const [failed, setFailed] = useState(false);
  const clients = useMemo(
    () =>
      createPagedWindow<ClientSummary>(
        (offset, limit) => client.clients.listClients({ text, offset, limit }),
        () => {
          setFailed(false);
          rerender();
        },
        () => setFailed(true),
      ),
    [client, text, rerender],
  );
  useEffect(() => {
    clients.ensureRange(0, 0);
    return client.on('projectsChanged', () => clients.invalidate());
  }, [client, clients]);
  return { clients, failed };
};

export const useClientDetail = (id: string | null) => {
  const client = useClient();
  // Keyed by id, so a stale answer for another client never shows.
  const [state, setState] = useState<{ id: string; detail: ClientDetail | null } | null>(null);
  useEffect(() => {
    if (!id) return;
    let live = true;
    const load = (): void => {
      client.clients.getClient({ id }).then(
        (detail) => live && setState({ id, detail }),
        () => live && setState({ id, detail: null }),
      );
    };
    load();
    const stopProjects = client.on('projectsChanged', load);
    const stopMessages = client.on('messagesChanged', load);
    return () => {
      live = false;
      stopProjects();
      stopMessages();
    };
  }, [client, id]);
  return id && state?.id === id ? state.detail : undefined;
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
