/** Shared helpers for the platform contract tests: real HTTP on loopback, every answer checked against the contract. */
import { expect } from 'vitest';
import { z } from 'zod';
import { tokenResponseSchema } from '../../../shared/platform/auth';
import { changesPageSchema, type Change } from '../../../shared/platform/changes';
import { platformEndpoints } from '../../../shared/platform/endpoints';
import { startPlatformServer, type PlatformServer, type PlatformServerOptions } from '../../platform/server';

export type CallResult = { status: number; headers: Headers; text: string; bytes: Buffer; json: unknown };

export type CallOptions = {
  token?: string;
  body?: unknown;
  /** Sent as is (for malformed JSON, forms, bytes). */
  rawBody?: string | Buffer;
  headers?: Record<string, string>;
  idempotencyKey?: string;
  ifMatch?: string | number;
};

/** Every (operationId, status) a test has seen and validated; the contract test checks the coverage. */
export const observed = new Set<string>();

const endpointByOperation = new Map(platformEndpoints.map((endpoint) => [endpoint.operationId, endpoint]));

export const bootPlatform = (options: PlatformServerOptions = {}): Promise<PlatformServer> =>
  startPlatformServer({ seed: 7, scale: 'demo', simulation: true, rateLimit: false, ...options });

export const rawCall = async (server: { url: string }, method: string, path: string, options: CallOptions = {}): Promise<CallResult> => {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  if (options.ifMatch !== undefined) headers['if-match'] = String(options.ifMatch);
  let body: string | Buffer | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${server.url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const bytes = Buffer.from(await response.arrayBuffer());
  const text = bytes.toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, bytes, json };
};

/**
 * Calls an endpoint of the contract and validates the answer against the schema the contract documents for
 * that status; an undocumented status fails the test.
 */
export const call = async (
  server: { url: string },
  operationId: string,
  path: string,
  options: CallOptions = {},
): Promise<CallResult> => {
  const endpoint = endpointByOperation.get(operationId);
  if (!endpoint) throw new Error(`unknown operation ${operationId}`);
  const result = await rawCall(server, endpoint.method.toUpperCase(), path, options);
  const documented = endpoint.responses[result.status];
  expect(documented, `${operationId} answered ${result.status}, which the contract does not document: ${result.text.slice(0, 300)}`).toBeDefined();
  if (documented?.schema) {
    expect(result.headers.get('content-type') ?? '').toContain('application/json');
    const parsed = documented.schema.safeParse(result.json);
    expect(parsed.success, `${operationId} ${result.status} does not match its schema: ${parsed.success ? '' : z.prettifyError(parsed.error)}\n${result.text.slice(0, 500)}`).toBe(true);
  }
  if (result.status === 429 || result.status === 503) expect(result.headers.get('retry-after')).toMatch(/^\d+$/);
  observed.add(`${operationId} ${result.status}`);
  return result;
};

export const signIn = async (
  server: { url: string },
  username = 'demo@bottega.test',
  password = 'bottega-demo',
): Promise<z.infer<typeof tokenResponseSchema>> => {
  const result = await call(server, 'createToken', '/v1/oauth/token', {
    rawBody: new URLSearchParams({ grant_type: 'password', username, password }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  expect(result.status).toBe(200);
  return tokenResponseSchema.parse(result.json);
};

/** Pages through the whole feed from `cursor` (none: snapshot), validating every page. Bounded. */
export const pullAll = async (
  server: { url: string },
  token: string,
  options: { cursor?: string; limit?: number; onPage?: (page: number) => Promise<void> } = {},
): Promise<{ changes: Change[]; cursor: string; pages: number }> => {
  const changes: Change[] = [];
  let cursor = options.cursor;
  for (let page = 0; page < 10_000; page += 1) {
    const query = new URLSearchParams();
    if (cursor) query.set('cursor', cursor);
    if (options.limit) query.set('limit', String(options.limit));
    const result = await call(server, 'listChanges', `/v1/changes?${query}`, { token });
    expect(result.status).toBe(200);
    const body = changesPageSchema.parse(result.json);
    changes.push(...body.changes);
    cursor = body.next_cursor;
    await options.onPage?.(page);
    if (!body.has_more) return { changes, cursor, pages: page + 1 };
  }
  throw new Error('feed did not end within 10 000 pages');
};

/** Latest state per record from a list of changes, the way a client applies them. */
export const applyChanges = (changes: readonly Change[], state = new Map<string, Change>()): Map<string, Change> => {
  for (const change of changes) {
    const key = `${change.type}/${change.id}`;
    if (change.op === 'delete') state.delete(key);
    else state.set(key, change);
  }
  return state;
};

let keyCounter = 0;
export const newKey = (label = 'key'): string => {
  keyCounter += 1;
  return `${label}-${process.pid}-${keyCounter}-${Math.random().toString(36).slice(2)}`;
};

export const simulate = async (server: { url: string }, method: string, path: string, body?: unknown): Promise<CallResult> => {
  const operation = platformEndpoints.find(
    (endpoint) => endpoint.method.toUpperCase() === method && new RegExp(`^${endpoint.path.replace(/\{[a-z_]+\}/g, '[^/]+')}$`).test(path),
  );
  if (!operation) throw new Error(`no simulation endpoint ${method} ${path}`);
  return call(server, operation.operationId, path, body === undefined ? {} : { body });
};
