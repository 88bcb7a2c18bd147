import { z } from 'zod';
import { oauthErrorSchema, tokenResponseSchema } from '../../../shared/platform/auth';
import type { SecretStore } from '../secrets/secret-store';
import type { RefreshOutcome, TokenSource } from './platform-client';
import { parseRetryAfter } from './retry-policy';

/** Where the single-account app kept its session; the first `bottega` account adopts it (sessionKeyOf). */
export const legacySessionKey = 'platform.session';
/** Each account's session under a key of its own, so signing one out never touches another. */
export const sessionKeyOf = (accountId: string): string => `account.${accountId}.session`;
const storedSessionSchema = z.object({ accessToken: z.string().min(1), refreshToken: z.string().min(1) });
type StoredSession = z.infer<typeof storedSessionSchema>;

export type SignInResult =
  | { ok: true }
  | { ok: false; reason: 'invalid_credentials' | 'unreachable' | 'refused'; message: string };

export type Session = TokenSource & {
  signIn(username: string, password: string): Promise<SignInResult>;
  signOut(): Promise<void>;
  isSignedIn(): Promise<boolean>;
  /** The saved sign-in was there but could not be read (damaged vault, bad value): signed out, the UI says so. */
  lostSavedSignIn(): boolean;
};

/**
 * The platform session. Tokens live only in the secret store (safeStorage in Electron, a 0600 file
 * elsewhere) and in this object's memory: never in SQLite, logs or the renderer.
 */
export const createSession = (options: {
  baseUrl: string;
  secrets: SecretStore;
  /** The secret store's key of this session; `platform.session` (the single-account key) when absent. */
  key?: string;
  /**
   * A key an earlier version kept this session under: on the first read, when `key` holds nothing, its value
   * moves to `key` (written there first, then deleted, so a crash in between keeps it in one place at least).
   */
  adoptKey?: string;
  fetch?: typeof fetch;
  log?: (message: string) => void;
}): Session => {
  const sessionKey = options.key ?? legacySessionKey;
  const doFetch = options.fetch ?? fetch;
  let current: StoredSession | null | undefined;
  let refreshing: Promise<RefreshOutcome> | null = null;

  let lost = false;

  /**
   * An unreadable saved sign-in (the vault damaged by a power cut, a value that is not a session) is not a reason
   * to fail: the user is signed out and told so. The log names what failed, never the value (it holds tokens).
   */
  const readStored = async (): Promise<StoredSession | null> => {
    let raw: string | null;
    try {
      raw = await options.secrets.readSecret(sessionKey);
      if (options.adoptKey !== undefined && options.adoptKey !== sessionKey) raw = await adopt(options.adoptKey, raw);
    } catch (error) {
      lost = true;
      options.log?.(`The saved sign-in could not be read (${error instanceof Error ? error.name : 'unknown error'}); signed out.`);
      return null;
    }
    if (raw === null) return null;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      json = undefined;
    }
    const parsed = storedSessionSchema.safeParse(json);
    if (parsed.success) return parsed.data;
    lost = true;
    options.log?.('The saved sign-in is not a session; signed out.');
    return null;
  };

  /** Moves the old key's session to this one's (or drops a leftover old copy once this one holds a session). */
  const adopt = async (oldKey: string, raw: string | null): Promise<string | null> => {
    const old = await options.secrets.readSecret(oldKey);
    if (old === null) return raw;
    if (raw === null) await options.secrets.writeSecret(sessionKey, old);
    await options.secrets.deleteSecret(oldKey);
    options.log?.('The saved sign-in moved to its account.');
    return raw ?? old;
  };

  const load = async (): Promise<StoredSession | null> => {
    if (current === undefined) current = await readStored();
    return current;
  };

  const store = async (next: StoredSession | null): Promise<void> => {
    current = next;
    if (next) lost = false;
    if (next) await options.secrets.writeSecret(sessionKey, JSON.stringify(next));
    else await options.secrets.deleteSecret(sessionKey);
  };

  const requestToken = async (form: Record<string, string>): Promise<Response | Error> => {
    try {
      return await doFetch(new URL('/v1/oauth/token', options.baseUrl), {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: new URLSearchParams(form).toString(),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  };

  const readTokens = async (response: Response): Promise<StoredSession | null> => {
    const parsed = tokenResponseSchema.safeParse(await response.json().catch(() => null));
    return parsed.success ? { accessToken: parsed.data.access_token, refreshToken: parsed.data.refresh_token } : null;
  };

  /** Only the platform's explicit refusal of the refresh token: 401, or 400 `invalid_grant` (RFC 6749 §5.2). */
  const isRefusal = async (response: Response): Promise<boolean> => {
    if (response.status === 401) return true;
    if (response.status !== 400) return false;
    const error = oauthErrorSchema.safeParse(await response.json().catch(() => null));
    return error.success && error.data.error === 'invalid_grant';
  };

  /**
   * Offline, a 5xx, a 429 or an answer without a usable token is not a refusal: the session is kept, and the
   * caller waits and tries again (with the expired token it would only meet another 401).
   */
  const refreshOnce = async (): Promise<RefreshOutcome> => {
    const session = await load();
    if (!session) return { kind: 'refused' };
    const response = await requestToken({ grant_type: 'refresh_token', refresh_token: session.refreshToken });
    if (response instanceof Error) return { kind: 'unavailable', delayMs: null, reason: `network: ${response.message}` };
    if (response.ok) {
      const tokens = await readTokens(response);
      if (!tokens) return { kind: 'unavailable', delayMs: null, reason: 'an answer with no usable token' };
      await store(tokens);
      return { kind: 'refreshed' };
    }
    if (await isRefusal(response)) {
      // The platform revoked or expired the refresh token: sign out, keep every local record.
      await store(null);
      return { kind: 'refused' };
    }
    const retryAfter = response.status === 429 || response.status === 503 ? parseRetryAfter(response.headers.get('retry-after'), response.headers.get('date')) : null;
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'unavailable', delayMs: retryAfter, reason: `HTTP ${response.status}` };
  };

  return {
    getAccessToken: async () => (await load())?.accessToken ?? null,
    refresh: () => {
      refreshing ??= refreshOnce().finally(() => (refreshing = null));
      return refreshing;
    },
    signIn: async (username, password) => {
      const response = await requestToken({ grant_type: 'password', username, password });
      if (response instanceof Error) return { ok: false, reason: 'unreachable', message: response.message };
      if (response.ok) {
        const tokens = await readTokens(response);
        if (!tokens) return { ok: false, reason: 'refused', message: 'The platform answered with no usable token.' };
        await store(tokens);
        return { ok: true };
      }
      const error = oauthErrorSchema.safeParse(await response.json().catch(() => null));
      if (error.success && error.data.error === 'invalid_grant') {
        return { ok: false, reason: 'invalid_credentials', message: error.data.error_description ?? 'Wrong email or password.' };
      }
      return { ok: false, reason: 'refused', message: `The platform refused the sign-in (HTTP ${response.status}).` };
    },
    signOut: () => store(null),
    isSignedIn: async () => (await load()) !== null,
    lostSavedSignIn: () => lost,
  };
};
