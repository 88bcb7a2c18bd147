/**
 * The renderer's Content-Security-Policy, one definition for every host: Electron's app:// protocol,
 * web-host, and the meta tag of the built index.html. No inline script or style, no eval, nothing remote.
 */
export type CspOptions = {
  /** Development against the Vite dev server: its (already validated) origin and a per-run nonce. */
  dev?: { origin: string; nonce?: string };
  /** For a <meta> tag, where browsers ignore (and warn about) frame-ancestors: headers carry it. */
  meta?: boolean;
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

const nonceSource = (nonce: string | undefined): string[] =>
  nonce && /^[A-Za-z0-9+/_-]{16,}={0,2}$/.test(nonce) ? [`'nonce-${nonce}'`] : [];

export const contentSecurityPolicy = (options: CspOptions = {}): string => {
  const extra: Record<string, string[]> = {};
  if (options.dev) {
    const { origin } = options.dev;
    const nonce = nonceSource(options.dev.nonce);
    // Vite's injected tags are admitted by nonce, never by 'unsafe-inline'.
    extra['script-src'] = [origin, ...nonce];
    extra['style-src'] = [origin, ...nonce];
    extra['img-src'] = [origin];
    extra['font-src'] = [origin];
    extra['connect-src'] = [origin, origin.replace(/^http/, 'ws')];
  }
  return baseDirectives
    .filter(([name]) => !(options.meta && name === 'frame-ancestors'))
    .map(([name, sources]) => [name, ...sources, ...(extra[name] ?? [])].join(' '))
    .join('; ');
};
