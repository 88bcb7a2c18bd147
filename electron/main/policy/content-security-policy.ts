import { devServerOrigin } from './app-origin';

export type CspOptions = {
  /** Development against the Vite dev server: its origin, its HMR WebSocket and a per-run nonce. */
  dev?: { serverUrl: string; nonce?: string };
};

const baseDirectives: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['default-src', ["'self'"]],
  ['script-src', ["'self'"]],
  ['style-src', ["'self'"]],
  ['img-src', ["'self'", 'data:', 'blob:']],
  ['font-src', ["'self'"]],
  ['connect-src', ["'self'"]],
  ['object-src', ["'none'"]],
  ['base-uri', ["'none'"]],
  ['form-action', ["'none'"]],
  ['frame-ancestors', ["'none'"]],
  ['frame-src', ["'none'"]],
];

const nonceToken = (nonce: string | undefined): string[] =>
  nonce && /^[A-Za-z0-9+/_-]{16,}={0,2}$/.test(nonce) ? [`'nonce-${nonce}'`] : [];

/**
 * The Content-Security-Policy header for every renderer response: no inline script or style, no
 * eval, no remote code. In development the dev server's origin and its WebSocket are added, and
 * Vite's injected tags are admitted by nonce rather than by 'unsafe-inline'.
 */
export const contentSecurityPolicy = (options: CspOptions = {}): string => {
  const origin = options.dev ? devServerOrigin(options.dev.serverUrl) : undefined;
  const extra: Record<string, string[]> = {};
  if (origin) {
    const socket = origin.replace(/^http/, 'ws');
    const nonce = nonceToken(options.dev?.nonce);
    extra['script-src'] = [origin, ...nonce];
    extra['style-src'] = [origin, ...nonce];
    extra['img-src'] = [origin];
    extra['font-src'] = [origin];
    extra['connect-src'] = [origin, socket];
  }
  return baseDirectives
    .map(([name, sources]) => [name, ...sources, ...(extra[name] ?? [])].join(' '))
    .join('; ');
};
