import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyPage, json, startStubService, stubSessionKey, type StubRequest } from '../../support/stub-platform';
import { useTempDirs } from '../../support/temp-dir';

const makeTempDir = useTempDirs();
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
  vi.useRealTimers();
});

const fresh = { access_token: 'access-2', refresh_token: 'refresh-2', token_type: 'Bearer', expires_in: 3600 };

/**
 * The stored access token has expired (the platform answers it 401); the refresh endpoint answers what
 * `refreshAnswers` says, one per refresh, then a fresh token pair (refused `refuseFreshToken` times at first).
 */
const start = async (refreshAnswers: (() => Response | Error)[], options: { refuseFreshToken?: number } = {}) => {
  let refuseFresh = options.refuseFreshToken ?? 0;
  const answer = (request: StubRequest): Response | Error => {
    if (request.path === '/v1/oauth/token') return (refreshAnswers.shift() ?? (() => json(200, fresh)))();
    // Realtime is away: only the sync loop's requests meet the expired token.
    if (request.path === '/v1/events') return json(503, { error: 'unavailable', message: 'no events here' });
    if (request.authorization !== 'Bearer access-2') return json(401, { error: 'unauthorized', message: 'token expired' });
    // A replica behind: the token it just issued is not known there yet.
    if (refuseFresh > 0) {
      refuseFresh--;
      return json(401, { error: 'unauthorized', message: 'unknown token' });
    }
    return emptyPage();
  };
  const stub = await startStubService(makeTempDir(), answer, { random: () => 0.999 });
  cleanups.push(() => stub.db.close(), () => stub.service.stop());
  return stub;
};

describe('a token refresh that gets no answer', () => {
  for (const [name, failure] of [
    ['a 503', () => json(503, { error: 'unavailable', message: 'down for a moment' })],
    ['a 500', () => new Response('oops', { status: 500 })],
    ['a 429 with Retry-After', () => json(429, { error: 'rate_limited', message: 'slow down' }, { 'retry-after': '3' })],
    ['no network', () => new TypeError('fetch failed')],
    ['a 200 without a token', () => new Response('<html>portal</html>', { status: 200, headers: { 'content-type': 'text/html' } })],
  ] as const) {
    it(`keeps the session through ${name}, never resends the expired token at once, and refreshes on a later try`, async () => {
      const { service, requests, events, secrets } = await start([failure, failure]);
      await service.start();
      await vi.advanceTimersByTimeAsync(20_000);

      expect(events.some((e) => e.connection === 'signed_out')).toBe(false);
      expect(service.status()).toMatchObject({ connection: 'online', phase: 'idle', lastError: null });
      expect(JSON.parse(secrets.values.get(stubSessionKey)!)).toEqual({ accessToken: 'access-2', refreshToken: 'refresh-2' });
      // Each failed refresh is followed by a wait, not by the expired token sent again.
      const refreshes = requests.filter((r) => r.path === '/v1/oauth/token');
      expect(refreshes).toHaveLength(3);
      const pulls = requests.filter((r) => r.path === '/v1/changes');
      expect(pulls.map((r) => r.authorization)).toEqual(['Bearer access-1', 'Bearer access-1', 'Bearer access-1', 'Bearer access-2']);
      for (const [i, refresh] of refreshes.slice(0, 2).entries()) {
        const nextPull = pulls.find((r) => r.at > refresh.at)!;
        expect(nextPull.at - refresh.at).toBeGreaterThanOrEqual(name.includes('429') ? 3000 : Math.floor(500 * 2 ** i * 0.999));
      }
    });
  }
});

describe('a freshly refreshed token the platform refuses once', () => {
  it('keeps the session: the round waits and goes on with that token', async () => {
    const { service, requests, events, secrets } = await start([], { refuseFreshToken: 1 });
    await service.start();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(events.some((e) => e.connection === 'signed_out')).toBe(false);
    expect(service.status()).toMatchObject({ connection: 'online', phase: 'idle', lastError: null });
    expect(JSON.parse(secrets.values.get(stubSessionKey)!)).toEqual({ accessToken: 'access-2', refreshToken: 'refresh-2' });
    expect(requests.filter((r) => r.path === '/v1/changes').map((r) => r.authorization)).toEqual(['Bearer access-1', 'Bearer access-2', 'Bearer access-2']);
  });
});

describe('a refresh token the platform refuses', () => {
  for (const [name, refusal] of [
    ['400 invalid_grant', () => json(400, { error: 'invalid_grant', error_description: 'the refresh token is invalid, expired or already used' })],
    ['401', () => json(401, { error: 'invalid_client' })],
  ] as const) {
    it(`signs out on ${name}, forgetting the tokens, and sends nothing more`, async () => {
      const { service, requests, secrets } = await start([refusal]);
      await service.start();
      await vi.advanceTimersByTimeAsync(20_000);
      expect(service.status()).toMatchObject({ connection: 'signed_out', account: null });
      expect(secrets.values.has(stubSessionKey)).toBe(false);
      expect(requests.filter((r) => r.path !== '/v1/events').map((r) => r.path)).toEqual(['/v1/changes', '/v1/oauth/token']);
    });
  }
});
