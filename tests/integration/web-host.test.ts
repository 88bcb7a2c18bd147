import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { migrations } from '../../electron/core/db/migrations';
import { startWebHost, type WebHost } from '../../electron/web-host/web-host';
import { resolveStaticPath } from '../../electron/web-host/static-files';
import { useTempDirs } from '../support/temp-dir';

const makeTempDir = useTempDirs();
const hosts: WebHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
});

const start = async () => {
  const rendererDir = makeTempDir();
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Bottega</title>');
  mkdirSync(path.join(rendererDir, 'assets'));
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'export {};');
  const host = await startWebHost({ dataDir: makeTempDir(), version: '0.0.0-test', rendererDir });
  hosts.push(host);
  return host;
};

const get = (url: string, headers: Record<string, string> = {}) =>
  new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    request(url, { headers }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    })
      .on('error', reject)
      .end();
  });

const openSocket = (host: WebHost, options: { token?: string; origin?: string }) =>
  new Promise<{ opened: boolean; status?: number; socket: WebSocket }>((resolve) => {
    const socket = new WebSocket(
      `${host.origin.replace('http', 'ws')}/rpc?token=${encodeURIComponent(options.token ?? host.token)}`,
      { origin: options.origin ?? host.origin },
    );
    socket.on('open', () => resolve({ opened: true, socket }));
    socket.on('unexpected-response', (_request, response) => resolve({ opened: false, status: response.statusCode, socket }));
    socket.on('error', () => resolve({ opened: false, socket }));
  });

describe('web-host', () => {
  it('listens on loopback only and serves the renderer with a strict CSP', async () => {
    const host = await start();
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.url).toContain(`token=${host.token}`);
    const page = await get(`${host.origin}/`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Bottega</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect((await get(`${host.origin}/assets/app.js`)).headers['content-type']).toMatch(/javascript/);
  });

  it('refuses foreign Host headers (DNS rebinding) and paths outside the renderer', async () => {
    const host = await start();
    expect((await get(`${host.origin}/`, { Host: 'evil.example:80' })).status).toBe(403);
    expect((await get(`${host.origin}/..%2f..%2fpackage.json`)).status).toBe(404);
    expect(resolveStaticPath('/srv/app', '/../../etc/passwd')).toBeNull();
    expect(resolveStaticPath('/srv/app', '/%2e%2e/secret')).toBeNull();
    expect(resolveStaticPath('/srv/app', '/a%00.js')).toBeNull();
    expect(resolveStaticPath('/srv/app', '/%E0%A4%A')).toBeNull();
    expect(resolveStaticPath('/srv/app', '/assets/app.js')).toBe(path.resolve('/srv/app/assets/app.js'));
  });

  it('bridges the contract only for its own origin with this run’s token', async () => {
    const host = await start();
    const wrongToken = await openSocket(host, { token: 'guess' });
    expect(wrongToken).toMatchObject({ opened: false, status: 401 });
    const wrongOrigin = await openSocket(host, { origin: 'http://evil.example' });
    expect(wrongOrigin).toMatchObject({ opened: false, status: 401 });

    const { opened, socket } = await openSocket(host, {});
    expect(opened).toBe(true);
    const answer = new Promise<unknown>((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)))));
    socket.send(JSON.stringify({ kind: 'request', id: 1, channel: 'app.getInfo' }));
    expect(await answer).toEqual({
      kind: 'response',
      id: 1,
      ok: true,
      value: { version: '0.0.0-test', schemaVersion: migrations.length, host: 'web' },
    });
    socket.close();
  });
});
