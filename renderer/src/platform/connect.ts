import { contract, type BottegaBridge } from '../../../shared/contract';
import { createBridge } from '../../../shared/rpc/bridge';
import { createWebSocketTransport } from './web-socket-transport';

const tokenKey = 'bottega.webHostToken';

export type Connection = {
  bridge: BottegaBridge;
  /** Called if the core goes away (web-host stopped); Electron's port lives as long as the window. */
  onDisconnect: (listener: () => void) => () => void;
};

/**
 * web-host prints a URL carrying a per-run token. Keep it for reloads of this tab only, and take it out of the
 * address bar so it does not end up in history or a screenshot.
 */
const takeWebHostToken = (): string | null => {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    window.sessionStorage.setItem(tokenKey, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url);
    return fromUrl;
  }
  return window.sessionStorage.getItem(tokenKey);
};

/** null: a browser opened web-host's address without its token (and this tab never had it): nothing to connect with. */
export const connect = (): Connection | null => {
  if (window.bottega) return { bridge: window.bottega, onDisconnect: () => () => undefined };
  const token = takeWebHostToken();
  if (!token) return null;
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const transport = createWebSocketTransport(
    `${scheme}://${window.location.host}/rpc?token=${encodeURIComponent(token)}`,
  );
  return { bridge: createBridge(contract, transport), onDisconnect: transport.onClose };
};
