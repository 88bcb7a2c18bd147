import { parseUrl } from './app-origin';

const externalProtocols = new Set(['http:', 'https:', 'mailto:']);

/** Longest URL handed to the OS: a guard against absurd inputs, far above any real link. */
const maxExternalUrlLength = 4096;

/**
 * Whether a link may leave the app through `shell.openExternal`: http, https and mailto only, no
 * credentials (`https://user:pass@host` is a classic phishing shape), no control characters or
 * whitespace that some OS handlers split on, and a real host for web links.
 */
export const isSafeExternalUrl = (url: string): boolean => {
  if (typeof url !== 'string' || url.length === 0 || url.length > maxExternalUrlLength) return false;
  // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
  if (/[\u0000-\u0020\u007f-\u009f\\]/.test(url)) return false;
  const parsed = parseUrl(url);
  if (!parsed || !externalProtocols.has(parsed.protocol)) return false;
  if (parsed.username || parsed.password) return false;
  if (parsed.protocol === 'mailto:') return /^[^@/?#]+@[^@/?#]+/.test(parsed.pathname);
  if (!url.toLowerCase().startsWith(`${parsed.protocol}//`)) return false;
  return parsed.hostname.length > 0;
};
