import { useEffect } from 'react';
import type { DeepLinkTarget } from '../../../../shared/contract/updates';
import { useClient } from '../../app/client-context';

const sectionFor: Record<DeepLinkTarget['kind'], string> = { project: 'feed', thread: 'messages', proposal: 'proposals' };

/** A `bottega://` link the OS handed to the app (validated by main) opens its section, with the id in the hash. */
export const useDeepLinks = (): void => {
  const client = useClient();
  useEffect(
    () =>
      client.on('deepLinkOpened', ({ kind, id }) => {
        window.location.hash = `#/${sectionFor[kind]}/${encodeURIComponent(id)}`;
      }),
    [client],
  );
};
