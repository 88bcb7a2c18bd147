/**
 * The reference platform server: node:http on loopback, its own SQLite database, the contract of
 * shared/platform. Start it in-process with `startPlatformServer`, or from the shell with `npm run platform`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { tokenRequestSchema, tokenTtlSecondsDefault } from '../../shared/platform/auth';
import { changesLimitDefault, changesLimitMax } from '../../shared/platform/changes';
import { platformEndpoints, type Endpoint } from '../../shared/platform/endpoints';
import { buildOpenApiDocument } from '../../shared/platform/openapi';
import {
  simulateClockBodySchema,
  simulateEditBodySchema,
  simulateInjectBodySchema,
  simulateMessageBodySchema,
  simulateProjectBodySchema,
} from '../../shared/platform/simulation';
import { maxJsonBodyBytes, maxUploadBytes } from '../../shared/platform/writes';
import { ActorError, Actors } from './actors';
import { corruptRecord, decideFaults, type FaultDecision, type FaultSpec, parseFaultSpec } from './faults';
import { HttpError, headerValue, jsonReply, parseJson, readBody, type Reply, validate } from './http';
import { createRng } from './prng';
import { demoUser, seedPlatform, type SeedResult } from './seed';
import { decodeCursor, encodeCursor, PlatformStore, sha256 } from './store';
import {
  createForumPost,
  createProposal,
  createUpload,
  deletePortfolioItem,
  markThreadRead,
  postMessage,
  putPortfolioItem,
  putProfile,
  updateProposal,
  withdrawProposal,
  type WriteContext,
} from './writes';

export type PlatformServerOptions = {
  /** 0 (default) picks a free port. The server listens on 127.0.0.1 only. */
  port?: number;
  seed?: number | string;
  /** `demo` (default), `large`, or a number of projects. */
  scale?: string | number;
  /** ISO instant the seeded timestamps are relative to; `now` for the current time. Fixed by default so a seed is fully deterministic. */
  anchor?: string;
  /** Where the SQLite file lives. An existing database there is reused as is (no re-seed). Default: a temp dir removed on close. */
  dataDir?: string;
  /** A fault SPEC string (see faults.ts) or a parsed spec. */
  faults?: string | FaultSpec;
  /** The other side acts every `liveIntervalMs` (default 4000). */
  live?: boolean;
  liveIntervalMs?: number;
  /** Enables /v1/simulation/* (404 otherwise). */
  simulation?: boolean;
  tokenTtlSeconds?: number;
  /** Tombstones older than this are purged; cursors from before a purged tombstone get 410. Default 7 days. */
  changeRetentionSeconds?: number;
  /** Per-user token bucket; `false` turns the limiter off. Default 500 requests/s, bursts of 2000. */
  rateLimit?: { perSecond: number; burst: number } | false;
  /** SSE comment heartbeat period. Default 15 s. */
  heartbeatMs?: number;
  /** Called for each live-mode action (for logging). */
  onLiveAction?: (description: string) => void;
  /** The fee on proposals `GET /v1/terms` reports, in percent. Default 10. */
  proposalFeePercent?: number;
};

export type PlatformServer = {
  url: string;
  port: number;
  seed: SeedResult | null;
  store: PlatformStore;
  actors: Actors;
  users: { demo: { id: string; email: string; password: string } };
  /** Purges tombstones older than the retention now; returns how many. */
  compact: () => number;
  advanceClock: (seconds: number) => void;
  close: () => Promise<void>;
};

type Route = { endpoint: Endpoint; pattern: RegExp; names: string[] };

const routes: Route[] = platformEndpoints.map((endpoint) => {
  const names: string[] = [];
  const pattern = new RegExp(
    `^${endpoint.path.replace(/[.]/g, '\\.').replace(/\{([a-z_]+)\}/g, (_match, name: string) => {
      names.push(name);
      return '([^/]+)';
    })}$`,
  );
  return { endpoint, pattern, names };
});

const writeHandlers: Record<string, (context: WriteContext) => Reply> = {
  createProposal,
  updateProposal,
  withdrawProposal,
  postMessage,
  markThreadRead,
  putPortfolioItem,
  deletePortfolioItem,
  putProfile,
  createUpload,
  createForumPost,
};

const oauthError = (status: 400 | 401, error: string, description: string): Reply =>
  jsonReply(status, { error, error_description: description }, { 'cache-control': 'no-store' });

export const startPlatformServer = async (options: PlatformServerOptions = {}): Promise<PlatformServer> => {
  const seed = options.seed ?? 1;
  const tokenTtl = options.tokenTtlSeconds ?? tokenTtlSecondsDefault;
  const retention = options.changeRetentionSeconds ?? 7 * 86_400;
  const rateLimit = options.rateLimit === undefined ? { perSecond: 500, burst: 2000 } : options.rateLimit;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const faults = typeof options.faults === 'string' ? parseFaultSpec(options.faults) : options.faults;

  const ownsDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'bottega-platform-'));
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'platform.sqlite');
  const reuse = existsSync(file);
  const store = new PlatformStore(file);
  let seedResult: SeedResult | null = null;
  if (!reuse || store.isEmpty()) {
    const anchor = options.anchor === 'now' ? new Date().toISOString() : options.anchor;
    seedResult = seedPlatform(store, { seed, scale: options.scale ?? 'demo', ...(anchor ? { anchor } : {}) });
  }
  const actors = new Actors(store, createRng(`${seed}/actors`));

  let requestCount = 0;
  const buckets = new Map<string, { tokens: number; at: number }>();
  const takeToken = (key: string): number => {
    if (!rateLimit) return 0;
    const now = Date.now();
    const bucket = buckets.get(key) ?? { tokens: rateLimit.burst, at: now };
    bucket.tokens = Math.min(rateLimit.burst, bucket.tokens + ((now - bucket.at) / 1000) * rateLimit.perSecond);
    bucket.at = now;
    buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / rateLimit.perSecond));
  };

  const authenticate = (request: IncomingMessage): string => {
    const header = headerValue(request.headers.authorization) ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) {
      throw new HttpError(401, 'unauthorized', 'an Authorization: Bearer <access_token> header is required', 'Authorization', {
        'www-authenticate': 'Bearer realm="bottega"',
      });
    }
    const result = store.authenticate(match[1]);
    if ('error' in result) {
      const expired = result.error === 'expired';
      throw new HttpError(401, 'invalid_token', expired ? 'the access token has expired' : 'the access token is not valid', 'Authorization', {
        'www-authenticate': `Bearer realm="bottega", error="invalid_token", error_description="${expired ? 'expired' : 'invalid'}"`,
      });
    }
    return result.userId;
  };

  const token = async (request: IncomingMessage): Promise<Reply> => {
    const body = await readBody(request, maxJsonBodyBytes);
    const type = (headerValue(request.headers['content-type']) ?? '').split(';')[0]?.trim().toLowerCase();
    let fields: unknown;
    if (type === 'application/x-www-form-urlencoded') {
      fields = Object.fromEntries(new URLSearchParams(body.toString('utf8')));
    } else if (type === 'application/json') {
      try {
        fields = JSON.parse(body.toString('utf8'));
      } catch {
        return oauthError(400, 'invalid_request', 'the body is not valid JSON');
      }
    } else {
      return oauthError(400, 'invalid_request', 'send application/x-www-form-urlencoded (or application/json)');
    }
    const grantType = (fields as { grant_type?: unknown } | null)?.grant_type;
    if (grantType !== 'password' && grantType !== 'refresh_token') {
      return oauthError(400, grantType === undefined ? 'invalid_request' : 'unsupported_grant_type', 'grant_type must be password or refresh_token');
    }
    const parsed = tokenRequestSchema.safeParse(fields);
    if (!parsed.success) {
      return oauthError(400, 'invalid_request', `missing or invalid ${parsed.error.issues[0]?.path.join('.') || 'parameter'}`);
    }
    let userId: string | null;
    if (parsed.data.grant_type === 'password') {
      userId = store.checkPassword(parsed.data.username, parsed.data.password)?.id ?? null;
      if (!userId) return oauthError(400, 'invalid_grant', 'wrong username or password');
    } else {
      userId = store.redeemRefreshToken(parsed.data.refresh_token);
      if (!userId) return oauthError(400, 'invalid_grant', 'the refresh token is invalid, expired or already used');
    }
    const tokens = store.issueTokens(userId, tokenTtl);
    return jsonReply(
      200,
      { access_token: tokens.access, refresh_token: tokens.refresh, token_type: 'Bearer', expires_in: tokenTtl },
      { 'cache-control': 'no-store', pragma: 'no-cache' },
    );
  };

  const changes = (userId: string, query: URLSearchParams, fault: FaultDecision | null): Reply => {
    const limitText = query.get('limit');
    let limit = changesLimitDefault;
    if (limitText !== null) {
      if (!/^\d{1,9}$/.test(limitText) || Number(limitText) < 1) {
        throw new HttpError(400, 'invalid_request', 'limit must be a positive integer', 'limit');
      }
      limit = Math.min(changesLimitMax, Number(limitText));
    }
    const cursorText = query.get('cursor');
    let after = 0;
    let snapshotHigh = store.latestSeq();
    if (cursorText !== null && cursorText !== '') {
      const cursor = decodeCursor(cursorText);
      if (!cursor) throw new HttpError(400, 'invalid_cursor', 'cursor is not one this server issued', 'cursor');
      after = cursor.seq;
      snapshotHigh = cursor.snapshotHigh;
    }
    if (store.oldestValidSeq() > Math.max(after, snapshotHigh)) {
      throw new HttpError(410, 'cursor_expired', 'the change log no longer reaches back to this cursor: pull again without a cursor', 'cursor');
    }
    const rows = store.readFeed(userId, after, snapshotHigh, limit + 1);
    const hasMore = rows.length > limit;
    const page = hasMore ? rows.slice(0, limit) : rows;
    const parts: string[] = [];
    for (const row of page) {
      let data = row.data ?? 'null';
      if (row.data && fault && fault.invalidProbability > 0 && fault.rng.next() < fault.invalidProbability) {
        data = JSON.stringify(corruptRecord(JSON.parse(row.data) as Record<string, unknown>, fault.rng));
      }
      parts.push(
        `{"type":${JSON.stringify(row.type)},"op":"${row.deleted ? 'delete' : 'upsert'}","id":${JSON.stringify(row.id)},"version":${row.version},"data":${data}}`,
      );
    }
    const last = page[page.length - 1];
    // On the last page the cursor moves to the head of the log, past changes this user cannot see.
    const nextCursor = hasMore && last ? encodeCursor(last.seq, snapshotHigh) : encodeCursor(Math.max(after, store.latestSeq()));
    const body = `{"changes":[${parts.join(',')}],"next_cursor":"${nextCursor}","has_more":${hasMore}}`;
    return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }, body: Buffer.from(body) };
  };

  const sseClients = new Set<ServerResponse>();
  const events = (request: IncomingMessage, response: ServerResponse, userId: string, accessToken: string): void => {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    response.write(`retry: 2000\n: connected ${store.nowIso()}\n\n`);
    sseClients.add(response);
    const onChanges = (users: string[], cursor: string): void => {
      // The id lets an EventSource reconnect with Last-Event-ID; clients still pull from their own stored cursor.
      if (users.includes(userId)) response.write(`id: ${cursor}\nevent: changes\ndata: ${JSON.stringify({ cursor })}\n\n`);
    };
    store.events.on('changes', onChanges);
    const heartbeat = setInterval(() => {
      // A stream outlives its token only until the next heartbeat: the client reconnects with a fresh one.
      if ('error' in store.authenticate(accessToken)) {
        response.end();
        return;
      }
      response.write(`: heartbeat ${store.nowIso()}\n\n`);
    }, heartbeatMs);
    const cleanup = (): void => {
      clearInterval(heartbeat);
      store.events.off('changes', onChanges);
      sseClients.delete(response);
    };
    // Not request 'close': that fires as soon as the (empty) request body has been read.
    response.on('close', cleanup);
  };

  const simulation = async (request: IncomingMessage, pathname: string, method: string): Promise<Reply> => {
    const body = await readBody(request, maxJsonBodyBytes);
    const json = (optional = false): unknown => (optional && body.toString('utf8').trim() === '' ? {} : parseJson(body));
    const result = (status: number, record: { type: string; id: string; version: number; data: unknown }): Reply =>
      jsonReply(status, { type: record.type, id: record.id, version: record.version, data: record.data });
    let match: RegExpExecArray | null;
    try {
      if (method === 'POST' && (match = /^\/v1\/simulation\/threads\/([^/]+)\/messages$/.exec(pathname))) {
        const input = validate(simulateMessageBodySchema, json());
        return result(201, actors.clientMessage(decodeURIComponent(match[1] as string), input.body, input.id));
      }
      if (method === 'POST' && (match = /^\/v1\/simulation\/proposals\/([^/]+)\/(award|decline)$/.exec(pathname))) {
        return result(200, actors.decide(decodeURIComponent(match[1] as string), match[2] === 'award' ? 'awarded' : 'declined'));
      }
      if (method === 'POST' && (match = /^\/v1\/simulation\/records\/([^/]+)\/([^/]+)\/edit$/.exec(pathname))) {
        const input = validate(simulateEditBodySchema, json());
        return result(200, actors.edit(decodeURIComponent(match[1] as string), decodeURIComponent(match[2] as string), input.patch));
      }
      if (method === 'DELETE' && (match = /^\/v1\/simulation\/records\/([^/]+)\/([^/]+)$/.exec(pathname))) {
        return result(200, actors.remove(decodeURIComponent(match[1] as string), decodeURIComponent(match[2] as string)));
      }
      if (method === 'POST' && pathname === '/v1/simulation/projects') {
        return result(201, actors.postProject(validate(simulateProjectBodySchema, json(true))));
      }
      if (method === 'POST' && pathname === '/v1/simulation/inject') {
        const input = validate(simulateInjectBodySchema, json());
        return result(201, actors.inject({ ...input, ...(input.users ? { users: input.users } : {}) }));
      }
      if (method === 'POST' && pathname === '/v1/simulation/compact') {
        const purged = store.compact(retention);
        return jsonReply(200, { purged, oldest_valid_cursor: encodeCursor(store.oldestValidSeq()) });
      }
      if (method === 'POST' && pathname === '/v1/simulation/clock') {
        const input = validate(simulateClockBodySchema, json());
        store.advanceClock(input.advance_seconds);
        return jsonReply(200, { now: store.nowIso() });
      }
    } catch (error) {
      if (error instanceof ActorError) throw new HttpError(error.status, error.status === 404 ? 'not_found' : 'invalid_state', error.message);
      throw error;
    }
    throw new HttpError(404, 'not_found', `no simulation endpoint ${method} ${pathname}`);
  };

  /** Runs an idempotent write: the key is checked, the answer stored in the same transaction as the change. */
  const idempotentWrite = async (
    request: IncomingMessage,
    endpoint: Endpoint,
    userId: string,
    params: Record<string, string>,
    url: URL,
  ): Promise<Reply> => {
    const key = headerValue(request.headers['idempotency-key'])?.trim();
    if (!key) throw new HttpError(400, 'idempotency_key_missing', 'every write needs an Idempotency-Key header', 'Idempotency-Key');
    if (key.length > 255) throw new HttpError(400, 'invalid_request', 'Idempotency-Key is longer than 255 characters', 'Idempotency-Key');
    const isUpload = endpoint.operationId === 'createUpload';
    if (isUpload) createUploadPrecheck(request);
    const body = await readBody(request, isUpload ? maxUploadBytes : maxJsonBodyBytes);
    const requestHash = sha256(
      JSON.stringify([
        request.method,
        url.pathname + url.search,
        headerValue(request.headers['if-match'])?.trim() ?? '',
        (headerValue(request.headers['content-type']) ?? '').split(';')[0]?.trim().toLowerCase() ?? '',
      ]) +
        createHash('sha256').update(body).digest('hex'),
    );
    const handler = writeHandlers[endpoint.operationId];
    if (!handler) throw new Error(`no handler for ${endpoint.operationId}`);
    return store.transact(() => {
      const earlier = store.findIdempotent(userId, key);
      if (earlier) {
        if (earlier.requestHash !== requestHash) {
          throw new HttpError(422, 'idempotency_key_reused', 'this Idempotency-Key was used for a different request', 'Idempotency-Key');
        }
        return { status: earlier.status, headers: { ...earlier.headers, 'idempotent-replayed': 'true' }, body: earlier.body };
      }
      let reply: Reply;
      try {
        reply = store.transact(() => handler({ store, userId, params, body, headers: request.headers, query: url.searchParams }));
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        reply = error.toReply();
      }
      store.saveIdempotent(userId, key, { requestHash, status: reply.status, headers: reply.headers, body: reply.body });
      return reply;
    });
  };

  const createUploadPrecheck = (request: IncomingMessage): void => {
    const type = (headerValue(request.headers['content-type']) ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!type.startsWith('image/')) {
      throw new HttpError(415, 'unsupported_media_type', 'uploads are images (image/png, image/jpeg, image/gif, image/webp)', 'Content-Type');
    }
  };

  const send = (response: ServerResponse, reply: Reply, truncate: boolean): void => {
    const headers: Record<string, string> = { ...reply.headers, 'content-length': String(reply.body.length) };
    if (reply.status === 429 || reply.status === 503) headers['retry-after'] ??= '1';
    response.writeHead(reply.status, headers);
    if (truncate && reply.body.length > 1) {
      response.write(reply.body.subarray(0, Math.floor(reply.body.length / 2)));
      response.socket?.destroy();
      return;
    }
    response.end(reply.body);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = (request.method ?? 'GET').toUpperCase();
    const pathname = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
    if (pathname.startsWith('/v1/simulation/')) {
      if (!options.simulation) throw new HttpError(404, 'not_found', 'simulation endpoints are off (start the server with --simulation)');
      send(response, await simulation(request, pathname, method), false);
      return;
    }
    requestCount += 1;
    const fault = faults ? decideFaults(faults, seed, requestCount) : null;
    if (fault) {
      if (fault.delayMs > 0) await sleep(fault.delayMs);
      if (fault.drop) {
        request.socket.destroy();
        return;
      }
      if (fault.status !== null) {
        request.resume();
        const code = fault.status === 500 ? 'internal' : fault.status === 503 ? 'unavailable' : 'rate_limited';
        const headers: Record<string, string> = fault.status === 500 ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
        send(response, new HttpError(fault.status, code, `injected fault: ${code}`, undefined, headers).toReply(), false);
        return;
      }
    }
    const truncate = fault?.truncate ?? false;
    const route = routes.find((candidate) => candidate.pattern.test(pathname) && !candidate.endpoint.path.startsWith('/v1/simulation/'));
    if (!route) throw new HttpError(404, 'not_found', `no endpoint ${pathname}`);
    const endpoint = routes.find((candidate) => candidate.pattern.test(pathname) && candidate.endpoint.method.toUpperCase() === method)?.endpoint;
    if (!endpoint) {
      const allowed = routes.filter((candidate) => candidate.pattern.test(pathname)).map((candidate) => candidate.endpoint.method.toUpperCase());
      throw new HttpError(405, 'method_not_allowed', `${method} is not allowed here (allowed: ${allowed.join(', ')})`, undefined, { allow: allowed.join(', ') });
    }
    const matched = routes.find((candidate) => candidate.endpoint === endpoint) as Route;
    const values = matched.pattern.exec(pathname)?.slice(1) ?? [];
    const params = Object.fromEntries(matched.names.map((name, index) => [name, decodeURIComponent(values[index] ?? '')]));

    if (endpoint.operationId === 'getOpenApi') {
      send(response, jsonReply(200, openApi), truncate);
      return;
    }
    if (endpoint.operationId === 'createToken') {
      const wait = takeToken(`ip:${request.socket.remoteAddress ?? ''}`);
      if (wait > 0) throw new HttpError(429, 'rate_limited', 'too many requests', undefined, { 'retry-after': String(wait) });
      send(response, await token(request), truncate);
      return;
    }
    const userId = authenticate(request);
    const wait = takeToken(userId);
    if (wait > 0) throw new HttpError(429, 'rate_limited', `too many requests: retry in ${wait} s`, undefined, { 'retry-after': String(wait) });

    if (endpoint.idempotent) {
      send(response, await idempotentWrite(request, endpoint, userId, params, url), truncate);
      return;
    }
    request.resume();
    switch (endpoint.operationId) {
      case 'getMe': {
        const user = store.getUser(userId);
        send(response, jsonReply(200, { id: userId, email: user?.email ?? '', name: user?.name ?? '' }), truncate);
        return;
      }
      case 'getTerms':
        send(response, jsonReply(200, { proposal_fee_percent: options.proposalFeePercent ?? 10, effective_at: '2026-01-01T00:00:00.000Z' }), truncate);
        return;
      case 'listChanges':
        send(response, changes(userId, url.searchParams, fault), truncate);
        return;
      case 'streamEvents': {
        const header = headerValue(request.headers.authorization) ?? '';
        events(request, response, userId, header.replace(/^Bearer\s+/i, ''));
        return;
      }
      case 'getUpload': {
        const upload = store.getUpload(params.id ?? '');
        if (!upload) throw new HttpError(404, 'not_found', `no upload ${params.id}`);
        send(response, { status: 200, headers: { 'content-type': upload.mime, 'cache-control': 'private, max-age=31536000, immutable' }, body: upload.bytes }, truncate);
        return;
      }
      default:
        throw new HttpError(404, 'not_found', `no endpoint ${pathname}`);
    }
  };

  let openApi: Record<string, unknown> = buildOpenApiDocument();
  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      const reply =
        error instanceof HttpError
          ? error.toReply()
          : new HttpError(500, 'internal', `internal error: ${error instanceof Error ? error.message : String(error)}`).toReply();
      if (!(error instanceof HttpError)) console.error('[platform]', error);
      request.resume();
      send(response, reply, false);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  openApi = buildOpenApiDocument({ serverUrl: url });

  const compactTimer = setInterval(() => store.compact(retention), Math.max(1000, Math.min(retention * 1000, 60_000)));
  compactTimer.unref();
  let liveTimer: NodeJS.Timeout | undefined;
  if (options.live) {
    liveTimer = setInterval(() => {
      const description = actors.liveStep(demoUser.id);
      options.onLiveAction?.(description);
    }, options.liveIntervalMs ?? 4000);
    liveTimer.unref();
  }

  let closed = false;
  return {
    url,
    port,
    seed: seedResult,
    store,
    actors,
    users: { demo: { id: demoUser.id, email: demoUser.email, password: demoUser.password } },
    compact: () => store.compact(retention),
    advanceClock: (seconds) => store.advanceClock(seconds),
    close: async () => {
      if (closed) return;
      closed = true;
      clearInterval(compactTimer);
      if (liveTimer) clearInterval(liveTimer);
      for (const client of sseClients) client.end();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      store.close();
      if (ownsDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
