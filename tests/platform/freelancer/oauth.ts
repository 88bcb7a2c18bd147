/**
 * The Freelancer.com fixture's accounts site: OAuth 2.0's authorization code grant at `/oauth/authorize` and
 * `/oauth/token`, on the fixture's own origin (standing where https://accounts.freelancer.com stands).
 *
 * Follows developers.freelancer.com (docs/authentication/generating-access-tokens, advanced-scopes): the
 * authorize parameters (`response_type=code`, `client_id`, `redirect_uri`, `scope`, `advanced_scopes`, `prompt`),
 * the form-encoded token request and its answer `{access_token, refresh_token, expires_in, scope, token_type}`,
 * `grant_type=refresh_token`. Beyond what Freelancer documents, and stricter on purpose (*own*): `state` is
 * handed back unchanged (RFC 6749 §4.1.2), PKCE is required with S256 (RFC 7636 §4.6), no client secret is
 * asked of this public client, redirect URIs are loopback ones on any port (RFC 8252 §7.3) and must match
 * exactly at the token endpoint (RFC 6749 §4.1.3), codes are single-use (a second use revokes what the first
 * issued, RFC 6749 §4.1.2) and expire, refresh tokens rotate, errors are RFC 6749 §5.2 JSON.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export type OAuthDecision = 'allow' | 'deny' | null;

export type FixtureOAuthOptions = {
  /** The client id of the app registered with the fixture. Default `bottega-fixture-client`. */
  clientId?: string;
  /** `allow` / `deny`: the consent page answers at once, as a user pressing that button would; null shows the page. */
  autoApprove?: OAuthDecision;
  /** Seconds on the fixture clock. */
  codeTtlSeconds?: number;
  accessTtlSeconds?: number;
};

type CodeRecord = { clientId: string; redirectUri: string; challenge: string; expiresAt: number; used: boolean; issued: string[] };
type RefreshRecord = { clientId: string; access: string };

const isLoopbackRedirect = (text: string): boolean => {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === '[::1]') && url.hash === '';
  } catch {
    return false;
  }
};

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
const s256 = (verifier: string): string => createHash('sha256').update(verifier, 'ascii').digest('base64url');
const token = (prefix: string): string => `${prefix}-${randomBytes(18).toString('base64url')}`;

export const createFixtureOAuth = (options: FixtureOAuthOptions & { now: () => number }) => {
  const clientId = options.clientId ?? 'bottega-fixture-client';
  let decision: OAuthDecision = options.autoApprove ?? null;
  const codeTtl = options.codeTtlSeconds ?? 60;
  let accessTtl = options.accessTtlSeconds ?? 30 * 86_400;
  const codes = new Map<string, CodeRecord>();
  const refreshTokens = new Map<string, RefreshRecord>();
  /** Access token → expiry on the fixture clock. */
  const accessTokens = new Map<string, number>();
  const counts = { authorizations: 0, codeExchanges: 0, refreshes: 0, refused: 0 };

  const send = (response: ServerResponse, status: number, body: string, type: string, headers: Record<string, string> = {}): void => {
    response.writeHead(status, { 'content-type': type, 'content-length': String(Buffer.byteLength(body)), 'cache-control': 'no-store', ...headers });
    response.end(body);
  };
  const json = (response: ServerResponse, status: number, value: unknown): void => send(response, status, JSON.stringify(value), 'application/json');
  const oauthError = (response: ServerResponse, status: number, error: string, description: string): void => {
    counts.refused += 1;
    json(response, status, { error, error_description: description });
  };
  const redirect = (response: ServerResponse, to: string): void => send(response, 302, '', 'text/plain', { location: to });

  const backTo = (redirectUri: string, params: Record<string, string>): string => {
    const url = new URL(redirectUri);
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    return url.toString();
  };

  /** The user's answer on the consent page: a code for the redirect URI, or access_denied. */
  const decide = (allow: boolean, params: URLSearchParams): string => {
    const redirectUri = params.get('redirect_uri') ?? '';
    const state = params.get('state');
    const extra: Record<string, string> = state === null ? {} : { state };
    if (!allow) return backTo(redirectUri, { error: 'access_denied', error_description: 'The user denied access', ...extra });
    const code = token('code');
    codes.set(code, { clientId, redirectUri, challenge: params.get('code_challenge') ?? '', expiresAt: options.now() + codeTtl, used: false, issued: [] });
    counts.authorizations += 1;
    return backTo(redirectUri, { code, ...extra });
  };

  /** What the authorize request must carry; null when it is acceptable. Errors before a trusted redirect URI are shown, not redirected (RFC 6749 §4.1.2.1). */
  const checkAuthorize = (params: URLSearchParams): string | null => {
    if (params.get('client_id') !== clientId) return 'unknown client_id';
    if (!isLoopbackRedirect(params.get('redirect_uri') ?? '')) return 'redirect_uri must be a loopback http URI (RFC 8252)';
    if (params.get('response_type') !== 'code') return 'response_type must be code';
    if (params.get('code_challenge_method') !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(params.get('code_challenge') ?? '')) return 'PKCE with S256 is required';
    return null;
  };

  const consentPage = (params: URLSearchParams): string => {
    const hidden = [...params.entries()].map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`).join('');
    return [
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Freelancer.com fixture – allow access</title></head><body>',
      '<h1>Allow Bottega to access your Freelancer.com account?</h1>',
      `<p>Scopes: ${escapeHtml(params.get('scope') ?? '')}; advanced scopes: ${escapeHtml(params.get('advanced_scopes') ?? '')}</p>`,
      `<form method="post" action="/oauth/authorize/decision">${hidden}`,
      '<button type="submit" name="decision" value="allow">Allow</button> <button type="submit" name="decision" value="deny">Deny</button></form>',
      '</body></html>',
    ].join('');
  };

  const readForm = (request: IncomingMessage): Promise<URLSearchParams> =>
    new Promise((resolve, reject) => {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => {
        body += chunk;
        if (body.length > 64 * 1024) request.destroy();
      });
      request.on('end', () => resolve(new URLSearchParams(body)));
      request.on('error', reject);
    });

  const issue = () => {
    const access = token('fl-oauth');
    const refresh = token('fl-refresh');
    accessTokens.set(access, options.now() + accessTtl);
    refreshTokens.set(refresh, { clientId, access });
    return { access_token: access, refresh_token: refresh, expires_in: accessTtl, token_type: 'bearer', scope: 'basic' };
  };

  const exchange = (response: ServerResponse, form: URLSearchParams): void => {
    const code = codes.get(form.get('code') ?? '');
    if (form.get('client_id') !== clientId) return oauthError(response, 401, 'invalid_client', 'unknown client_id');
    if (!code) return oauthError(response, 400, 'invalid_grant', 'unknown authorization code');
    if (code.used) {
      // A code used twice was probably stolen: what it issued is revoked (RFC 6749 §4.1.2).
      for (const issued of code.issued) {
        accessTokens.delete(issued);
        refreshTokens.delete(issued);
      }
      return oauthError(response, 400, 'invalid_grant', 'the authorization code was already used');
    }
    code.used = true;
    if (options.now() > code.expiresAt) return oauthError(response, 400, 'invalid_grant', 'the authorization code expired');
    if (form.get('redirect_uri') !== code.redirectUri) return oauthError(response, 400, 'invalid_grant', 'redirect_uri does not match the authorization request');
    const verifier = form.get('code_verifier') ?? '';
    if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier) || s256(verifier) !== code.challenge) return oauthError(response, 400, 'invalid_grant', 'code_verifier does not match the code_challenge');
    counts.codeExchanges += 1;
    const issued = issue();
    code.issued.push(issued.access_token, issued.refresh_token);
    json(response, 200, issued);
  };

  const refresh = (response: ServerResponse, form: URLSearchParams): void => {
    if (form.get('client_id') !== clientId) return oauthError(response, 401, 'invalid_client', 'unknown client_id');
    const record = refreshTokens.get(form.get('refresh_token') ?? '');
    if (!record) return oauthError(response, 400, 'invalid_grant', 'unknown or revoked refresh token');
    // Rotation: the refresh token is spent, its access token retired.
    refreshTokens.delete(form.get('refresh_token') ?? '');
    accessTokens.delete(record.access);
    counts.refreshes += 1;
    json(response, 200, issue());
  };

  /** Serves /oauth/*; false for any other path. */
  const handle = async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> => {
    const method = request.method ?? 'GET';
    if (method === 'GET' && url.pathname === '/oauth/authorize') {
      const problem = checkAuthorize(url.searchParams);
      if (problem) {
        counts.refused += 1;
        send(response, 400, `<!doctype html><p>${escapeHtml(problem)}</p>`, 'text/html; charset=utf-8');
      } else if (decision === null) send(response, 200, consentPage(url.searchParams), 'text/html; charset=utf-8');
      else redirect(response, decide(decision === 'allow', url.searchParams));
      return true;
    }
    if (method === 'POST' && url.pathname === '/oauth/authorize/decision') {
      const form = await readForm(request);
      const problem = checkAuthorize(form);
      if (problem) send(response, 400, `<!doctype html><p>${escapeHtml(problem)}</p>`, 'text/html; charset=utf-8');
      else redirect(response, decide(form.get('decision') === 'allow', form));
      return true;
    }
    if (method === 'POST' && url.pathname === '/oauth/token') {
      const form = await readForm(request);
      const grant = form.get('grant_type');
      if (grant === 'authorization_code') exchange(response, form);
      else if (grant === 'refresh_token') refresh(response, form);
      else oauthError(response, 400, 'unsupported_grant_type', 'authorization_code or refresh_token');
      return true;
    }
    return false;
  };

  return {
    clientId,
    handle,
    /** Whether an API request's `freelancer-oauth-v1` is an OAuth access token still valid now. */
    accepts: (given: string | undefined): boolean => given !== undefined && (accessTokens.get(given) ?? -1) >= options.now(),
    setDecision: (next: OAuthDecision) => {
      decision = next;
    },
    decision: () => decision,
    /** Every access token stops working (the API answers 401), as when they expire or are revoked; refresh tokens stay. */
    revokeAccessTokens: () => accessTokens.clear(),
    revokeRefreshTokens: () => refreshTokens.clear(),
    setAccessTtl: (seconds: number) => {
      accessTtl = seconds;
    },
    counts: () => ({ ...counts, liveAccessTokens: accessTokens.size, liveRefreshTokens: refreshTokens.size }),
  };
};

export type FixtureOAuth = ReturnType<typeof createFixtureOAuth>;
