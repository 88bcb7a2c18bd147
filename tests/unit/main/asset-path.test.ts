import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mimeTypeFor, resolveAppAssetPath } from '../../../electron/main/policy/asset-path';

const root = path.resolve('/srv/bottega/renderer');
const inside = (file: string | null): boolean => {
  if (file === null) return true;
  const relative = path.relative(root, file);
  return relative.length > 0 && !relative.startsWith('..') && !path.isAbsolute(relative);
};

describe('resolveAppAssetPath', () => {
  it.each([
    ['app://bottega/', 'index.html'],
    ['app://bottega/index.html', 'index.html'],
    ['app://bottega/assets/index-abc.js', 'assets/index-abc.js'],
    ['app://bottega/assets/index-abc.js?v=1#x', 'assets/index-abc.js'],
    ['app://bottega/assets/My%20Font.woff2', 'assets/My Font.woff2'],
    ['app://bottega//assets//a.css', 'assets/a.css'],
  ])('maps %s into the root', (url, relative) => {
    expect(resolveAppAssetPath(root, url)).toBe(path.join(root, relative));
  });

  it.each([
    'app://bottega/%2e%2e/%2e%2e/etc/passwd',
    'app://bottega/assets/%2E%2E/%2E%2E/%2E%2E/etc/passwd',
    'app://bottega/..%2f..%2fetc%2fpasswd',
    'app://bottega/..%5c..%5cwindows%5cwin.ini',
    'app://bottega/assets\\..\\..\\secret',
    'app://bottega/%252e%252e/%252e%252e/etc/passwd',
    'app://bottega/index.html%00.png',
    'app://bottega/C:/Windows/win.ini',
    'app://bottega/c:%5cWindows',
    'app://bottega/%E0%A4%A',
    'app://other/index.html',
    'app://bottega.evil/index.html',
    'app://user:pw@bottega/index.html',
    'https://bottega/index.html',
    'file:///etc/passwd',
    'app:///etc/passwd',
    '/etc/passwd',
    'C:\\Windows\\win.ini',
    '',
    'garbage',
  ])('refuses %s', (url) => {
    expect(resolveAppAssetPath(root, url)).toBeNull();
  });

  it('refuses dot segments even where the URL parser would collapse them harmlessly', () => {
    expect(resolveAppAssetPath(root, 'app://bottega/assets/../index.html')).toBeNull();
    expect(resolveAppAssetPath(root, 'app://bottega/../../../etc/passwd')).toBeNull();
    expect(resolveAppAssetPath(root, 'app://bottega/./index.html')).toBeNull();
    expect(resolveAppAssetPath(root, 'app://bottega/assets/..')).toBeNull();
  });

  it('keeps file names that merely contain dots', () => {
    expect(resolveAppAssetPath(root, 'app://bottega/assets/a..b.js')).toBe(path.join(root, 'assets/a..b.js'));
    expect(resolveAppAssetPath(root, 'app://bottega/.well-known/x')).toBe(path.join(root, '.well-known/x'));
  });

  it('never resolves outside the root, whatever the path (property)', () => {
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '%2e%2e', '%2E%2e', '%252e%252e', '..%2f', '..%5c', '%00', '\\', 'C:', '/', '//', '%2f', 'a', 'assets', 'index.html'),
      fc.string({ maxLength: 8 }),
      fc.string({ unit: 'binary', maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 10 }), (segments) => {
        const url = `app://bottega/${segments.join('/')}`;
        expect(inside(resolveAppAssetPath(root, url))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('never resolves outside the root for arbitrary strings (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (tail) => {
        expect(inside(resolveAppAssetPath(root, `app://bottega/${tail}`))).toBe(true);
        expect(inside(resolveAppAssetPath(root, tail))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a/b/index-abc.js', 'text/javascript; charset=utf-8'],
    ['x.CSS', 'text/css; charset=utf-8'],
    ['logo.svg', 'image/svg+xml'],
    ['font.woff2', 'font/woff2'],
    ['data.json', 'application/json; charset=utf-8'],
    ['noext', 'application/octet-stream'],
    ['evil.exe', 'application/octet-stream'],
  ])('%s → %s', (file, type) => expect(mimeTypeFor(file)).toBe(type));
});
