/** The renderer is served from this privileged custom scheme, never from file:// (issue 8). */
export const appScheme = 'app';
export const appHost = 'bottega';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/** Parses without throwing: hostile input is data, not an exception. */
export const parseUrl = (url: string): URL | undefined => {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
};

/**
 * The origin of the Vite dev server when `ELECTRON_RENDERER_URL` names a loopback http(s) URL;
 * anything else (a remote host, another scheme) is refused so dev mode cannot be pointed at the internet.
 */
export const devServerOrigin = (devServerUrl: string | undefined): string | undefined => {
  if (!devServerUrl) return undefined;
  const parsed = parseUrl(devServerUrl);
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return undefined;
  if (!['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname)) return undefined;
  if (parsed.username || parsed.password) return undefined;
  return parsed.origin;
};

/** True for the app's own pages: `app://bottega/...`, or the loopback dev server when one is given. */
export const isAppUrl = (url: string, devServerUrl?: string): boolean => {
  const parsed = parseUrl(url);
  if (!parsed || parsed.username || parsed.password) return false;
  if (parsed.protocol === `${appScheme}:`) return parsed.host === appHost;
  const devOrigin = devServerOrigin(devServerUrl);
  return devOrigin !== undefined && parsed.origin === devOrigin;
};
