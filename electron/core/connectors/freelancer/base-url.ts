/**
 * Where a Freelancer account's API lives: production, the sandbox, or (Settings → Advanced, tests, the demo) a
 * custom URL, https anywhere or plain http on loopback only, so a token never crosses a network in clear text.
 */

export const freelancerApiRoots = {
  production: 'https://www.freelancer.com/api',
  sandbox: 'https://www.freelancer-sandbox.com/api',
} as const;

export type FreelancerServer = keyof typeof freelancerApiRoots | { custom: string };

export type ApiRootResult = { ok: true; apiRoot: string } | { ok: false; reason: 'not_a_url' | 'insecure_http' | 'unsupported_scheme' | 'credentials_in_url' | 'query_or_fragment' };

const isLoopbackHost = (hostname: string): boolean => {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host === '::1') return true;
  // 127.0.0.0/8; the URL parser has already normalised forms such as 127.1 or 0x7f.0.0.1 to dotted decimal.
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
};

/**
 * The API root (no trailing slash) for a server choice. A custom URL may name the site (as the fixture prints
 * it, standing where https://www.freelancer.com stands) or the API root itself: a bare site gets `/api`.
 */
export const resolveFreelancerApiRoot = (server: FreelancerServer): ApiRootResult => {
  if (typeof server === 'string') return { ok: true, apiRoot: freelancerApiRoots[server] };
  let url: URL;
  try {
    url = new URL(server.custom.trim());
  } catch {
    return { ok: false, reason: 'not_a_url' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'unsupported_scheme' };
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) return { ok: false, reason: 'insecure_http' };
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'credentials_in_url' };
  if (url.search !== '' || url.hash !== '') return { ok: false, reason: 'query_or_fragment' };
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, apiRoot: `${url.origin}${path === '' ? '/api' : path}` };
};
