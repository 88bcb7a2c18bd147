import { useCallback, useEffect, useState } from 'react';
import type { UpdateChannel, UpdateState } from '../../../../shared/contract/updates';
import { useClient } from '../../app/client-context';
import { useCoreAction } from '../../data/use-core-action';

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
  // Refusals are said in the notice region; what the core answers is the updater's new state.
  const check = useCoreAction((core) => core.updates.checkNow()).run;
  const choose = useCoreAction((core, channel: UpdateChannel) => core.updates.setChannel({ channel })).run;
  const checkNow = useCallback(async () => {
    const result = await check();
    if (result.ok) setState(result.value);
  }, [check]);
  const setChannel = useCallback(
    async (channel: UpdateChannel) => {
      const result = await choose(channel);
      if (result.ok) setState(result.value);
    },
    [choose],
  );
  return { state, restartNow, checkNow, setChannel };
};
