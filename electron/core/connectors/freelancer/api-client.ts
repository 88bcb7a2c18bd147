/**
 * A small HTTP client for the Freelancer.com REST API 0.1 over fetch. It signs every request with the
 * `freelancer-oauth-v1` header (SDK session.py), encodes arrays as repeated `name[]`, posts messages
 * form-encoded and bids as JSON (as the SDK does), reads every answer with a byte cap while it streams, and turns
 * the `{status: "error", message, error_code}` envelope and the HTTP status into one typed error. It never
 * retries and never logs: what to do with an error is the caller's (the poller's cadence, the outbox's backoff,
 * the reconcile before a write is sent again). The token appears in no error and no reason.
 */
import type { z } from 'zod';
import { maxJsonBytes, readCapped } from '../../sync/platform-client';
import { parseRetryAfter } from '../../sync/retry-policy';
import { errorEnvelopeSchema, successEnvelopeSchema } from './api-schemas';

export type FreelancerError =
  /** 401/403: the token is wrong, expired or revoked; that account signs out. */
  | { kind: 'auth'; status: number; errorCode: string | null; message: string }
  /** 429: wait `retryAfterMs` (the platform's Retry-After, clamped) or back off when it gave none. */
  | { kind: 'rate_limited'; retryAfterMs: number | null }
  /** 5xx: try again later; 503 may say when. */
  | { kind: 'server'; status: number; retryAfterMs: number | null }
  /** No answer, or an answer cut off: a write may or may not have happened (reconcile before sending again). */
  | { kind: 'network'; reason: string }
  /** Any other 4xx: the platform refused this request; its message is shown, the request is not retried as is. */
  | { kind: 'refused'; status: number; errorCode: string | null; message: string }
  /** A 2xx whose body is not the documented shape, or is too large. */
  | { kind: 'invalid_answer'; reason: string };

export type FreelancerAnswer<T> = { ok: true; value: T; requestId: string | null } | { ok: false; error: FreelancerError };

type QueryValue = string | number | boolean | readonly (string | number)[] | null | undefined;
export type FreelancerQuery = Readonly<Record<string, QueryValue>>;

export type FreelancerRequest = {
  method: 'GET' | 'POST' | 'PUT';
  /** Under the API root, e.g. `/projects/0.1/projects/active/`. */
  path: string;
  query?: FreelancerQuery;
  /** Sent as application/x-www-form-urlencoded (messages, bid actions). */
  form?: Readonly<Record<string, string>>;
  /** Sent as application/json (bids). */
  json?: unknown;
};

export type FreelancerClientOptions = {
  /** From resolveFreelancerApiRoot: https, or http on loopback. */
  apiRoot: string;
  /** Read for every request, so a token replaced in the vault is used from the next request on. */
  token: () => string | Promise<string>;
  /**
   * A 401: may renew the token (an OAuth refresh) and say whether it did; the request is then sent once more with
   * the new one. A 401 means the request was not carried out, so sending it again cannot do it twice.
   */
  onUnauthorized?: (rejectedToken: string) => Promise<'renewed' | 'refused' | 'unavailable'>;
  fetch?: typeof fetch;
  maxBytes?: number;
  timeoutMs?: number;
};

/** One exchange with a token: the request sent with it and its answer read (on this thread, or on a page reader's). */
export type Attempt<T> = (token: string) => Promise<FreelancerAnswer<T>>;

export type FreelancerClient = {
  send: <S extends z.ZodType>(request: FreelancerRequest, resultSchema: S) => Promise<FreelancerAnswer<z.output<S>>>;
  /** send, with the answer's result read by `readResult` instead of a schema alone (a page read into records). */
  sendWith: <T>(request: FreelancerRequest, readResult: ResultReader<T>) => Promise<FreelancerAnswer<T>>;
  /** send's token handling (the token read, a 401 renewed and the attempt made once more) around any attempt. */
  exchange: <T>(attempt: Attempt<T>) => Promise<FreelancerAnswer<T>>;
  /** Where and how it sends, for an attempt made on another thread. */
  settings: ExchangeSettings;
};

/** What an exchange needs besides the request and the token: plain values, so another thread can make it too. */
export type ExchangeSettings = { /** Without a trailing slash. */ apiRoot: string; maxBytes: number; timeoutMs: number };

/** An answer's `result` read into a value, or why it cannot be. */
export type ResultReader<T> = (result: unknown) => FreelancerAnswer<T>;

/** The result checked against its schema; the first issue's path and message as the reason otherwise. */
export const readResultWith =
  <S extends z.ZodType>(resultSchema: S): ResultReader<z.output<S>> =>
  (result) => {
    const parsed = resultSchema.safeParse(result);
    if (parsed.success) return { ok: true, value: parsed.data, requestId: null };
    const issue = parsed.error.issues[0];
    return { ok: false, error: { kind: 'invalid_answer', reason: `result${issue?.path.length ? `.${issue.path.join('.')}` : ''}: ${issue?.message ?? 'invalid'}` } };
  };

/** Arrays as repeated `name[]=` (the SDK's requests encoding); booleans as true/false; null and undefined left out. */
export const encodeQuery = (query: FreelancerQuery): string => {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      const key = name.endsWith('[]') ? name : `${name}[]`;
      for (const item of value) search.append(key, String(item));
    } else search.append(name, String(value));
  }
  return search.toString();
};

const describeFailure = (error: unknown): string => {
  if (!(error instanceof Error)) return 'the request failed';
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'no answer in time';
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  const code = typeof cause?.code === 'string' ? cause.code : null;
  return code ? `${error.message} (${code})` : error.message;
};

const errorFor = (status: number, body: unknown, headers: Headers): FreelancerError => {
  const envelope = errorEnvelopeSchema.safeParse(body);
  const errorCode = envelope.success ? (envelope.data.error_code ?? null) : null;
  const message = (envelope.success ? envelope.data.message : null) ?? `HTTP ${status}`;
  const retryAfterMs = parseRetryAfter(headers.get('retry-after'), headers.get('date'));
  if (status === 401 || status === 403) return { kind: 'auth', status, errorCode, message };
  if (status === 429) return { kind: 'rate_limited', retryAfterMs };
  if (status >= 500) return { kind: 'server', status, retryAfterMs };
  return { kind: 'refused', status, errorCode, message };
};

/**
 * Sends one request with this token and reads its answer: the HTTP status and the error envelope as a typed
 * error, a 2xx's `result` through `readResult`. Pure over `doFetch`: no state, no retry.
 */
export const fetchAnswer = async <T>(
  settings: ExchangeSettings,
  request: FreelancerRequest,
  token: string,
  readResult: ResultReader<T>,
  doFetch: typeof fetch = fetch,
): Promise<FreelancerAnswer<T>> => {
  const query = request.query ? encodeQuery(request.query) : '';
  const url = `${settings.apiRoot}${request.path}${query === '' ? '' : `?${query}`}`;
  const headers: Record<string, string> = { accept: 'application/json', 'freelancer-oauth-v1': token };
  let body: string | undefined;
  if (request.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(request.json);
  } else if (request.form !== undefined) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(request.form).toString();
  }
  let response: Response;
  try {
    // No redirects: fetch would carry the custom token header to wherever a redirect points.
    response = await doFetch(url, { method: request.method, headers, body, redirect: 'error', signal: AbortSignal.timeout(settings.timeoutMs) });
  } catch (error) {
    return { ok: false, error: { kind: 'network', reason: describeFailure(error) } };
  }
  const read = await readCapped(response, settings.maxBytes);
  if (read.kind === 'cut') return { ok: false, error: { kind: 'network', reason: read.reason } };
  if (read.kind === 'too_large') return { ok: false, error: { kind: 'invalid_answer', reason: read.reason } };
  let parsed: unknown;
  try {
    parsed = JSON.parse(read.bytes.toString('utf8'));
  } catch {
    parsed = undefined;
  }
  if (response.status < 200 || response.status >= 300) return { ok: false, error: errorFor(response.status, parsed, response.headers) };
  if (parsed === undefined) return { ok: false, error: { kind: 'invalid_answer', reason: `not JSON (${read.bytes.length} bytes)` } };
  // A 2xx carrying the error envelope is a refusal all the same.
  if (errorEnvelopeSchema.safeParse(parsed).success) return { ok: false, error: errorFor(response.status, parsed, response.headers) };
  const envelope = successEnvelopeSchema.safeParse(parsed);
  if (!envelope.success) return { ok: false, error: { kind: 'invalid_answer', reason: 'not a Freelancer success envelope' } };
  const result = readResult(envelope.data.result);
  return result.ok ? { ...result, requestId: envelope.data.request_id ?? null } : result;
};

export const createFreelancerClient = (options: FreelancerClientOptions): FreelancerClient => {
  const settings: ExchangeSettings = { apiRoot: options.apiRoot.replace(/\/+$/, ''), maxBytes: options.maxBytes ?? maxJsonBytes, timeoutMs: options.timeoutMs ?? 30_000 };

  const exchange: FreelancerClient['exchange'] = async (attempt) => {
    const token = await options.token();
    const answer = await attempt(token);
    if (answer.ok || answer.error.kind !== 'auth' || answer.error.status !== 401 || !options.onUnauthorized) return answer;
    const renewal = await options.onUnauthorized(token);
    if (renewal === 'renewed') return attempt(await options.token());
    // The token could not be renewed just now (the network): waited out like any network failure, not a sign-out.
    if (renewal === 'unavailable') return { ok: false, error: { kind: 'network', reason: 'the sign-in could not be renewed just now' } };
    return answer;
  };

  const sendWith: FreelancerClient['sendWith'] = (request, readResult) => exchange((token) => fetchAnswer(settings, request, token, readResult, options.fetch));

  return {
    send: (request, resultSchema) => sendWith(request, readResultWith(resultSchema)),
    sendWith,
    exchange,
    settings,
  };
};
