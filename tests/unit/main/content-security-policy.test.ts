import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../electron/main/policy/content-security-policy';
import { securityHeaders } from '../../../electron/main/policy/security-headers';

const directives = (policy: string): Map<string, string[]> =>
  new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );

describe('contentSecurityPolicy', () => {
  const production = contentSecurityPolicy();

  it('is the strict production policy', () => {
    const parsed = directives(production);
    expect(parsed.get('default-src')).toEqual(["'self'"]);
    expect(parsed.get('script-src')).toEqual(["'self'"]);
    expect(parsed.get('style-src')).toEqual(["'self'"]);
    expect(parsed.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(parsed.get('connect-src')).toEqual(["'self'"]);
    expect(parsed.get('object-src')).toEqual(["'none'"]);
    expect(parsed.get('base-uri')).toEqual(["'none'"]);
    expect(parsed.get('form-action')).toEqual(["'none'"]);
    expect(parsed.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it.each([{}, { dev: { serverUrl: 'http://localhost:5173', nonce: 'abcdefghijklmnopqrstuvwx' } }])(
    'never allows inline or eval or wildcard sources (%j)',
    (options) => {
      const policy = contentSecurityPolicy(options);
      expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|\*|https?:(\s|;|$)/);
    },
  );

  it('adds the dev server origin, its websocket and a nonce in development only', () => {
    const policy = directives(contentSecurityPolicy({ dev: { serverUrl: 'http://localhost:5173/', nonce: 'abcdefghijklmnopqrstuvwx' } }));
    expect(policy.get('script-src')).toEqual(["'self'", 'http://localhost:5173', "'nonce-abcdefghijklmnopqrstuvwx'"]);
    expect(policy.get('connect-src')).toEqual(["'self'", 'http://localhost:5173', 'ws://localhost:5173']);
    expect(policy.get('object-src')).toEqual(["'none'"]);
  });

  it('ignores a remote dev server and a malformed nonce', () => {
    expect(contentSecurityPolicy({ dev: { serverUrl: 'https://evil.example' } })).toBe(production);
    const policy = contentSecurityPolicy({ dev: { serverUrl: 'http://127.0.0.1:5173', nonce: "x' 'unsafe-inline" } });
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('nonce');
  });
});

describe('securityHeaders', () => {
  it('sends the CSP and nosniff on every response', () => {
    const headers = securityHeaders();
    expect(headers['Content-Security-Policy']).toBe(contentSecurityPolicy());
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('no-referrer');
  });
});
