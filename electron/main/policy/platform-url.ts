/**
 * The marketplace API Bottega syncs with. No public one exists yet: builds name theirs here (or in
 * BOTTEGA_PLATFORM_URL); null keeps the workspace offline-only.
 */
export const defaultPlatformUrl: string | null = null;

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Tokens travel to this address: only https, or plain http on loopback (the reference platform in
 * development and the demo). Anything else is refused and the default kept.
 */
export const resolvePlatformUrl = (configured: string | undefined, fallback: string | null): string | null => {
  if (!configured) return fallback;
  let url: URL;
  try {
    url = new URL(configured);
  } catch {
    return fallback;
  }
  if (url.username || url.password || url.search || url.hash) return fallback;
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && loopbackHosts.has(url.hostname));
  return secure ? url.origin : fallback;
};
