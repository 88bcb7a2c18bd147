import path from 'node:path';
import { appHost, appScheme, parseUrl } from './app-origin';

const indexFile = 'index.html';

/**
 * Maps an `app://bottega/...` request to a file under `rootDir`, or null when the request must not
 * be served: another scheme or host, dot segments (plain or encoded), encoded separators or NULs, drive letters, or
 * anything that would resolve outside the root. Decoding happens once, then the result is checked
 * against the root again, so double-encoding cannot sneak a `..` through.
 */
export const resolveAppAssetPath = (rootDir: string, url: string): string | null => {
  // The URL parser silently collapses `..` and `%2e%2e`; a request that needed collapsing is hostile.
  const rawPath = url.split(/[?#]/, 1)[0] ?? '';
  if (/%2e|\\/i.test(rawPath) || /\/\.{1,2}(?=\/|$)/.test(rawPath.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, ''))) return null;
  const parsed = parseUrl(url);
  if (!parsed || parsed.protocol !== `${appScheme}:` || parsed.host !== appHost) return null;
  if (parsed.username || parsed.password) return null;
  // Encoded separators, backslashes and NULs have no business in an asset path.
  if (/%(2f|5c|00)|\\/i.test(parsed.pathname)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('%')) return null;
  const segments = decoded.split('/').filter((segment) => segment.length > 0);
  if (segments.some((segment) => segment === '.' || segment === '..' || /^[a-zA-Z]:/.test(segment))) return null;
  const root = path.resolve(rootDir);
  const file = path.resolve(root, ...(segments.length > 0 ? segments : [indexFile]));
  const relative = path.relative(root, file);
  if (relative.length === 0 || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return file;
};

const mimeTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Unknown types are served as opaque bytes (with nosniff), never guessed into something executable. */
export const mimeTypeFor = (file: string): string =>
  mimeTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
