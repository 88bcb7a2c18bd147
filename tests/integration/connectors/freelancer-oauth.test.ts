/**
 * Signing in to Freelancer.com through the browser (OAuth 2.0 authorization code with PKCE, RFC 8252 loopback
 * redirect), end to end over real HTTP against the fixture's accounts site: the core opens the authorization
 * page through the host's browser port (here: a stand-in that follows it as a browser would), the fixture
 * redirects to the core's one-shot loopback listener, the core exchanges the code with its verifier and syncs.
 * The fixture's token endpoint refuses a wrong verifier, a reused code, another redirect URI and an expired code;
 * refresh tokens rotate; a 401 is answered by one refresh before the account signs out. The tokens appear
 * nowhere but the vault: not in the SQLite files, the log or anything the core sends to its clients.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contract, type BottegaClient } from '../../../shared/contract';
import type { AccountSyncStatus } from '../../../shared/contract/sync';
import { createBridge, createClient } from '../../../shared/rpc/bridge';
import { createInProcessPair, type Transport } from '../../../shared/rpc/transport';
import { openCore, type Core } from '../../../electron/core/core';
import { createStandaloneHostServices } from '../../../electron/core/host-services';
import { createPkcePair } from '../../../electron/core/oauth/pkce';
import { createFreelancerSession, freelancerOAuthKey } from '../../../electron/core/connectors/freelancer/session';
import { type FreelancerFixture, startFreelancerFixture } from '../../platform/freelancer/server';
import { waitForStatus } from '../../support/core-harness';
import { useTempDirs } from '../../support/temp-dir';

const makeTempDir = useTempDirs();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const clientId = 'bottega-test-client';

const startFixture = async (autoApprove: 'allow' | 'deny' | null = 'allow'): Promise<FreelancerFixture> => {
  const fixture = await startFreelancerFixture({ seed: 5, scale: 'tiny', anchor: 'now', oauth: { clientId, autoApprove } });
  cleanups.push(() => fixture.close());
  return fixture;
};

/** What a browser does with the authorization page: GET it, follow the fixture's redirect to the loopback listener. */
const followInBrowser = async (url: string, tamper: (location: URL) => URL = (location) => location): Promise<void> => {
  const consent = await fetch(url, { redirect: 'manual' });
  const location = consent.headers.get('location');
  if (consent.status !== 302 || !location) throw new Error(`the authorization page answered ${consent.status}`);
  await fetch(tamper(new URL(location)));
};

type Opened = { core: Core; client: BottegaClient; dataDir: string; frames: string[]; logs: string[]; pages: string[] };

/** A workspace whose browser port records the pages it is asked to open (and follows them unless told not to). */
const openWorkspace = async (
  options: { follow?: (url: string) => Promise<void>; clientIds?: Record<string, string>; timeoutMs?: number; fetch?: typeof fetch } = {},
): Promise<Opened> => {
  const dataDir = makeTempDir();
  const logs: string[] = [];
  const pages: string[] = [];
  const follow = options.follow ?? followInBrowser;
  const core = await openCore({
    dataDir,
    host: 'web',
    version: 'test',
    validateOutput: true,
    platformUrl: null,
    log: (level, message, detail) => logs.push(`${level} ${message} ${detail === undefined ? '' : String(detail)}`),
    hostServices: {
      ...createStandaloneHostServices({ version: 'test', dataDir }),
      // The core listens before it asks for the page: the "browser" may follow it at once, as a real one would.
      browser: {
        openSignInPage: async (url) => {
          pages.push(url);
          void follow(url);
        },
      },
    },
    oauthClientIds: options.clientIds ?? { freelancer: clientId },
    ...(options.timeoutMs ? { browserSignInTimeoutMs: options.timeoutMs } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  cleanups.push(() => core.close());
  const [near, far] = createInProcessPair();
  // Every frame the core sends to its client (the renderer's side), kept to search for secrets.
  const frames: string[] = [];
  const recording: Transport = { ...far, send: (frame) => (frames.push(JSON.stringify(frame)), far.send(frame)) };
  core.serve(recording);
  const client = createClient(contract, createBridge(contract, near));
  return { core, client, dataDir, frames, logs, pages };
};

const accountStatus = (client: BottegaClient, predicate: (status: AccountSyncStatus) => boolean) =>
  waitForStatus(client, (status) => status.accounts.some(predicate)).then((status) => status.accounts.find(predicate)!);

const listFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });

const tokenAt = async (fixture: FreelancerFixture, form: Record<string, string>) => {
  const answer = await fetch(`${fixture.url}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) });
  return { status: answer.status, body: (await answer.json()) as Record<string, unknown> };
};

/** A code from the fixture's authorize endpoint for a PKCE pair and a redirect URI (no loopback listener needed). */
const codeFor = async (fixture: FreelancerFixture, challenge: string, redirectUri = 'http://127.0.0.1:1/callback'): Promise<string> => {
  const query = new URLSearchParams({ response_type: 'code', client_id: clientId, redirect_uri: redirectUri, scope: 'basic', state: 's', code_challenge: challenge, code_challenge_method: 'S256' });
  const answer = await fetch(`${fixture.url}/oauth/authorize?${query}`, { redirect: 'manual' });
  return new URL(answer.headers.get('location') ?? '').searchParams.get('code') ?? '';
};

describe('the fixture’s accounts site', () => {
  it('exchanges a code once, with its verifier and redirect URI, before it expires; refresh tokens rotate', async () => {
    const fixture = await startFixture();
    const pkce = createPkcePair();
    const redirectUri = 'http://127.0.0.1:1/callback';
    const exchange = (code: string, overrides: Record<string, string> = {}) =>
      tokenAt(fixture, { grant_type: 'authorization_code', code, client_id: clientId, redirect_uri: redirectUri, code_verifier: pkce.verifier, ...overrides });

    // A wrong verifier is refused (and spends the code).
    const wrong = await exchange(await codeFor(fixture, pkce.challenge), { code_verifier: createPkcePair().verifier });
    expect(wrong).toEqual({ status: 400, body: { error: 'invalid_grant', error_description: 'code_verifier does not match the code_challenge' } });
    // Another redirect URI than the authorization's is refused.
    expect((await exchange(await codeFor(fixture, pkce.challenge), { redirect_uri: 'http://127.0.0.1:2/callback' })).body.error).toBe('invalid_grant');
    // An expired code is refused.
    const stale = await codeFor(fixture, pkce.challenge);
    fixture.world.advanceClock(61);
    expect((await exchange(stale)).body.error).toBe('invalid_grant');

    const code = await codeFor(fixture, pkce.challenge);
    const first = await exchange(code);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ access_token: expect.any(String), refresh_token: expect.any(String), expires_in: 30 * 86_400, token_type: 'bearer', scope: 'basic' });
    const self = await fetch(`${fixture.url}/api/users/0.1/self/`, { headers: { 'freelancer-oauth-v1': String(first.body['access_token']) } });
    expect(self.status).toBe(200);
    // Reused: refused, and what the first use issued is revoked.
    expect((await exchange(code)).body).toEqual({ error: 'invalid_grant', error_description: 'the authorization code was already used' });
    expect((await fetch(`${fixture.url}/api/users/0.1/self/`, { headers: { 'freelancer-oauth-v1': String(first.body['access_token']) } })).status).toBe(401);

    const fresh = await exchange(await codeFor(fixture, pkce.challenge));
    const refreshed = await tokenAt(fixture, { grant_type: 'refresh_token', refresh_token: String(fresh.body['refresh_token']), client_id: clientId });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body['refresh_token']).not.toBe(fresh.body['refresh_token']);
    // The spent refresh token no longer works.
    expect((await tokenAt(fixture, { grant_type: 'refresh_token', refresh_token: String(fresh.body['refresh_token']), client_id: clientId })).body.error).toBe('invalid_grant');
    // Without PKCE there is no code at all.
    const plain = await fetch(`${fixture.url}/oauth/authorize?${new URLSearchParams({ response_type: 'code', client_id: clientId, redirect_uri: redirectUri })}`, { redirect: 'manual' });
    expect(plain.status).toBe(400);
  });
});

describe('the Freelancer session’s OAuth tokens', () => {
  it('are refreshed shortly before they expire, once for requests made together', async () => {
    const fixture = await startFixture();
    const pkce = createPkcePair();
    const redirectUri = 'http://127.0.0.1:1/callback';
    const issued = await tokenAt(fixture, { grant_type: 'authorization_code', code: await codeFor(fixture, pkce.challenge, redirectUri), client_id: clientId, redirect_uri: redirectUri, code_verifier: pkce.verifier });
    const vault = new Map<string, string>();
    let nowMs = Date.parse('2026-12-01T10:00:00Z');
    const account = { id: 'acc_oauth', platform: 'freelancer', platformUserId: null, label: 'F', baseUrl: fixture.url, state: 'active', createdAt: new Date(nowMs).toISOString() } as const;
    vault.set(freelancerOAuthKey(account), JSON.stringify({ accessToken: issued.body['access_token'], refreshToken: issued.body['refresh_token'], expiresAtMs: nowMs + 3600_000 }));
    const session = createFreelancerSession({
      db: undefined as never,
      account,
      secrets: { readSecret: async (key) => vault.get(key) ?? null, writeSecret: async (key, value) => void vault.set(key, value), deleteSecret: async (key) => void vault.delete(key) },
      endpointsFor: () => {
        throw new Error('no API call expected');
      },
      oauth: { clientId, accountsOrigin: fixture.url },
      now: () => new Date(nowMs),
    });
    // An hour left: used as is.
    expect(await session.readToken()).toBe(issued.body['access_token']);
    expect(fixture.oauth.counts().refreshes).toBe(0);
    // Four minutes left (under the five-minute margin): refreshed first, by one request for three callers.
    nowMs += 56 * 60_000;
    const tokens = await Promise.all([session.readToken(), session.readToken(), session.readToken()]);
    expect(fixture.oauth.counts().refreshes).toBe(1);
    expect(new Set(tokens).size).toBe(1);
    expect(tokens[0]).not.toBe(issued.body['access_token']);
    expect(JSON.parse(vault.get(freelancerOAuthKey(account)) ?? '{}')).toMatchObject({ accessToken: tokens[0], refreshToken: expect.not.stringMatching(String(issued.body['refresh_token'])) });
    const self = await fetch(`${fixture.url}/api/users/0.1/self/`, { headers: { 'freelancer-oauth-v1': tokens[0] ?? '' } });
    expect(self.status).toBe(200);
  });
});

describe('signing in to Freelancer.com through the browser', () => {
  it('adds the account over the whole flow, syncs it, and keeps the tokens out of SQLite, the log and the client', async () => {
    const fixture = await startFixture();
    const opened = await openWorkspace();
    const { client, core, dataDir, pages } = opened;
    expect(await client.accounts.listSignInMethods()).toContainEqual({ platform: 'freelancer', methods: ['token', 'oauth_pkce'] });

    const result = await client.accounts.signInWithBrowser({ flowId: 'flow-first-1', platform: 'freelancer', baseUrl: fixture.url, locale: 'en' });
    if (!result.ok) throw new Error(result.reason);
    expect(result.account).toMatchObject({ platform: 'freelancer', platformUserId: String(fixture.selfId), signInMethods: ['token', 'oauth_pkce'] });
    // The page opened: the fixture's authorize endpoint with the documented parameters, PKCE and a state.
    const authorize = new URL(pages[0] ?? '');
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${fixture.url}/oauth/authorize`);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/callback$/),
      scope: 'basic',
      advanced_scopes: '2 5 6',
      code_challenge_method: 'S256',
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      state: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/),
    });
    expect(authorize.searchParams.has('client_secret')).toBe(false);
    await accountStatus(client, (status) => status.id === result.account.id && status.lastSyncAt !== null && status.phase === 'idle');
    expect((core.db.prepare("SELECT count(*) AS n FROM threads WHERE id LIKE 'thr_fl-%'").get() as { n: number }).n).toBe(fixture.world.allThreads().length);

    // The tokens the fixture issued: in the vault, and nowhere else.
    const vault = readFileSync(path.join(dataDir, 'secrets', 'vault.json'), 'utf8');
    const stored = JSON.parse((JSON.parse(vault) as Record<string, string>)[`account.${result.account.id}.oauth`] ?? 'null') as { accessToken: string; refreshToken: string } | null;
    expect(stored).toMatchObject({ accessToken: expect.stringMatching(/^fl-oauth-/), refreshToken: expect.stringMatching(/^fl-refresh-/) });
    const secrets = [stored!.accessToken, stored!.refreshToken];
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    for (const file of listFiles(dataDir).filter((name) => !name.endsWith('vault.json'))) {
      const bytes = readFileSync(file);
      for (const secret of secrets) expect(bytes.includes(secret), `${path.relative(dataDir, file)} holds a token`).toBe(false);
    }
    for (const secret of secrets) {
      expect(opened.frames.some((frame) => frame.includes(secret)), 'a frame to the client holds a token').toBe(false);
      expect(opened.logs.some((line) => line.includes(secret)), 'the log holds a token').toBe(false);
    }
    // Neither the code nor the state travelled to the client either.
    expect(opened.frames.some((frame) => frame.includes(authorize.searchParams.get('state') ?? '-'))).toBe(false);
  });

  it('refreshes on a 401 once, waits while the token endpoint is unreachable, and signs out only when the refresh is refused', async () => {
    const fixture = await startFixture();
    // The accounts site's token endpoint can be cut off, as a network failure would (the API stays reachable).
    let tokenEndpointDown = false;
    const network: typeof fetch = async (input, init) => {
      if (tokenEndpointDown && String(input instanceof Request ? input.url : input).endsWith('/oauth/token')) throw new TypeError('fetch failed');
      return fetch(input, init);
    };
    const { client } = await openWorkspace({ fetch: network });
    const result = await client.accounts.signInWithBrowser({ flowId: 'flow-refresh-1', platform: 'freelancer', baseUrl: fixture.url, locale: 'en' });
    if (!result.ok) throw new Error(result.reason);
    const id = result.account.id;
    await accountStatus(client, (status) => status.id === id && status.lastSyncAt !== null && status.phase === 'idle');
    const before = (await accountStatus(client, (status) => status.id === id)).lastSyncAt;

    // Every access token revoked: the next round meets 401, refreshes once and goes on.
    fixture.oauth.revokeAccessTokens();
    await client.sync.syncNow();
    await accountStatus(client, (status) => status.id === id && status.lastSyncAt !== before && status.phase === 'idle' && status.connection === 'online');
    expect(fixture.oauth.counts().refreshes).toBe(1);

    // Revoked again while the token endpoint cannot be reached: a network problem to wait out, not a sign-out.
    fixture.oauth.revokeAccessTokens();
    tokenEndpointDown = true;
    await client.sync.syncNow();
    const waiting = await accountStatus(client, (status) => status.id === id && status.lastError !== null);
    expect(waiting.connection).not.toBe('signed_out');
    expect(waiting.lastError).toMatchObject({ code: 'network' });
    tokenEndpointDown = false;

    // Refresh tokens revoked too: the 401's one refresh is refused, and only then does the account sign out.
    fixture.oauth.revokeRefreshTokens();
    await client.sync.syncNow();
    await accountStatus(client, (status) => status.id === id && status.connection === 'signed_out');
    expect(fixture.oauth.counts()).toMatchObject({ refreshes: 1, refused: 1 });
  });

  it('signs a signed-out account in again through the browser; a pasted token then replaces the OAuth tokens', async () => {
    const fixture = await startFixture();
    const { client, dataDir } = await openWorkspace();
    const added = await client.accounts.signInWithBrowser({ flowId: 'flow-again-1', platform: 'freelancer', baseUrl: fixture.url, locale: 'it' });
    if (!added.ok) throw new Error(added.reason);
    const id = added.account.id;
    // The file vault removes its file once it holds nothing.
    const file = path.join(dataDir, 'secrets', 'vault.json');
    const vault = (): Record<string, string> => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {});
    await client.accounts.signOutAccount({ id });
    await accountStatus(client, (status) => status.id === id && status.connection === 'signed_out');
    expect(vault()[`account.${id}.oauth`]).toBeUndefined();

    const again = await client.accounts.signInWithBrowser({ flowId: 'flow-again-2', platform: 'freelancer', accountId: id, locale: 'it' });
    expect(again).toMatchObject({ ok: true, account: { id } });
    expect(await client.accounts.listAccounts()).toHaveLength(1);
    await accountStatus(client, (status) => status.id === id && status.connection === 'online' && status.phase === 'idle');
    expect(vault()[`account.${id}.oauth`]).toMatch(/"refreshToken":"fl-refresh-/);

    // One way of signing in at a time: the token's key replaces the OAuth one.
    expect(await client.accounts.signInAccount({ id, credentials: { kind: 'token', token: fixture.token } })).toMatchObject({ ok: true });
    expect(vault()[`account.${id}.oauth`]).toBeUndefined();
    expect(vault()[`account.${id}.token`]).toBe(fixture.token);
  });

  it('refuses a redirect with another state, says the user declined, times out, and can be cancelled; nothing is added', async () => {
    const fixture = await startFixture();
    // A redirect whose state was altered on its way back (a forged or another sign-in's answer).
    const forged = await openWorkspace({
      follow: (url) =>
        followInBrowser(url, (location) => {
          location.searchParams.set('state', 'not-the-state-sent');
          return location;
        }),
    });
    expect(await forged.client.accounts.signInWithBrowser({ flowId: 'flow-forged-1', platform: 'freelancer', baseUrl: fixture.url, locale: 'en' })).toEqual({ ok: false, reason: 'state_mismatch' });
    expect(fixture.oauth.counts().codeExchanges).toBe(0);
    expect(await forged.client.accounts.listAccounts()).toEqual([]);

    await fetch(`${fixture.url}/__fixture/oauth`, { method: 'PUT', body: JSON.stringify({ auto_approve: 'deny' }) });
    const denied = await openWorkspace();
    expect(await denied.client.accounts.signInWithBrowser({ flowId: 'flow-denied-1', platform: 'freelancer', baseUrl: fixture.url, locale: 'en' })).toEqual({ ok: false, reason: 'denied' });

    // The user never comes back: it times out; or presses Cancel while it waits.
    const idle = await openWorkspace({ follow: async () => undefined, timeoutMs: 200 });
    expect(await idle.client.accounts.signInWithBrowser({ flowId: 'flow-idle-1', platform: 'freelancer', baseUrl: fixture.url, locale: 'en' })).toEqual({ ok: false, reason: 'timed_out' });
    let opened: () => void = () => undefined;
    const pageOpened = new Promise<void>((resolve) => (opened = resolve));
    const waiting = await openWorkspace({ follow: async () => opened() });
    const pending = waiting.client.accounts.signInWithBrowser({ flowId: 'flow-cancel-1', platform: 'freelancer', baseUrl: fixture.url, locale: 'en' });
    await pageOpened;
    expect(await waiting.client.accounts.cancelBrowserSignIn({ flowId: 'flow-cancel-1' })).toEqual({ cancelled: true });
    expect(await pending).toEqual({ ok: false, reason: 'cancelled' });
    expect(await waiting.client.accounts.listAccounts()).toEqual([]);
  });

  it('is not offered by a build without a client id, and never opens a page outside the allow-list', async () => {
    const fixture = await startFixture();
    const { client, pages } = await openWorkspace({ clientIds: {} });
    expect(await client.accounts.listSignInMethods()).toContainEqual({ platform: 'freelancer', methods: ['token'] });
    expect(await client.accounts.signInWithBrowser({ flowId: 'flow-none-1', platform: 'freelancer', baseUrl: fixture.url, locale: 'en' })).toEqual({ ok: false, reason: 'no_client_id' });
    const other = await openWorkspace();
    // An https server that is not Freelancer.com's: its sign-in pages are not ones Bottega opens.
    expect(await other.client.accounts.signInWithBrowser({ flowId: 'flow-other-1', platform: 'freelancer', baseUrl: 'https://freelancer.example.com', locale: 'en' })).toEqual({ ok: false, reason: 'unsupported' });
    expect(pages).toEqual([]);
    expect(other.pages).toEqual([]);
  });
});
