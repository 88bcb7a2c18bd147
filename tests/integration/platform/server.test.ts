/** Tokens, rate limiting, seed determinism, scales, faults, live mode and the CLI of the reference server. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { changesEnvelopePageSchema, changesPageSchema, parseChange } from '../../../shared/platform/changes';
import { decideFaults, parseFaultSpec } from '../../platform/faults';
import { resolveScale } from '../../platform/seed';
import type { PlatformServer } from '../../platform/server';
import { bootPlatform, call, newKey, pullAll, rawCall, signIn } from './helpers';

const servers: PlatformServer[] = [];
const boot = async (options: Parameters<typeof bootPlatform>[0] = {}): Promise<PlatformServer> => {
  const server = await bootPlatform(options);
  servers.push(server);
  return server;
};

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const refresh = (server: PlatformServer, refreshToken: string) =>
  call(server, 'createToken', '/v1/oauth/token', { body: { grant_type: 'refresh_token', refresh_token: refreshToken } });

describe('tokens', () => {
  it('expire after their lifetime and are renewed with the refresh token', async () => {
    const server = await boot({ tokenTtlSeconds: 60 });
    const tokens = await signIn(server);
    expect(tokens.expires_in).toBe(60);
    expect((await call(server, 'getMe', '/v1/me', { token: tokens.access_token })).status).toBe(200);
    await call(server, 'simulateClock', '/v1/simulation/clock', { body: { advance_seconds: 61 } });
    const expired = await call(server, 'listChanges', '/v1/changes', { token: tokens.access_token });
    expect(expired.status).toBe(401);
    expect(expired.json).toMatchObject({ error: 'invalid_token', message: 'the access token has expired' });
    expect(expired.headers.get('www-authenticate')).toContain('error="invalid_token"');

    const renewed = await refresh(server, tokens.refresh_token);
    expect(renewed.status).toBe(200);
    const next = renewed.json as { access_token: string; refresh_token: string };
    expect(next.refresh_token).not.toBe(tokens.refresh_token);
    expect((await call(server, 'listChanges', '/v1/changes', { token: next.access_token })).status).toBe(200);
    // A lost answer can be retried with the old refresh token for a short while; not after.
    expect((await refresh(server, tokens.refresh_token)).status).toBe(200);
    await call(server, 'simulateClock', '/v1/simulation/clock', { body: { advance_seconds: 61 } });
    const reused = await refresh(server, tokens.refresh_token);
    expect(reused.status).toBe(400);
    expect(reused.json).toMatchObject({ error: 'invalid_grant' });
    expect((await refresh(server, next.refresh_token)).status).toBe(200);
  });

  it('ends an event stream once its token has expired', async () => {
    const server = await boot({ tokenTtlSeconds: 60, heartbeatMs: 20 });
    const { access_token: token } = await signIn(server);
    const response = await fetch(`${server.url}/v1/events`, { headers: { authorization: `Bearer ${token}` } });
    const reader = response.body?.getReader() as ReadableStreamDefaultReader<Uint8Array>;
    await reader.read();
    server.advanceClock(120);
    let done = false;
    for (let chunk = 0; chunk < 500 && !done; chunk += 1) done = (await reader.read()).done;
    expect(done).toBe(true);
  });
});

describe('rate limiting', () => {
  it('answers 429 with Retry-After when a user sends too many requests', async () => {
    const server = await boot({ rateLimit: { perSecond: 1, burst: 3 } });
    const { access_token: token } = await signIn(server);
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof call>> | undefined;
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const result = await call(server, 'getMe', '/v1/me', { token });
      statuses.push(result.status);
      if (result.status === 429) limited = result;
    }
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses).toContain(429);
    expect(limited?.json).toMatchObject({ error: 'rate_limited' });
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});

describe('seed', () => {
  it('is deterministic: the same seed gives the same feed, another seed another', async () => {
    const snapshot = async (seed: number): Promise<string> => {
      const server = await boot({ seed, scale: 40 });
      const { changes } = await pullAll(server, (await signIn(server)).access_token, { limit: 1000 });
      return JSON.stringify(changes);
    };
    const first = await snapshot(11);
    expect(await snapshot(11)).toBe(first);
    expect(await snapshot(12)).not.toBe(first);
  });

  it('scales: N projects with the other counts in proportion', async () => {
    expect(resolveScale('large')).toMatchObject({ projects: 100_000, clients: 10_000, threads: 50_000, messages: 500_000 });
    expect(resolveScale(2000)).toMatchObject({ projects: 2000, clients: 200, threads: 1000, messages: 10_000 });
    expect(() => resolveScale('huge')).toThrow(/scale/);
    const server = await boot({ scale: 200 });
    const counts = server.store.db
      .prepare<[], { type: string; n: number }>('SELECT type, COUNT(*) AS n FROM records GROUP BY type')
      .all();
    const byType = Object.fromEntries(counts.map((row) => [row.type, row.n]));
    expect(byType).toMatchObject({ project: 200, client: 20, thread: 100, message: 1000 });
  });

  it('writes postings in the languages clients use, with budgets in minor units', async () => {
    const server = await boot({ scale: 400 });
    const { changes } = await pullAll(server, (await signIn(server)).access_token, { limit: 1000 });
    const projects = changes.filter((change) => change.type === 'project').map((change) => change.data as { language: string; budget: { min_minor: number; currency: string } });
    const languages = new Set(projects.map((project) => project.language));
    for (const language of ['it', 'en', 'de', 'fr', 'es']) expect(languages.has(language)).toBe(true);
    expect(new Set(projects.map((project) => project.budget.currency)).size).toBeGreaterThan(3);
    expect(projects.every((project) => Number.isInteger(project.budget.min_minor) && project.budget.min_minor % 100 === 0)).toBe(true);
  });

  it('reuses an existing database in dataDir instead of seeding again', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'platform-reuse-'));
    try {
      const first = await bootPlatform({ dataDir, seed: 5 });
      const { access_token: token } = await signIn(first);
      await call(first, 'postMessage', '/v1/threads/thr_000001/messages', { token, idempotencyKey: newKey(), body: { body: 'kept' } });
      const before = await pullAll(first, token, { limit: 1000 });
      await first.close();
      const second = await bootPlatform({ dataDir, seed: 5 });
      servers.push(second);
      expect(second.seed).toBeNull();
      const after = await pullAll(second, (await signIn(second)).access_token, { limit: 1000 });
      expect(after.changes).toEqual(before.changes);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('faults', () => {
  it('parses the SPEC and rejects nonsense', () => {
    expect(parseFaultSpec('latency=0.5@10-20,error=0.1,unavailable=0.2@3,ratelimit=0.3,drop=0.01,truncate=0.02,invalid=0.05')).toEqual({
      latency: { probability: 0.5, minMs: 10, maxMs: 20 },
      error: { probability: 0.1 },
      unavailable: { probability: 0.2, retryAfterSeconds: 3 },
      ratelimit: { probability: 0.3, retryAfterSeconds: 1 },
      drop: { probability: 0.01 },
      truncate: { probability: 0.02 },
      invalid: { probability: 0.05 },
    });
    expect(() => parseFaultSpec('error=2')).toThrow(/between 0 and 1/);
    expect(() => parseFaultSpec('gremlins=0.1')).toThrow(/unknown fault/);
    expect(() => parseFaultSpec('latency')).toThrow(/NAME=PROBABILITY/);
  });

  it('is reproducible from the seed', () => {
    const spec = parseFaultSpec('error=0.3,drop=0.2,latency=0.5@1-100');
    const run = (seed: number) => Array.from({ length: 50 }, (_, index) => {
      const decision = decideFaults(spec, seed, index + 1);
      return [decision.status, decision.drop, decision.delayMs];
    });
    expect(run(3)).toEqual(run(3));
    expect(run(3)).not.toEqual(run(4));
  });

  it('injects 500, 503 and 429 answers with Retry-After', async () => {
    const errors = await boot({ faults: 'error=1' });
    const failed = await call(errors, 'getOpenApi', '/v1/openapi.json');
    expect(failed.status).toBe(500);
    expect(failed.json).toMatchObject({ error: 'internal' });
    const unavailable = await boot({ faults: 'unavailable=1@7' });
    const busy = await rawCall(unavailable, 'GET', '/v1/changes');
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('7');
    const limited = await boot({ faults: 'ratelimit=1@2' });
    const slow = await rawCall(limited, 'GET', '/v1/me');
    expect(slow.status).toBe(429);
    expect(slow.headers.get('retry-after')).toBe('2');
  });

  it('drops connections', async () => {
    const server = await boot({ faults: 'drop=1' });
    await expect(fetch(`${server.url}/v1/openapi.json`)).rejects.toThrow();
  });

  it('truncates bodies after applying a write, which a retry with the same key replays whole', async () => {
    const server = await boot({ faults: 'truncate=0.5', seed: 21 });
    let token: string | undefined;
    for (let attempt = 0; attempt < 50 && !token; attempt += 1) {
      const result = await rawCall(server, 'POST', '/v1/oauth/token', {
        body: { grant_type: 'password', username: 'demo@bottega.test', password: 'bottega-demo' },
      }).catch(() => null);
      token = (result?.json as { access_token?: string } | undefined)?.access_token;
    }
    if (!token) throw new Error('no token within 50 attempts');
    const key = newKey('truncated');
    const bodies: string[] = [];
    let truncated = 0;
    for (let attempt = 0; attempt < 50 && (bodies.length < 2 || truncated === 0); attempt += 1) {
      try {
        const result = await rawCall(server, 'POST', '/v1/threads/thr_000001/messages', { token, idempotencyKey: key, body: { body: 'Once only' } });
        bodies.push(result.text);
      } catch {
        truncated += 1;
      }
    }
    expect(truncated).toBeGreaterThan(0);
    expect(bodies.length).toBeGreaterThanOrEqual(2);
    expect(new Set(bodies).size).toBe(1);
    const messages = server.store.db
      .prepare("SELECT COUNT(*) AS n FROM records WHERE type = 'message' AND json_extract(data, '$.body') = 'Once only'")
      .get() as { n: number };
    expect(messages.n).toBe(1);
  });

  it('puts schema-invalid records into the feed inside valid envelopes', async () => {
    const server = await boot({ faults: 'invalid=1' });
    const { access_token: token } = await signIn(server);
    const result = await rawCall(server, 'GET', '/v1/changes?limit=50', { token });
    expect(changesPageSchema.safeParse(result.json).success).toBe(false);
    const page = changesEnvelopePageSchema.parse(result.json);
    expect(page.changes).toHaveLength(50);
    expect(page.changes.every((change) => !parseChange(change).ok)).toBe(true);
  });
});

describe('live mode', () => {
  it('makes the other side act on its own', async () => {
    const server = await boot({ live: true, liveIntervalMs: 10 });
    const { access_token: token } = await signIn(server);
    const start = await pullAll(server, token, { limit: 1000 });
    let changes = 0;
    for (let attempt = 0; attempt < 200 && changes === 0; attempt += 1) {
      await sleep(10);
      changes = (await pullAll(server, token, { cursor: start.cursor })).changes.length;
    }
    expect(changes).toBeGreaterThan(0);
  });
});

describe('CLI', () => {
  it('prints the URL it listens on and serves the contract', async () => {
    const cli = path.resolve('tests/platform/cli.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0', '--seed', '7', '--scale', 'demo', '--simulation'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /Bottega platform listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (match?.[1]) resolve(match[1]);
        });
        child.on('exit', (code) => reject(new Error(`cli exited with ${code}: ${output}`)));
      });
      const server = { url };
      const tokens = await signIn(server);
      const page = await call(server, 'listChanges', '/v1/changes?limit=5', { token: tokens.access_token });
      expect(page.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
