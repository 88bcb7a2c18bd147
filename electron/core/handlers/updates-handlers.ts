import type { Contract } from '../../../shared/contract';
import type { DeepLinkTarget } from '../../../shared/contract/updates';
import type { DomainHandlers } from '../rpc/rpc-server';
import type { CoreContext } from './context';

/** Relays the updater that lives in the host (Electron's main process); see host-services.ts for the route. */
export const createUpdatesHandlers = ({ host, emit }: CoreContext) => {
  host.updates.subscribe((state) => emit('updateStateChanged', state));
  let pendingDeepLink: DeepLinkTarget | null = null;
  host.onDeepLink((target) => {
    pendingDeepLink = target;
    emit('deepLinkOpened', target);
  });
  return {
    getState: () => host.updates.current(),
    checkNow: () => host.updates.checkNow(),
    restartNow: () => host.updates.restartNow(),
    setChannel: ({ channel }) => host.updates.setChannel(channel),
    takeDeepLink: () => {
      const target = pendingDeepLink;
      pendingDeepLink = null;
      return target;
    },
  } satisfies DomainHandlers<Contract, 'updates'>;
};
