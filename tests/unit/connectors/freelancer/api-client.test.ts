/**
 * The Freelancer API client (electron/core/connectors/freelancer/api-client.ts) and its base URL rules, over a
 * loopback server that answers as each test says: requests as the SDK sends them, every failure as one typed
 * error, bodies read with a byte cap, the token never in an error.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createFreelancerClient, encodeQuery, type FreelancerAnswer } from '../../../../electron/core/connectors/freelancer/api-client';
import { freelancerApiRoots, resolveFreelancerApiRoot } from '../../../../electron/core/connectors/freelancer/base-url';
import { useLoopbackServers } from '../../../support/loopback-server';

const token = 'secret-token-4f9a1c';
const startServer = useLoopbackServers();

const readBody = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    request.on('end', () => resolve(text));
  });

const json = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
};

const errorOf = <T>(answer: FreelancerAnswer<T>) => {
  if (answer.ok) throw new Error('expected an error');
  return answer.error;
};

describe('base URL', () => {
  it('production, sandbox, https anywhere, http on loopback only', () => {
    expect(resolveFreelancerApiRoot('production')).toEqual({ ok: true, apiRoot: freelancerApiRoots.production });
    expect(resolveFreelancerApiRoot('sandbox')).toEqual({ ok: true, apiRoot: 'https://www.freelancer-sandbox.com/api' });
    expect(resolveFreelancerApiRoot({ custom: 'https://proxy.example.org/fl/api/' })).toEqual({ ok: true, apiRoot: 'https://proxy.example.org/fl/api' });
    // A bare site, as the fixture prints it, gets /api.
    expect(resolveFreelancerApiRoot({ custom: 'http://127.0.0.1:4010' })).toEqual({ ok: true, apiRoot: 'http://127.0.0.1:4010/api' });
    expect(resolveFreelancerApiRoot({ custom: 'http://localhost:4010/' })).toEqual({ ok: true, apiRoot: 'http://localhost:4010/api' });
    expect(resolveFreelancerApiRoot({ custom: 'http://[::1]:4010' })).toEqual({ ok: true, apiRoot: 'http://[::1]:4010/api' });
    const refusals: [string, string][] = [
      ['http://www.freelancer.com', 'insecure_http'],
      ['http://192.168.1.10:4010', 'insecure_http'],
      ['http://127.0.0.1.nip.io', 'insecure_http'],
      ['ftp://127.0.0.1', 'unsupported_scheme'],
      ['javascript:alert(1)', 'unsupported_scheme'],
      ['https://user:pass@example.org', 'credentials_in_url'],
      ['https://example.org/api?token=1', 'query_or_fragment'],
      ['not a url', 'not_a_url'],
    ];
    for (const [custom, reason] of refusals) expect(resolveFreelancerApiRoot({ custom }), custom).toEqual({ ok: false, reason });
  });
});

describe('requests', () => {
  it('arrays as name[], booleans as true/false, nulls left out', () => {
    expect(encodeQuery({ jobs: [3, 4], 'users[]': [7], full_description: true, compact: false, from_time: null, offset: 0, query: 'a b' })).toBe(
      'jobs%5B%5D=3&jobs%5B%5D=4&users%5B%5D=7&full_description=true&compact=false&offset=0&query=a+b',
    );
  });

  it('signs with freelancer-oauth-v1, posts messages form-encoded and bids as JSON, reads the result', async () => {
    const seen: { method?: string; url?: string; headers: Record<string, unknown>; body: string }[] = [];
    const server = await startServer(async (request, response) => {
      seen.push({ method: request.method, url: request.url, headers: request.headers, body: await readBody(request) });
      json(response, 200, { status: 'success', result: { id: 5, extra: 'kept' }, request_id: 'abc' });
    });
    const client = createFreelancerClient({ apiRoot: `${server.url}/api`, token: () => token });
    const schema = z.object({ id: z.number() }).loose();
    const got = await client.send({ method: 'GET', path: '/users/0.1/self/', query: { jobs: true } }, schema);
    expect(got).toEqual({ ok: true, value: { id: 5, extra: 'kept' }, requestId: 'abc' });
    await client.send({ method: 'POST', path: '/messages/0.1/threads/9/messages/', form: { message: 'Grazie & a presto' } }, schema);
    await client.send({ method: 'POST', path: '/projects/0.1/bids/', json: { project_id: 1, amount: 10.5 } }, schema);
    expect(seen.map((request) => [request.method, request.url, request.headers['freelancer-oauth-v1'], request.headers['content-type'], request.body])).toEqual([
      ['GET', '/api/users/0.1/self/?jobs=true', token, undefined, ''],
      ['POST', '/api/messages/0.1/threads/9/messages/', token, 'application/x-www-form-urlencoded', 'message=Grazie+%26+a+presto'],
      ['POST', '/api/projects/0.1/bids/', token, 'application/json', '{"project_id":1,"amount":10.5}'],
    ]);
  });
});

describe('errors', () => {
  it('the error envelope and the HTTP status become one typed error, Retry-After read', async () => {
    const answers: [number, unknown, Record<string, string>][] = [
      [401, { status: 'error', message: 'You must be logged in to perform this request', error_code: 'RestExceptionCodes.NOT_AUTHENTICATED', request_id: 'r1' }, {}],
      [403, { status: 'error', message: 'Forbidden', error_code: 'AuthorisationExceptionCodes.FORBIDDEN' }, {}],
      [429, { status: 'error', message: 'Too many', error_code: 'AuthorisationExceptionCodes.RATE_LIMITED' }, { 'retry-after': '7' }],
      [429, { status: 'error', message: 'Too many' }, {}],
      [503, { status: 'error', message: 'Down' }, { 'retry-after': '30' }],
      [500, '<html>oops</html>', {}],
      [409, { status: 'error', message: 'You have already bid on this project', error_code: 'ProjectExceptionCodes.DUPLICATE_BID' }, {}],
      [200, { status: 'error', message: 'Odd', error_code: 'X' }, {}],
      [200, { status: 'success', result: { id: 'not a number' } }, {}],
      [200, { nothing: true }, {}],
    ];
    let index = 0;
    const server = await startServer((_request, response) => {
      const [status, body, headers] = answers[index++] as [number, unknown, Record<string, string>];
      if (typeof body === 'string') {
        response.writeHead(status, { 'content-type': 'text/html', ...headers });
        response.end(body);
      } else json(response, status, body, headers);
    });
    const client = createFreelancerClient({ apiRoot: `${server.url}/api`, token: () => token });
    const errors = [];
    for (let call = 0; call < answers.length; call += 1) errors.push(errorOf(await client.send({ method: 'GET', path: '/x/' }, z.object({ id: z.number() }))));
    expect(errors).toEqual([
      { kind: 'auth', status: 401, errorCode: 'RestExceptionCodes.NOT_AUTHENTICATED', message: 'You must be logged in to perform this request' },
      { kind: 'auth', status: 403, errorCode: 'AuthorisationExceptionCodes.FORBIDDEN', message: 'Forbidden' },
      { kind: 'rate_limited', retryAfterMs: 7000 },
      { kind: 'rate_limited', retryAfterMs: null },
      { kind: 'server', status: 503, retryAfterMs: 30_000 },
      { kind: 'server', status: 500, retryAfterMs: null },
      { kind: 'refused', status: 409, errorCode: 'ProjectExceptionCodes.DUPLICATE_BID', message: 'You have already bid on this project' },
      { kind: 'refused', status: 200, errorCode: 'X', message: 'Odd' },
      { kind: 'invalid_answer', reason: 'result.id: Invalid input: expected number, received string' },
      { kind: 'invalid_answer', reason: 'not a Freelancer success envelope' },
    ]);
    expect(JSON.stringify(errors)).not.toContain(token);
  });

  it('a body past the cap is given up while it streams, whatever Content-Length says; a cut body is a network error', async () => {
    let mode: 'endless' | 'cut' = 'endless';
    const server = await startServer(async (_request, response, self) => {
      if (mode === 'endless') {
        response.writeHead(200, { 'content-type': 'application/json' });
        await self.writeCounted(response, '{"status":"success","result":"');
        for (let chunk = 0; chunk < 10_000; chunk += 1) if (!(await self.writeCounted(response, 'x'.repeat(16 * 1024)))) return;
        response.end('"}');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      response.write('{"status":"success","result":{');
      response.socket?.destroy();
    });
    const client = createFreelancerClient({ apiRoot: `${server.url}/api`, token: () => token, maxBytes: 256 * 1024 });
    expect(errorOf(await client.send({ method: 'GET', path: '/x/' }, z.unknown())).kind).toBe('invalid_answer');
    // Given up well before the server's 160 MB: the writer was stopped by the closed stream.
    expect(server.written()).toBeLessThan(8 * 1024 * 1024);
    mode = 'cut';
    expect(errorOf(await client.send({ method: 'GET', path: '/x/' }, z.unknown())).kind).toBe('network');
  });

  it('no answer is a network error without the token; a redirect is not followed (it would carry the token)', async () => {
    const closed = await startServer(() => undefined);
    const url = closed.url;
    await closed.close();
    const unreachable = errorOf(await createFreelancerClient({ apiRoot: `${url}/api`, token: () => token }).send({ method: 'GET', path: '/x/' }, z.unknown()));
    expect(unreachable.kind).toBe('network');
    expect(JSON.stringify(unreachable)).not.toContain(token);

    const elsewhere = await startServer((request, response) => json(response, 200, { status: 'success', result: request.headers['freelancer-oauth-v1'] ?? null }));
    const redirecting = await startServer((_request, response) => {
      response.writeHead(302, { location: `${elsewhere.url}/steal` });
      response.end();
    });
    const redirected = errorOf(await createFreelancerClient({ apiRoot: `${redirecting.url}/api`, token: () => token }).send({ method: 'GET', path: '/x/' }, z.unknown()));
    expect(redirected.kind).toBe('network');
    expect(elsewhere.requests).toEqual([]);
  });
});
