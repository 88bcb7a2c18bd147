import { createServer, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlatformClient, maxJsonBytes } from '../../../electron/core/sync/platform-client';
import { useLoopbackServers } from '../../support/loopback-server';

const startServer = useLoopbackServers();
const tokens = { getAccessToken: () => Promise.resolve('token'), refresh: () => Promise.resolve({ kind: 'refused' as const }) };
const chunk = Buffer.alloc(64 * 1024, 'a');
const mib = 1024 * 1024;

const rawServers: (() => void)[] = [];
afterEach(() => {
  for (const close of rawServers.splice(0)) close();
});

/** A body that never ends, sent as fast as the client reads it, until the client hangs up. */
const endless = async (write: (bytes: Buffer) => Promise<boolean>): Promise<void> => {
  while (await write(chunk)) {
    // Keep going: the client must be the one to stop.
  }
};

describe('the platform client reads a body with a running byte count', () => {
  it('refuses an endless chunked page past its limit without reading the rest', async () => {
    const server = await startServer(async (_request, response, self) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      await endless((bytes) => self.writeCounted(response, bytes));
    });
    const client = createPlatformClient({ baseUrl: server.url, tokens });
    const result = await client.send({ method: 'GET', path: '/v1/changes', accept: 'bytes', maxBytes: 2 * mib });
    expect(result).toMatchObject({ kind: 'rejected', status: 413, reason: `the answer is more than ${2 * mib} bytes` });
    // What was sent before the client hung up: its limit plus what sockets buffer, not the endless rest.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.written()).toBeLessThan(2 * mib + 16 * mib);
  });

  it('refuses a JSON answer with no length that outgrows the JSON limit, instead of reading it whole', async () => {
    const server = await startServer(async (_request, response, self) => {
      response.writeHead(201, { 'content-type': 'application/json' });
      if (!(await self.writeCounted(response, '{"id":"x","padding":"'))) return;
      await endless((bytes) => self.writeCounted(response, bytes));
    });
    const client = createPlatformClient({ baseUrl: server.url, tokens });
    const result = await client.send({ method: 'POST', path: '/v1/threads/t/messages', body: { id: 'm', body: 'ciao' } });
    expect(result).toMatchObject({ kind: 'rejected', status: 413, reason: `the answer is more than ${maxJsonBytes} bytes` });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.written()).toBeLessThan(maxJsonBytes + 16 * mib);
  });

  it('counts the bytes of a body read until the connection closes, whatever its Content-Length said', async () => {
    // A raw socket: HTTP/1.0-style body without Content-Length or chunking, ended only by closing.
    let sent = 0;
    const raw = createServer((socket) => {
      socket.on('error', () => undefined);
      socket.once('data', () => {
        socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/octet-stream\r\nconnection: close\r\n\r\n');
        const pump = (): void => {
          while (!socket.destroyed && sent < 256 * mib) {
            sent += chunk.byteLength;
            if (!socket.write(chunk)) return void socket.once('drain', pump);
          }
        };
        pump();
      });
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    rawServers.push(() => raw.close());
    const url = `http://127.0.0.1:${(raw.address() as AddressInfo).port}`;
    const client = createPlatformClient({ baseUrl: url, tokens });
    const result = await client.send({ method: 'GET', path: '/v1/uploads/abc', accept: 'bytes', maxBytes: mib });
    expect(result).toMatchObject({ kind: 'rejected', status: 413 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sent).toBeLessThan(mib + 16 * mib);
  });

  it('still refuses at once a body whose announced length is over the limit, and reads one under it', async () => {
    const body = Buffer.alloc(3 * mib, 'b');
    const server = await startServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(body.byteLength) });
      response.end(body);
    });
    const client = createPlatformClient({ baseUrl: server.url, tokens });
    await expect(client.send({ method: 'GET', path: '/v1/uploads/big', accept: 'bytes', maxBytes: 2 * mib })).resolves.toMatchObject({
      kind: 'rejected',
      status: 413,
      reason: `the answer is ${3 * mib} bytes, more than ${2 * mib}`,
    });
    const read = await client.send({ method: 'GET', path: '/v1/uploads/big', accept: 'bytes', maxBytes: 4 * mib });
    expect(read.kind).toBe('ok');
    expect(read.kind === 'ok' && Buffer.compare(read.body as Buffer, body)).toBe(0);
  });

  it('retries a body cut off before its announced end', async () => {
    const raw = createServer((socket) => {
      socket.on('error', () => undefined);
      socket.once('data', () => {
        socket.end('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"changes":[');
      });
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    rawServers.push(() => raw.close());
    const client = createPlatformClient({ baseUrl: `http://127.0.0.1:${(raw.address() as AddressInfo).port}`, tokens });
    const result = await client.send({ method: 'GET', path: '/v1/changes', accept: 'bytes', maxBytes: mib });
    expect(result.kind).toBe('retry');
    expect(result.kind === 'retry' && result.reason).toMatch(/^body cut off/);
  });
});
