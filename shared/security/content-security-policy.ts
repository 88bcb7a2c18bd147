/**
 * The renderer's Content-Security-Policy, in one place for every host (Electron's app:// protocol, web-host,
 * the built index.html). No inline script, no eval, nothing remote.
 */
export const contentSecurityPolicy = (options: { devServerOrigin?: string } = {}): string => {
  const dev = options.devServerOrigin;
  // The Vite dev server injects its client and React refresh: the only place 'unsafe-inline' is tolerated.
  const script = dev ? `'self' 'unsafe-inline' ${dev}` : `'self'`;
  const style = dev ? `'self' 'unsafe-inline'` : `'self'`;
  const connect = dev ? `'self' ${dev} ${dev.replace(/^http/, 'ws')}` : `'self'`;
  return [
    `default-src 'self'`,
    `script-src ${script}`,
    `style-src ${style}`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `connect-src ${connect}`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `form-action 'none'`,
    `frame-src 'none'`,
  ].join('; ');
};
