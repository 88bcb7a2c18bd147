/**
 * One sign-in through the system browser (RFC 8252): a PKCE pair and a state, a loopback listener for the
 * redirect, the authorization page opened by the host, then the code (state checked) handed on with its verifier
 * and redirect URI for the connector to exchange. Only the outcome leaves this module: never the code, verifier
 * or state (the renderer, the logs and SQLite see none of them).
 */
import type { BrowserOpener } from '../host-services';
import { listenForRedirect, type RedirectPage } from './loopback-redirect';
import { createPkcePair, createState } from './pkce';

export type OAuthCode = { kind: 'oauth_code'; code: string; verifier: string; redirectUri: string };

export type BrowserSignInFailure =
  /** The user refused at the platform's consent page (`access_denied`) or it answered with another error. */
  | 'denied'
  | 'state_mismatch'
  | 'timed_out'
  | 'cancelled'
  /** The host could not open the system browser (or the page is not an allowed one). */
  | 'browser_failed';

/** How long the browser has to come back: long enough to sign in with two-factor, short enough not to listen for ever. */
export const browserSignInTimeoutMs = 5 * 60_000;

export const runBrowserSignIn = async <T>(options: {
  authorizeUrl: (request: { redirectUri: string; state: string; challenge: string }) => string;
  browser: BrowserOpener;
  page: RedirectPage;
  signal: AbortSignal;
  timeoutMs?: number;
  /** Exchanges the code (the connector's sign-in with `oauth_code` credentials). */
  complete: (credentials: OAuthCode) => Promise<T>;
}): Promise<{ ok: true; value: T } | { ok: false; reason: BrowserSignInFailure }> => {
  if (options.signal.aborted) return { ok: false, reason: 'cancelled' };
  const pkce = createPkcePair();
  const state = createState();
  const redirect = await listenForRedirect({ expectedState: state, timeoutMs: options.timeoutMs ?? browserSignInTimeoutMs, page: options.page });
  const cancel = (): void => redirect.cancel();
  options.signal.addEventListener('abort', cancel, { once: true });
  try {
    try {
      await options.browser.openSignInPage(options.authorizeUrl({ redirectUri: redirect.redirectUri, state, challenge: pkce.challenge }));
    } catch {
      redirect.cancel();
      return { ok: false, reason: 'browser_failed' };
    }
    const result = await redirect.result;
    switch (result.kind) {
      case 'code':
        return { ok: true, value: await options.complete({ kind: 'oauth_code', code: result.code, verifier: pkce.verifier, redirectUri: redirect.redirectUri }) };
      case 'error':
        return { ok: false, reason: 'denied' };
      case 'state_mismatch':
        return { ok: false, reason: 'state_mismatch' };
      case 'timeout':
        return { ok: false, reason: 'timed_out' };
      case 'cancelled':
        return { ok: false, reason: 'cancelled' };
    }
  } finally {
    options.signal.removeEventListener('abort', cancel);
  }
};
