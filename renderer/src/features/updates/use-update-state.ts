import { useCallback, useEffect, useState } from 'react';
import type { UpdateChannel, UpdateState } from '../../../../shared/contract/updates';
import { useClient } from '../../app/client-context';

/** The updater's state as the core relays it from the main process: fetched once, then pushed. */
export const useUpdateState = () => {
  const client = useClient();
  const [state, setState] = useState<UpdateState | null>(null);
  useEffect(() => {
    let live = true;
    const stop = client.on('updateStateChanged', (next) => setState(next));
    client.updates.getState().then(
      (current) => {
        if (live) setState((known) => known ?? current);
      },
      () => undefined,
    );
    return () => {
      live = false;
      stop();
    };
  }, [client]);
  const restartNow = useCallback(() => client.updates.restartNow(), [client]);
  const checkNow = useCallback(() => client.updates.checkNow().then(setState), [client]);
  const setChannel = useCallback(
    (channel: UpdateChannel) => client.updates.setChannel({ channel }).then(setState),
    [client],
  );
  return { state, restartNow, checkNow, setChannel };
};
