import { afterEach, describe, expect, it } from 'vitest';
import { startRealtime, type Realtime } from '../../../electron/core/sync/realtime';
import { useLoopbackServers, waitUntil } from '../../support/loopback-server';

const startServer = useLoopbackServers();
const running: Realtime[] = [];
afterEach(() => {
  for (const realtime of running.splice(0)) realtime.stop();
});

const tokens = { getAccessToken: () => Promise.resolve('token'), refresh: () => Promise.resolve({ kind: 'refused' as const }) };

const listen = (url: string, idleTimeoutMs: number) => {
  const seen = { changes: 0, connected: 0, dropped: 0 };
  running.push(
    startRealtime({
      baseUrl: url,
      tokens,
      idleTimeoutMs,
      onChanges: () => seen.changes++,
      onConnection: (connected) => (connected ? seen.connected++ : seen.dropped++),
    }),
  );
  return seen;
};

const sseHead = { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store' };

describe('the realtime stream over real HTTP', () => {
  it('drops a stream that goes silent after connecting and opens a new one', async () => {
    const server = await startServer((_request, response) => {
      response.writeHead(200, sseHead);
      // Then nothing, ever: a half-open connection after the network changed looks exactly like this.
      response.write(': connected\n\n');
    });
    const seen = listen(server.url, 300);
    await waitUntil(() => seen.connected === 1, 'the first connection');
    await waitUntil(() => server.requests.length >= 2, 'a second connection after the silence');
    expect(seen.dropped).toBeGreaterThanOrEqual(1);
    expect(seen.connected).toBeGreaterThanOrEqual(1);
  });

  it('gives up on a server that accepts the request and never answers it', async () => {
    const server = await startServer(() => {
      // No status line, no headers.
    });
    const seen = listen(server.url, 300);
    await waitUntil(() => server.requests.length >= 2, 'a second attempt after the silent first one');
    expect(seen.connected).toBe(0);
  });

  it('keeps a stream whose heartbeats arrive in time, and follows its events', async () => {
    const server = await startServer(async (_request, response, self) => {
      response.writeHead(200, sseHead);
      for (let beat = 0; beat < 15 && (await self.writeCounted(response, `: heartbeat ${beat}\n\n`)); beat++) {
        if (beat === 5) await self.writeCounted(response, 'event: changes\ndata: {}\n\n');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    });
    const seen = listen(server.url, 1_000);
    await waitUntil(() => seen.changes >= 2, 'the pull on connect and the event');
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(server.requests).toHaveLength(1);
    expect(seen.dropped).toBe(0);
  });

  it('drops a stream whose event never ends instead of buffering it', async () => {
    const server = await startServer(async (_request, response, self) => {
      response.writeHead(200, sseHead);
      if (!(await self.writeCounted(response, 'event: changes\ndata: '))) return;
      // One line that grows (up to 32 MiB here, forever on a hostile server) faster than the idle watchdog fires.
      const filler = 'x'.repeat(16 * 1024);
      while (self.written() < 32 * 1024 * 1024 && (await self.writeCounted(response, filler))) await new Promise((resolve) => setImmediate(resolve));
    });
    const seen = listen(server.url, 10_000);
    await waitUntil(() => server.requests.length >= 2, 'a new connection after the endless event');
    expect(seen.dropped).toBeGreaterThanOrEqual(1);
    // The client stopped reading the first stream well before it held megabytes of one line.
    expect(server.written()).toBeLessThan(16 * 1024 * 1024);
  });
});
