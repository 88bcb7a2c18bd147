import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';
import { maxRpcFrameBytes } from '../../shared/contract/limits';
import { contentSecurityPolicy } from '../../shared/security/content-security-policy';
import type { PlatformId } from '../../shared/domain/accounts';
import { openCore, type Core } from '../core/core';
import { createStandaloneHostServices } from '../core/host-services';
import { toLogRecord, type CoreLog } from '../core/log-record';
import { openLogFile } from './log-file';
import { serveStatic } from './static-files';
import { fromWebSocket } from './web-socket-transport';

export type WebHostOptions = {
  dataDir: string;
  version: string;
  /** 0 picks a free port. */
  port?: number;
  /** The built renderer (out/renderer); ignored with a devServer. */
  rendererDir?: string;
  /** Serve the renderer through Vite's dev server instead (hot reload). */
  dev?: boolean;
  /** The platform API the core syncs with; none keeps the workspace offline-only. */
  platformUrl?: string | null;
  /** Also sees every line of the core's log (redacted), e.g. for the console; the file in `<dataDir>/logs` gets them anyway. */
  log?: (message: string) => void;
  /** OAuth client ids by platform (BOTTEGA_FREELANCER_CLIENT_ID; the fixture's in tests), for signing in through a browser. */
  oauthClientIds?: Partial<Record<PlatformId, string>>;
  /**
   * Where a sign-in page goes: web-host has no system browser of its own, so whoever runs it opens the page
   * (the console prints it; an e2e test follows it). Not written to the log.
   */
  openSignInPage?: (url: string) => void;
};

export type WebHost = {
  /** The address to open, with this run's token. */
  url: string;
  origin: string;
  token: string;
  core: Core;
  close(): Promise<void>;
};

const loopback = '127.0.0.1';

const sameSecret = (given: string | null, expected: string): boolean => {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * Runs the core in plain Node and serves the renderer to a browser, bridging the contract over a WebSocket.
 * Loopback only; a per-run token and an Origin check keep other pages and other local users out.
 */
export const startWebHost = async (options: WebHostOptions): Promise<WebHost> => {
  const logFile = openLogFile(path.join(options.dataDir, 'logs'));
  const log: CoreLog = (level, message, detail) => {
    const record = toLogRecord(level, message, detail);
    logFile.write(record);
    options.log?.(record.message);
  };
  const core = await openCore({
    dataDir: options.dataDir,
    host: 'web',
    version: options.version,
    validateOutput: options.dev ?? false,
    platformUrl: options.platformUrl ?? null,
    log,
    hostServices: createStandaloneHostServices({ version: options.version, dataDir: options.dataDir, ...(options.openSignInPage ? { openSignInPage: options.openSignInPage } : {}) }),
    ...(options.oauthClientIds ? { oauthClientIds: options.oauthClientIds } : {}),
  });
  const token = randomBytes(24).toString('base64url');
  const server = createServer();
  let port = 0;
  const allowedHosts = (): string[] => [`${loopback}:${port}`, `localhost:${port}`];
  const allowedOrigins = (): string[] => allowedHosts().map((host) => `http://${host}`);

  // A page on another site could point a hostname at 127.0.0.1 (DNS rebinding): answer only our own names.
  const hostAllowed = (request: IncomingMessage): boolean => allowedHosts().includes(request.headers.host ?? '');

  let handle: (request: IncomingMessage, response: ServerResponse) => void;
  let closeDevServer = async (): Promise<void> => undefined;
  if (options.dev) {
    const { createServer: createViteServer } = await import('vite');
    const vite = await createViteServer({
      configFile: fileURLToPath(new URL('../../vite.renderer.config.ts', import.meta.url)),
      appType: 'spa',
      server: { middlewareMode: true, ws: { server } },
    });
    handle = (request, response) => vite.middlewares(request, response);
    closeDevServer = () => vite.close();
  } else {
    if (!options.rendererDir) throw new Error('startWebHost needs rendererDir (the built renderer) or dev: true');
    const headers = {
      'Content-Security-Policy': contentSecurityPolicy(),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
    };
    const serve = serveStatic(options.rendererDir, headers);
    handle = (request, response) => void serve(request, response);
  }

  server.on('request', (request, response) => {
    if (!hostAllowed(request)) {
      response.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Forbidden');
      return;
    }
    handle(request, response);
  });

  // Every call the contract accepts fits (a 10 MiB image, a portfolio JSON file); the renderer refuses larger ones itself.
  const sockets = new WebSocketServer({ noServer: true, maxPayload: maxRpcFrameBytes });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://host');
    if (url.pathname !== '/rpc') {
      // Vite's hot-reload socket in development; nothing else upgrades.
      if (!options.dev) socket.destroy();
      return;
    }
    const origin = request.headers.origin ?? '';
    if (!hostAllowed(request) || !allowedOrigins().includes(origin) || !sameSecret(url.searchParams.get('token'), token)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (webSocket) => core.serve(fromWebSocket(webSocket)));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, loopback, resolve);
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://${loopback}:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    core,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      await closeDevServer();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      core.close();
    },
  };
};
