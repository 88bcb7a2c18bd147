import type { SyncProblem } from '../../../shared/contract/sync-problem';
import { apiErrorSchema, conflictErrorSchema, type ApiError } from '../../../shared/platform/errors';
import { backoffDelay, parseRetryAfter } from './retry-policy';

/**
 * What a token refresh came to: a new token; a refusal of the refresh token (the session is gone for good);
 * or no answer to act on (offline, 5xx, 429, an unreadable answer): the session stays and the request waits
 * like any other, `delayMs` being the platform's Retry-After when it gave one.
 */
export type RefreshOutcome = { kind: 'refreshed' } | { kind: 'refused' } | { kind: 'unavailable'; delayMs: number | null; reason: string };

/** Where the access token comes from. */
export type TokenSource = {
  getAccessToken(): Promise<string | null>;
  refresh(): Promise<RefreshOutcome>;
};

export type PlatformRequest = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  /** Bytes sent as they are (an image upload) instead of a JSON body. */
  raw?: { bytes: Uint8Array; contentType: string };
  idempotencyKey?: string;
  ifMatch?: number;
  signal?: AbortSignal;
  /** `bytes`: a success answer is read as bytes (a downloaded upload), up to `maxBytes`; errors stay JSON. */
  accept?: 'json' | 'bytes';
  maxBytes?: number;
};

/** Every outcome a caller must handle; nothing is thrown for what the network or the server does. */
export type PlatformResult =
  | { kind: 'ok'; status: number; body: unknown }
  /** `reason` is for the log; `problem` is what the user is told (a bad answer when absent). */
  | { kind: 'retry'; delayMs: number; reason: string; problem?: SyncProblem }
  | { kind: 'signed_out'; reason: string }
  | { kind: 'conflict'; current: { id: string; version: number } & Record<string, unknown> }
  | { kind: 'gone'; reason: string }
  | { kind: 'rejected'; status: number; error: ApiError | null; reason: string };

export type PlatformClient = {
  readonly baseUrl: string;
  send(request: PlatformRequest, attempt?: number): Promise<PlatformResult>;
};

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A JSON answer is one record or a short list; the feed's pages are read as bytes with their own limit. */
export const maxJsonBytes = 8 * 1024 * 1024;

export type CappedRead = { kind: 'ok'; bytes: Buffer } | { kind: 'too_large'; reason: string } | { kind: 'cut'; reason: string };

/**
 * Reads a body as it streams in, counting bytes, and gives up as soon as the count passes maxBytes: a
 * Content-Length that lies, a chunked body without one, or one that never ends costs at most maxBytes of
 * memory, not whatever the server sends. Also the Freelancer connector's client reads its answers with it.
 */
export const readCapped = async (response: Response, maxBytes: number): Promise<CappedRead> => {
  const announced = Number(response.headers.get('content-length') ?? Number.NaN);
  if (announced > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'too_large', reason: `the answer is ${announced} bytes, more than ${maxBytes}` };
  }
  if (!response.body) return { kind: 'ok', bytes: Buffer.alloc(0) };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { kind: 'too_large', reason: `the answer is more than ${maxBytes} bytes` };
      }
      chunks.push(value);
    }
  } catch (error) {
    return { kind: 'cut', reason: `body cut off: ${describe(error)}` };
  }
  return { kind: 'ok', bytes: Buffer.concat(chunks, total) };
};

const buildUrl = (baseUrl: string, request: PlatformRequest): string => {
  const url = new URL(request.path, baseUrl);
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.toString();
};

/**
 * The sync engine's HTTP client. A 401 refreshes the token once and retries; 429/503 honour Retry-After;
 * 5xx, dropped connections, truncated bodies and HTML pages with status 200 become retries with backoff;
 * 409 carries the server's record; other 4xx are rejections with the server's reason, never retried blindly.
 */
export const createPlatformClient = (options: {
  baseUrl: string;
  tokens: TokenSource;
  fetch?: typeof fetch;
  random?: () => number;
}): PlatformClient => {
  const doFetch = options.fetch ?? fetch;
  const random = options.random ?? Math.random;

  const attemptOnce = async (request: PlatformRequest, token: string | null, signal: AbortSignal): Promise<Response | Error> => {
    const headers: Record<string, string> = { Accept: request.accept === 'bytes' ? '*/*' : 'application/json' };
    if (token) headers['Authorization'] = `Bearer ${token}`;
    if (request.idempotencyKey) headers['Idempotency-Key'] = request.idempotencyKey;
    if (request.ifMatch !== undefined) headers['If-Match'] = String(request.ifMatch);
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    if (request.raw) headers['Content-Type'] = request.raw.contentType;
    const body = request.raw ? request.raw.bytes : request.body === undefined ? undefined : JSON.stringify(request.body);
    try {
      return await doFetch(buildUrl(options.baseUrl, request), {
        method: request.method,
        headers,
        body,
        signal,
      });
    } catch (error) {
      return error instanceof Error ? error : new Error(describe(error));
    }
  };

  const readJson = async (response: Response): Promise<{ ok: true; body: unknown } | { ok: false; reason: string; tooLarge?: true }> => {
    const type = response.headers.get('content-type') ?? '';
    const read = await readCapped(response, maxJsonBytes);
    if (read.kind === 'too_large') return { ok: false, reason: read.reason, tooLarge: true };
    if (read.kind === 'cut') return { ok: false, reason: read.reason };
    if (!type.includes('application/json')) return { ok: false, reason: `expected JSON, got "${type || 'no type'}"` };
    const text = read.bytes.toString('utf8');
    try {
      return { ok: true, body: text === '' ? null : (JSON.parse(text) as unknown) };
    } catch {
      // Malformed, truncated, or nested deeper than the parser's stack (a RangeError): not data either way.
      return { ok: false, reason: `truncated or malformed JSON (${text.length} bytes)` };
    }
  };

  /** A body larger than announced or allowed is refused before it is read whole; a cut-off one is retried. */
  const readBytes = async (response: Response, maxBytes: number, attempt: number): Promise<PlatformResult> => {
    const read = await readCapped(response, maxBytes);
    if (read.kind === 'too_large') return { kind: 'rejected', status: 413, error: null, reason: read.reason };
    if (read.kind === 'cut') return { kind: 'retry', delayMs: backoffDelay(attempt, random), reason: read.reason };
    return { kind: 'ok', status: response.status, body: read.bytes };
  };

  /**
   * One short-lived signal per call, linked to the caller's: fetch leaves a listener on every signal it is
   * given until the body is done, and a long-lived one would collect thousands.
   */
  const send = async (request: PlatformRequest, attempt = 0): Promise<PlatformResult> => {
    const controller = new AbortController();
    const abort = (): void => controller.abort();
    const timer = setTimeout(abort, 60_000);
    request.signal?.addEventListener('abort', abort, { once: true });
    try {
      return await sendWith(request, attempt, controller.signal);
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', abort);
    }
  };

  const sendWith = async (request: PlatformRequest, attempt: number, signal: AbortSignal): Promise<PlatformResult> => {
    let response = await attemptOnce(request, await options.tokens.getAccessToken(), signal);
    if (!(response instanceof Error) && response.status === 401) {
      await response.body?.cancel();
      const refreshed = await options.tokens.refresh();
      if (refreshed.kind === 'refused') return { kind: 'signed_out', reason: 'The platform no longer accepts this session.' };
      // Never the expired token again: the request waits, with the backoff of its attempt, and tries anew.
      if (refreshed.kind === 'unavailable') {
        return { kind: 'retry', delayMs: refreshed.delayMs ?? backoffDelay(attempt, random), reason: `token refresh: ${refreshed.reason}`, problem: { code: 'refresh_unavailable' } };
      }
      response = await attemptOnce(request, await options.tokens.getAccessToken(), signal);
      // A token just issued and refused is the platform's trouble (a clock or a replica behind), not a refusal of
      // the session: only the token endpoint refusing the refresh token signs out. Wait, and refresh again later.
      if (!(response instanceof Error) && response.status === 401) {
        await response.body?.cancel();
        return { kind: 'retry', delayMs: backoffDelay(attempt, random), reason: 'the platform refused a freshly refreshed token', problem: { code: 'unavailable', status: 401 } };
      }
    }
    if (response instanceof Error) {
      if (request.signal?.aborted) throw response;
      if (signal.aborted) return { kind: 'retry', delayMs: backoffDelay(attempt, random), reason: 'network: no answer within 60 s', problem: { code: 'timeout', seconds: 60 } };
      return { kind: 'retry', delayMs: backoffDelay(attempt, random), reason: `network: ${response.message}`, problem: { code: 'network' } };
    }

    const { status } = response;
    if (status === 429 || status === 503) {
      await response.body?.cancel();
      const after = parseRetryAfter(response.headers.get('retry-after'), response.headers.get('date'));
      return { kind: 'retry', delayMs: after ?? backoffDelay(attempt, random), reason: `HTTP ${status}`, problem: { code: 'unavailable', status } };
    }
    if (status >= 500) {
      await response.body?.cancel();
      return { kind: 'retry', delayMs: backoffDelay(attempt, random), reason: `HTTP ${status}`, problem: { code: 'unavailable', status } };
    }

    if (request.accept === 'bytes' && status >= 200 && status < 300) return readBytes(response, request.maxBytes ?? Infinity, attempt);
    const parsed = await readJson(response);
    if (status >= 200 && status < 300) {
      if (!parsed.ok && parsed.tooLarge) return { kind: 'rejected', status: 413, error: null, reason: parsed.reason };
      // A 200 that is not our JSON (a captive portal's HTML, a cut-off body) is a transient failure, not data.
      return parsed.ok
        ? { kind: 'ok', status, body: parsed.body }
        : { kind: 'retry', delayMs: backoffDelay(attempt, random), reason: parsed.reason };
    }
    const body = parsed.ok ? parsed.body : null;
    if (status === 409) {
      const conflict = conflictErrorSchema.safeParse(body);
      if (conflict.success) return { kind: 'conflict', current: conflict.data.current };
    }
    if (status === 410) return { kind: 'gone', reason: 'The platform no longer knows this cursor.' };
    const error = apiErrorSchema.safeParse(body);
    return {
      kind: 'rejected',
      status,
      error: error.success ? error.data : null,
      reason: error.success ? error.data.message : `HTTP ${status}`,
    };
  };

  return { baseUrl: options.baseUrl, send };
};
