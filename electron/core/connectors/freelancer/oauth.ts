/**
 * Freelancer.com's OAuth 2.0 authorization code grant, as developers.freelancer.com documents it
 * (docs/authentication/generating-access-tokens, advanced-scopes) and the identity team's PHP provider shows it:
 * the user consents at `{accounts}/oauth/authorize` (`response_type=code`, `client_id`, `redirect_uri`,
 * `scope=basic`, `advanced_scopes` as space-separated ids, `prompt`), and the code is exchanged, form-encoded, at
 * `{accounts}/oauth/token` for `{access_token, refresh_token, expires_in, scope, token_type}`; a refresh is the
 * same endpoint with `grant_type=refresh_token`.
 *
 * Freelancer documents the exchange with a `client_secret`, and documents neither PKCE nor `state`. A desktop app
 * cannot keep a secret (anyone can read it out of the package), so Bottega is a public client: no secret, and
 * PKCE (S256) plus `state` anyway, which an authorization server that ignores them still accepts. Whether
 * Freelancer issues tokens to a public client is to be checked with an approved app before a build ships a
 * client id; without one the option is not offered.
 */
import { z } from 'zod';
import { maxJsonBytes, readCapped } from '../../sync/platform-client';

/** Advanced scopes by id (docs/authentication/advanced-scopes): what the connector reads and writes, nothing more. */
export const freelancerAdvancedScopes = {
  /** 2, fln:project_manage: bids (place, retract) and the user's projects. */
  projectManage: 2,
  /** 5, fln:messaging: threads and messages. */
  messaging: 5,
  /** 6, fln:user_information: /users/0.1/self/ and other users. */
  userInformation: 6,
} as const;

/** The accounts site that signs users in for an account's site: production, sandbox, or a stand-in on this computer. */
export const freelancerAccountsOrigin = (siteUrl: string): string | null => {
  let url: URL;
  try {
    url = new URL(siteUrl);
  } catch {
    return null;
  }
  if (url.protocol === 'https:' && (url.hostname === 'www.freelancer.com' || url.hostname === 'freelancer.com')) return 'https://accounts.freelancer.com';
  if (url.protocol === 'https:' && (url.hostname === 'www.freelancer-sandbox.com' || url.hostname === 'freelancer-sandbox.com')) return 'https://accounts.freelancer-sandbox.com';
  // The fixture serves the accounts endpoints on its own origin, on loopback only.
  if (url.protocol === 'http:' && /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$|^localhost$/.test(url.hostname)) return url.origin;
  return null;
};

export const buildFreelancerAuthorizeUrl = (options: { accountsOrigin: string; clientId: string; redirectUri: string; state: string; challenge: string }): string => {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    // "Currently only the basic scope is supported"; what the app may do comes from the advanced scopes.
    scope: 'basic',
    advanced_scopes: Object.values(freelancerAdvancedScopes).join(' '),
    // Which Freelancer.com user is being connected is the user's explicit choice.
    prompt: 'select_account consent',
    state: options.state,
    code_challenge: options.challenge,
    code_challenge_method: 'S256',
  });
  return `${options.accountsOrigin}/oauth/authorize?${query.toString().replace(/\+/g, '%20')}`;
};

export type FreelancerTokens = { accessToken: string; refreshToken: string | null; expiresAtMs: number | null };

export type TokenError =
  /** The code or refresh token was refused (used, expired, revoked, wrong verifier or redirect_uri). */
  | { kind: 'invalid_grant'; status: number }
  | { kind: 'refused'; status: number; error: string | null }
  | { kind: 'server'; status: number }
  | { kind: 'network'; reason: string }
  | { kind: 'invalid_answer' };

const tokenAnswerSchema = z.object({
  access_token: z.string().min(1).max(4096),
  refresh_token: z.string().min(1).max(4096).optional().nullable(),
  expires_in: z.number().positive().optional().nullable(),
  token_type: z.string().max(40).optional().nullable(),
  scope: z.string().max(1000).optional().nullable(),
});

const tokenErrorSchema = z.object({ error: z.string().max(100) }).loose();

const requestTokens = async (
  accountsOrigin: string,
  form: Record<string, string>,
  options: { fetch?: typeof fetch; now: () => Date; timeoutMs?: number },
): Promise<{ ok: true; tokens: FreelancerTokens } | { ok: false; error: TokenError }> => {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(`${accountsOrigin}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
      // A token answer is never a redirect: following one would send the code or refresh token elsewhere.
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
  } catch (error) {
    return { ok: false, error: { kind: 'network', reason: error instanceof Error ? error.name : 'request failed' } };
  }
  const read = await readCapped(response, Math.min(maxJsonBytes, 64 * 1024));
  if (read.kind !== 'ok') return { ok: false, error: read.kind === 'cut' ? { kind: 'network', reason: 'answer cut off' } : { kind: 'invalid_answer' } };
  let body: unknown;
  try {
    body = JSON.parse(read.bytes.toString('utf8'));
  } catch {
    body = undefined;
  }
  if (response.status >= 500) return { ok: false, error: { kind: 'server', status: response.status } };
  if (response.status < 200 || response.status >= 300) {
    const error = tokenErrorSchema.safeParse(body);
    const code = error.success ? error.data.error : null;
    // RFC 6749 §5.2: a bad code, verifier or refresh token is invalid_grant.
    if (code === 'invalid_grant') return { ok: false, error: { kind: 'invalid_grant', status: response.status } };
    return { ok: false, error: { kind: 'refused', status: response.status, error: code } };
  }
  const answer = tokenAnswerSchema.safeParse(body);
  if (!answer.success) return { ok: false, error: { kind: 'invalid_answer' } };
  const { access_token, refresh_token, expires_in } = answer.data;
  return {
    ok: true,
    tokens: {
      accessToken: access_token,
      refreshToken: refresh_token ?? null,
      expiresAtMs: typeof expires_in === 'number' ? options.now().getTime() + expires_in * 1000 : null,
    },
  };
};

/** The code for tokens, proving with the verifier that this app asked for it (no client secret). */
export const exchangeFreelancerCode = (options: {
  accountsOrigin: string;
  clientId: string;
  code: string;
  verifier: string;
  redirectUri: string;
  fetch?: typeof fetch;
  now: () => Date;
}) =>
  requestTokens(
    options.accountsOrigin,
    { grant_type: 'authorization_code', code: options.code, client_id: options.clientId, redirect_uri: options.redirectUri, code_verifier: options.verifier },
    options,
  );

export const refreshFreelancerTokens = (options: { accountsOrigin: string; clientId: string; refreshToken: string; fetch?: typeof fetch; now: () => Date }) =>
  requestTokens(options.accountsOrigin, { grant_type: 'refresh_token', refresh_token: options.refreshToken, client_id: options.clientId }, options);
