import type { DeepLinkTarget } from '../../../shared/contract/updates';
import { parseUrl } from './app-origin';

export const deepLinkScheme = 'bottega';

const kinds = new Set<DeepLinkTarget['kind']>(['project', 'thread', 'proposal']);
const idPattern = /^[A-Za-z0-9_-]{1,64}$/;
const maxLength = 256;

const isKind = (value: string): value is DeepLinkTarget['kind'] => kinds.has(value as DeepLinkTarget['kind']);

/**
 * `bottega://project/<id>`, `bottega://thread/<id>`, `bottega://proposal/<id>` (a trailing slash is
 * tolerated, as some OS handlers add one). Anything else is refused: other schemes, credentials,
 * ports, query strings or fragments, encoded characters, dot segments, control characters, ids
 * outside [A-Za-z0-9_-]{1,64}. Deep links come from any web page or document, so they are hostile
 * input: they only ever select something to show, never trigger an action.
 */
export const parseDeepLink = (raw: unknown): DeepLinkTarget | undefined => {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > maxLength) return undefined;
  // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
  if (/[\u0000-\u0020\u007f-\u009f\\%]/.test(raw)) return undefined;
  if (!raw.toLowerCase().startsWith(`${deepLinkScheme}://`)) return undefined;
  const url = parseUrl(raw);
  if (!url || url.protocol !== `${deepLinkScheme}:`) return undefined;
  if (url.username || url.password || url.port || url.search || url.hash || raw.includes('?') || raw.includes('#')) return undefined;
  const kind = url.hostname;
  if (!isKind(kind)) return undefined;
  // Compare against the raw text too: the URL parser would quietly collapse `..` and case.
  const rest = raw.slice(`${deepLinkScheme}://${kind}`.length);
  const match = /^\/([^/]+)\/?$/.exec(rest);
  const id = match?.[1];
  if (!id || !idPattern.test(id) || url.pathname.replace(/\/$/, '') !== `/${id}`) return undefined;
  return { kind, id };
};

/** The deep link among a launch's command-line arguments (Windows and Linux pass it there), if any. */
export const findDeepLink = (argv: readonly string[]): DeepLinkTarget | undefined => {
  for (const argument of argv) {
    if (typeof argument === 'string' && argument.toLowerCase().startsWith(`${deepLinkScheme}:`)) {
      const target = parseDeepLink(argument);
      if (target) return target;
    }
  }
  return undefined;
};
