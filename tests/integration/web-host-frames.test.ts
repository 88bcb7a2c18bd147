import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { contract, type BottegaClient } from '../../shared/contract';
import { maxImageBase64Chars } from '../../shared/contract/limits';
import { createBridge, createClient } from '../../shared/rpc/bridge';
import { maxUploadBytes } from '../../shared/platform/writes';
import { startWebHost, type WebHost } from '../../electron/web-host/web-host';
import { createWebSocketTransport } from '../../renderer/src/platform/web-socket-transport';
import { useTempDirs } from '../support/temp-dir';

const makeTempDir = useTempDirs();
const hosts: WebHost[] = [];
const sockets: WebSocket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  for (const host of hosts.splice(0)) await host.close();
});

/** web-host and a client speaking to it over its real WebSocket, through the renderer's own transport. */
const connect = async (options: { maxFrameBytes?: number } = {}): Promise<{ client: BottegaClient; socket: () => WebSocket }> => {
  const rendererDir = makeTempDir();
  mkdirSync(rendererDir, { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Bottega</title>');
  const host = await startWebHost({ dataDir: makeTempDir(), version: '0.0.0-test', rendererDir });
  hosts.push(host);
  let opened: WebSocket | null = null;
  const transport = createWebSocketTransport(`${host.origin.replace('http', 'ws')}/rpc?token=${host.token}`, {
    open: (url) => {
      opened = new WebSocket(url, { origin: host.origin });
      sockets.push(opened);
      return opened;
    },
    ...options,
  });
  return {
    client: createClient(contract, createBridge(contract, transport)),
    socket: () => {
      if (!opened) throw new Error('no socket');
      return opened;
    },
  };
};

/** A PNG of exactly `size` bytes: the signature, then bytes that differ per seed. */
const png = (size: number, seed: number): Buffer => {
  const bytes = Buffer.alloc(size, seed);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  return bytes;
};

describe('web-host carries every call the contract accepts', () => {
  it('stores a 9.9 MiB image sent over the WebSocket (over the old 8 MiB frame cap) and keeps the connection', async () => {
    const { client, socket } = await connect();
    const bytes = png(Math.floor(9.9 * 1024 * 1024), 3);
    const base64 = bytes.toString('base64');
    expect(base64.length).toBeGreaterThan(8 * 1024 * 1024);
    const image = await client.portfolio.importImage({ name: 'poster.png', base64 });
    const stored = await client.portfolio.getImage({ hash: image.hash });
    expect(stored.state).toBe('local');
    expect(stored.state === 'local' ? Buffer.from(stored.dataUrl.split(',')[1]!, 'base64').equals(bytes) : false).toBe(true);
    expect(socket().readyState).toBe(WebSocket.OPEN);
  });

  it('an image over the limit gets the typed image_too_large refusal, and the connection stays', async () => {
    const { client, socket } = await connect();
    // Over the platform's limit, and also past what the contract's schema takes: both answer the same problem.
    for (const size of [maxUploadBytes + 1, Math.ceil((maxImageBase64Chars * 3) / 4) + 4096]) {
      await expect(client.portfolio.importImage({ name: 'huge.png', base64: png(size, 4).toString('base64') })).rejects.toMatchObject({
        code: 'invalid_input',
        issues: [{ message: 'image_too_large' }],
      });
    }
    expect(socket().readyState).toBe(WebSocket.OPEN);
    expect((await client.portfolio.listItems({})).length).toBe(0);
  });

  it('a call larger than the connection carries is refused by the sender with too_large, never sent; the next call goes through', async () => {
    const { client, socket } = await connect({ maxFrameBytes: 1024 * 1024 });
    await expect(client.portfolio.importJson({ json: 'x'.repeat(2 * 1024 * 1024) })).rejects.toMatchObject({ code: 'too_large' });
    // Counted as sent, escaped: 600 Ki line breaks are 1.2 MiB in the frame.
    await expect(client.portfolio.importJson({ json: '\n'.repeat(600 * 1024) })).rejects.toMatchObject({ code: 'too_large' });
    expect(await client.portfolio.listItems({})).toEqual([]);
    expect(socket().readyState).toBe(WebSocket.OPEN);
  });
});
