import { useEffect } from 'react';
import type { DeepLinkTarget } from '../../../../shared/contract/updates';
import { useClient } from '../../app/client-context';

const sectionFor: Record<DeepLinkTarget['kind'], string> = { project: 'feed', thread: 'messages', proposal: 'proposals' };

/**
 * A `bottega://` link the OS handed to the app (validated by main) opens its section, with the id in the
 * hash. Links are taken from the core, once: one that launched the app waited there for this window.
 */
export const useDeepLinks = (): void => {
  const client = useClient();
  useEffect(() => {
    const open = async (): Promise<void> => {
      const target = await client.updates.takeDeepLink();
      if (target) window.location.hash = `#/${sectionFor[target.kind]}/${encodeURIComponent(target.id)}`;
    };
    void open();
    return client.on('deepLinkOpened', () => void open());
  }, [client]);
};
