/**
 * A Freelancer account's sign-in: a personal access token (Settings → Add account), or OAuth 2.0 with PKCE through
 * the system browser (an `oauth_code` credential: the code, its verifier and the loopback redirect it came to,
 * exchanged here). Either way the access token is checked against /users/0.1/self/ before it is kept, then stored
 * only in the secret store under this account's own keys. OAuth tokens are refreshed shortly before they expire,
 * and once more when the API answers 401, before the account is signed out. No token ever reaches SQLite, a log
 * line or an error text; the account's identity (its user id, jobs and language) goes to its state for the poller.
 */
import { z } from 'zod';
import type { Account } from '../../../../shared/domain/accounts';
import type { WritableDB } from '../../db/database';
import type { SecretStore } from '../../secrets/secret-store';
import type { AccountSession, Credentials, SignInOutcome } from '../connector';
import { resumeAfterSignIn } from './poller';
import { updateFreelancerState } from './account-state';
import type { FreelancerEndpoints } from './endpoints';
import { mapAccountIdentity } from './mapping';
import { exchangeFreelancerCode, type FreelancerTokens, refreshFreelancerTokens, type TokenError } from './oauth';

/** The secret store's key of one account's personal access token. */
export const freelancerTokenKey = (account: Pick<Account, 'id'>): string => `account.${account.id}.token`;
/** The secret store's key of one account's OAuth tokens (access, refresh, expiry), as JSON. */
export const freelancerOAuthKey = (account: Pick<Account, 'id'>): string => `account.${account.id}.oauth`;

/** Refreshed this long before the access token expires, so no request leaves with one about to lapse. */
export const refreshMarginMs = 5 * 60_000;

export type FreelancerOAuthClient = { clientId: string; accountsOrigin: string };

export type RenewOutcome = 'renewed' | 'refused' | 'unavailable';

export type FreelancerSession = AccountSession & {
  /** The saved access token (refreshed first when due), or null when signed out (or the vault could not be read: lostSavedSignIn then says so). */
  readToken(): Promise<string | null>;
  /**
   * The API said 401 to `rejected`: an OAuth sign-in spends its refresh token once (unless another request already
   * did since). `renewed`: send again; `refused`: no renewal (signed out); `unavailable`: try later, still signed in.
   */
  refreshAfterUnauthorized(rejected: string): Promise<RenewOutcome>;
};

const storedTokensSchema = z.object({ accessToken: z.string().min(1), refreshToken: z.string().min(1).nullable(), expiresAtMs: z.number().nullable() });

const parseStored = (text: string | null): FreelancerTokens | null => {
  if (text === null) return null;
  try {
    const parsed = storedTokensSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

const failureOfTokenError = (error: TokenError): SignInOutcome => {
  if (error.kind === 'network' || error.kind === 'server') return { ok: false, reason: 'unreachable', message: 'Freelancer.com could not be reached; try again later.' };
  if (error.kind === 'invalid_grant') return { ok: false, reason: 'invalid_credentials', message: 'Freelancer.com did not accept the sign-in (the code was used, expired or not issued to this sign-in).' };
  return { ok: false, reason: 'refused', message: 'Freelancer.com refused the sign-in.' };
};

export const createFreelancerSession = (options: {
  db: WritableDB;
  account: Account;
  secrets: SecretStore;
  /** The endpoints signed with a given token (the one being tried, before it is saved). */
  endpointsFor: (token: () => string | Promise<string>) => FreelancerEndpoints;
  /** The app registered with Freelancer.com (a build-time client id) and where it signs in; null: tokens only. */
  oauth?: FreelancerOAuthClient | null;
  fetch?: typeof fetch;
  now: () => Date;
  log?: (message: string) => void;
}): FreelancerSession => {
  const key = freelancerTokenKey(options.account);
  const oauthKey = freelancerOAuthKey(options.account);
  let lost = false;
  /** One refresh at a time: concurrent requests wait for it instead of spending the refresh token twice. */
  let refreshing: Promise<{ token: string } | { token: null; outcome: Exclude<RenewOutcome, 'renewed'> }> | null = null;

  const readVault = async <T>(read: () => Promise<T>): Promise<T | null> => {
    try {
      return await read();
    } catch (error) {
      lost = true;
      options.log?.(`The saved Freelancer sign-in could not be read (${error instanceof Error ? error.name : 'unknown error'}); signed out.`);
      return null;
    }
  };

  const readOAuth = async (): Promise<FreelancerTokens | null> => parseStored(await readVault(() => options.secrets.readSecret(oauthKey)));

  /** Spends the refresh token for a new pair; no token when there is none or Freelancer said no (the old one stays). */
  const refresh = (current: FreelancerTokens) => {
    refreshing ??= (async () => {
      const oauth = options.oauth;
      if (!oauth || current.refreshToken === null) return { token: null, outcome: 'refused' as const };
      const answer = await refreshFreelancerTokens({ ...oauth, refreshToken: current.refreshToken, now: options.now, ...(options.fetch ? { fetch: options.fetch } : {}) });
      if (!answer.ok) {
        options.log?.(`Refreshing the Freelancer sign-in failed (${answer.error.kind}).`);
        // Only Freelancer's own no ends the session; the network or its outage is waited out.
        const refused = answer.error.kind === 'invalid_grant' || answer.error.kind === 'refused';
        return { token: null, outcome: refused ? ('refused' as const) : ('unavailable' as const) };
      }
      // A server that does not rotate refresh tokens sends none back: the old one stays valid.
      const next: FreelancerTokens = { ...answer.tokens, refreshToken: answer.tokens.refreshToken ?? current.refreshToken };
      await options.secrets.writeSecret(oauthKey, JSON.stringify(next));
      return { token: next.accessToken };
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  };

  const readToken = async (): Promise<string | null> => {
    const oauth = await readOAuth();
    if (oauth) {
      const due = oauth.expiresAtMs !== null && oauth.expiresAtMs - options.now().getTime() <= refreshMarginMs;
      // Not refreshed (the network, a refusal): the current token is tried; a 401 then decides.
      return due ? ((await refresh(oauth)).token ?? oauth.accessToken) : oauth.accessToken;
    }
    const token = await readVault(() => options.secrets.readSecret(key));
    return token === null || token.trim() === '' ? null : token;
  };

  const refreshAfterUnauthorized = async (rejected: string): Promise<RenewOutcome> => {
    const oauth = await readOAuth();
    if (oauth === null) return 'refused';
    // Renewed by another request since this one left: its refresh token is not spent a second time.
    if (oauth.accessToken !== rejected) return 'renewed';
    const refreshed = await refresh(oauth);
    return refreshed.token !== null ? 'renewed' : refreshed.outcome;
  };

  /** The token a sign-in brings: a pasted one as is, an OAuth code exchanged (with its verifier) for a pair. */
  const tokensOf = async (credentials: Credentials): Promise<{ ok: true; tokens: FreelancerTokens; oauth: boolean } | { ok: false; outcome: SignInOutcome }> => {
    if (credentials.kind === 'token') {
      const token = credentials.token.trim();
      if (token === '' || token.length > 4096 || /\s/.test(token)) return { ok: false, outcome: { ok: false, reason: 'invalid_credentials', message: 'The token is empty or not a token.' } };
      return { ok: true, tokens: { accessToken: token, refreshToken: null, expiresAtMs: null }, oauth: false };
    }
    if (credentials.kind === 'oauth_code' && options.oauth) {
      const answer = await exchangeFreelancerCode({
        ...options.oauth,
        code: credentials.code,
        verifier: credentials.verifier,
        redirectUri: credentials.redirectUri,
        now: options.now,
        ...(options.fetch ? { fetch: options.fetch } : {}),
      });
      return answer.ok ? { ok: true, tokens: answer.tokens, oauth: true } : { ok: false, outcome: failureOfTokenError(answer.error) };
    }
    return { ok: false, outcome: { ok: false, reason: 'refused', message: 'Freelancer.com accounts sign in with a personal access token or, in builds with a registered app, through the browser.' } };
  };

  const signIn = async (credentials: Credentials): Promise<SignInOutcome> => {
    const obtained = await tokensOf(credentials);
    if (!obtained.ok) return obtained.outcome;
    const token = obtained.tokens.accessToken;
    const self = await options.endpointsFor(() => token).getSelf();
    if (!self.ok) {
      const { error } = self;
      if (error.kind === 'auth') return { ok: false, reason: 'invalid_credentials', message: 'Freelancer.com did not accept this token.' };
      if (error.kind === 'network' || error.kind === 'server' || error.kind === 'rate_limited') {
        return { ok: false, reason: 'unreachable', message: 'Freelancer.com could not be reached; try again later.' };
      }
      return { ok: false, reason: 'refused', message: error.kind === 'refused' ? error.message : 'Freelancer.com answered in a way Bottega cannot read.' };
    }
    const identity = mapAccountIdentity(self.value);
    if (!identity.ok) return { ok: false, reason: 'refused', message: 'Freelancer.com answered in a way Bottega cannot read.' };
    // Another account's token pasted into this one would mix two people's records under one account.
    const known = options.account.platformUserId;
    if (known !== null && known !== identity.identity.platformUserId) {
      return { ok: false, reason: 'refused', message: 'This token belongs to another Freelancer.com user than this account.' };
    }
    // One way of signing in at a time: the other one's secret goes.
    if (obtained.oauth) {
      await options.secrets.writeSecret(oauthKey, JSON.stringify(obtained.tokens));
      await options.secrets.deleteSecret(key);
    } else {
      await options.secrets.writeSecret(key, token);
      await options.secrets.deleteSecret(oauthKey);
    }
    lost = false;
    const nowMs = options.now().getTime();
    const { platformUserId, label, jobIds } = identity.identity;
    options.db
      .transaction(() =>
        updateFreelancerState(options.db, options.account.id, nowMs, (state) => ({
          ...state,
          // /self names one primary language, not every language the user works in: the feed is not cut by it.
          identity: { selfId: Number(platformUserId), jobIds, languages: [] },
          poller: resumeAfterSignIn(state.poller, nowMs),
        })),
      )
      .immediate();
    return { ok: true, platformUserId, label };
  };

  return {
    signIn,
    signOut: async () => {
      await options.secrets.deleteSecret(key);
      await options.secrets.deleteSecret(oauthKey);
    },
    isSignedIn: async () => {
      if ((await readOAuth()) !== null) return true;
      const token = await readVault(() => options.secrets.readSecret(key));
      return token !== null && token.trim() !== '';
    },
    lostSavedSignIn: () => lost,
    readToken,
    refreshAfterUnauthorized,
  };
};
