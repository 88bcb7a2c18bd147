import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach } from 'vitest';

export type LoopbackServer = {
  url: string;
  /** Requests received so far, in order (method and path with query). */
  requests: string[];
  /** Bytes the handlers wrote to response bodies through `writeCounted`. */
  written(): number;
  /** Writes one chunk, waiting for the socket to drain: a client that stops reading stops the writer. */
  writeCounted(response: ServerResponse, chunk: string | Buffer): Promise<boolean>;
  close(): Promise<void>;
};

/**
 * A real HTTP server on 127.0.0.1 that answers as the test's handler says: a platform that misbehaves in
 * ways the reference platform never does. Closed after each test, its open sockets destroyed.
 */
export const useLoopbackServers = () => {
  const opened: LoopbackServer[] = [];
  afterEach(async () => {
    for (const server of opened.splice(0)) await server.close();
  });

  return async (handler: (request: IncomingMessage, response: ServerResponse, server: LoopbackServer) => void | Promise<void>): Promise<LoopbackServer> => {
    const sockets = new Set<Socket>();
    let written = 0;
    const http: Server = createServer((request, response) => {
      self.requests.push(`${request.method} ${request.url}`);
      // A client that gives up closes the socket: a handler still writing is told by a failed write, not a crash.
      response.on('error', () => undefined);
      void Promise.resolve(handler(request, response, self)).catch(() => response.destroy());
    });
    http.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const self: LoopbackServer = {
      url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
      requests: [],
      written: () => written,
      writeCounted: async (response, chunk) => {
        if (response.destroyed || response.writableEnded) return false;
        written += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
        if (response.write(chunk)) return !response.destroyed;
        return new Promise<boolean>((resolve) => {
          const done = (ok: boolean) => () => {
            response.off('drain', onDrain);
            response.off('close', onClose);
            resolve(ok);
          };
          const onDrain = done(true);
          const onClose = done(false);
          response.once('drain', onDrain);
          response.once('close', onClose);
        });
      },
      close: async () => {
        for (const socket of sockets) socket.destroy();
        await new Promise<void>((resolve) => http.close(() => resolve()));
      },
    };
    opened.push(self);
    return self;
  };
};

/** Resolves once `check` holds, looking every few milliseconds; fails with `what` after `withinMs`. */
export const waitUntil = async (check: () => boolean, what: string, withinMs = 5_000): Promise<void> => {
  const deadline = Date.now() + withinMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`not within ${withinMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};
