/**
 * The loopback redirect of a native app's OAuth sign-in (RFC 8252 §7.3): a one-shot HTTP listener on 127.0.0.1 at
 * a port the system picks, which takes the browser's redirect, checks its `state`, answers with a small page
 * of its own (no remote content, no script) and closes. Nothing else listens: a wrong path gets 404, the first
 * redirect on the right path settles it, and it gives up after a timeout.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sameState } from './pkce';

export type RedirectResult =
  | { kind: 'code'; code: string }
  /** The authorization server's own error (RFC 6749 §4.1.2.1), e.g. `access_denied` when the user said no. */
  | { kind: 'error'; error: string }
  /** A redirect whose state is not the one sent: never exchanged (a forged or stale redirect). */
  | { kind: 'state_mismatch' }
  | { kind: 'timeout' }
  | { kind: 'cancelled' };

export type RedirectPage = (outcome: 'received' | 'failed') => string;

export type LoopbackRedirect = {
  /** `http://127.0.0.1:<port>/callback`, to send as `redirect_uri` (an IP literal, not `localhost`: RFC 8252 §8.3). */
  readonly redirectUri: string;
  /** Settles once: the first redirect, the timeout or a cancel. The listener is closed by then. */
  readonly result: Promise<RedirectResult>;
  cancel(): void;
};

export const redirectPath = '/callback';
const maxCode = 4096;

const answer = (response: ServerResponse, status: number, html: string): void => {
  const body = Buffer.from(html, 'utf8');
  response.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': String(body.length),
    // The page loads nothing: no script, no images, no styles from anywhere.
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    Connection: 'close',
  });
  response.end(body);
};

export const listenForRedirect = async (options: { expectedState: string; timeoutMs: number; page: RedirectPage }): Promise<LoopbackRedirect> => {
  let settle: (result: RedirectResult) => void = () => undefined;
  const result = new Promise<RedirectResult>((resolve) => {
    settle = resolve;
  });
  let done = false;
  const server = createServer();
  let port = 0;

  const finish = (outcome: RedirectResult): void => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    // Answers already written are flushed before the sockets go.
    server.close();
    server.closeIdleConnections();
    settle(outcome);
  };

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const hostOk = request.headers.host === `127.0.0.1:${port}`;
    if (done || request.method !== 'GET' || url.pathname !== redirectPath || !hostOk) {
      answer(response, 404, options.page('failed'));
      return;
    }
    const params = url.searchParams;
    const outcome: RedirectResult = !sameState(params.get('state'), options.expectedState)
      ? { kind: 'state_mismatch' }
      : params.has('error')
        ? { kind: 'error', error: (params.get('error') ?? '').slice(0, 64) }
        : (params.get('code') ?? '') !== '' && (params.get('code') ?? '').length <= maxCode
          ? { kind: 'code', code: params.get('code') ?? '' }
          : { kind: 'error', error: 'invalid_request' };
    answer(response, 200, options.page(outcome.kind === 'code' ? 'received' : 'failed'));
    finish(outcome);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const timer = setTimeout(() => finish({ kind: 'timeout' }), options.timeoutMs);
  timer.unref?.();

  return {
    redirectUri: `http://127.0.0.1:${port}${redirectPath}`,
    result,
    cancel: () => finish({ kind: 'cancelled' }),
  };
};
