import { readFile } from 'node:fs/promises';
import { protocol, session, type Session } from 'electron';
import { appScheme, devServerOrigin } from './policy/app-origin';
import { mimeTypeFor, resolveAppAssetPath } from './policy/asset-path';
import { securityHeaders } from './policy/security-headers';

/**
 * `app://` must be registered before the app is ready. Standard + secure gives the renderer a real
 * origin (`app://bottega`) with the same rules as https, instead of file://'s everything-is-local.
 */
export const registerAppScheme = (): void => {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
  ]);
};

const textResponse = (status: number, text: string, headers: Record<string, string>): Response =>
  new Response(text, { status, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });

/** Serves the built renderer from `rootDir` under `app://bottega/`, with the CSP on every response. */
export const serveRendererFromAppProtocol = (rootDir: string, target: Session = session.defaultSession): void => {
  const headers = securityHeaders();
  target.protocol.handle(appScheme, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed', headers);
    const file = resolveAppAssetPath(rootDir, request.url);
    if (!file) return textResponse(404, 'Not found', headers);
    try {
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: { ...headers, 'Content-Type': mimeTypeFor(file), 'Cache-Control': 'no-cache' },
      });
    } catch {
      return textResponse(404, 'Not found', headers);
    }
  });
};

/**
 * In development the renderer comes from the Vite dev server: give its responses the development
 * CSP (dev origin, HMR socket, per-run nonce) so the policy is exercised while developing too.
 */
export const applyDevServerHeaders = (devServerUrl: string, nonce: string | undefined, target: Session = session.defaultSession): void => {
  const origin = devServerOrigin(devServerUrl);
  if (!origin) return;
  const headers = securityHeaders({ dev: { serverUrl: devServerUrl, nonce } });
  target.webRequest.onHeadersReceived({ urls: [`${origin}/*`] }, (details, callback) => {
    const responseHeaders = { ...details.responseHeaders };
    for (const [name, value] of Object.entries(headers)) responseHeaders[name] = [value];
    callback({ responseHeaders });
  });
};
