import { describe, expect, it } from 'vitest';
import { appEntryUrl, appOrigin, devServerOrigin, isAppUrl } from '../../../electron/main/policy/app-origin';

describe('isAppUrl', () => {
  it.each([appEntryUrl, `${appOrigin}/`, `${appOrigin}/assets/index-abc.js`, `${appOrigin}/index.html#/feed`, appOrigin])(
    'accepts the app origin: %s',
    (url) => expect(isAppUrl(url)).toBe(true),
  );

  it.each([
    'app://evil/index.html',
    'app://bottega.evil.com/',
    'app://bottega:8080/',
    'app://user:pass@bottega/',
    'app://user@bottega/',
    'https://bottega/',
    'file:///etc/passwd',
    'http://localhost:5173/',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    '',
    'not a url',
    'app:bottega/index.html',
  ])('rejects %s', (url) => expect(isAppUrl(url)).toBe(false));

  it('accepts the dev server only when one is given and only on its exact origin', () => {
    const dev = 'http://localhost:5173/';
    expect(isAppUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', undefined)).toBe(false);
  });
});

describe('devServerOrigin', () => {
  it('takes loopback http(s) URLs only', () => {
    expect(devServerOrigin('http://localhost:5173/')).toBe('http://localhost:5173');
    expect(devServerOrigin('http://127.0.0.1:5173')).toBe('http://127.0.0.1:5173');
    expect(devServerOrigin('http://[::1]:5173')).toBe('http://[::1]:5173');
    expect(devServerOrigin('https://localhost:5173')).toBe('https://localhost:5173');
  });

  it.each([undefined, '', 'http://example.com:5173', 'file:///tmp/index.html', 'ws://localhost:5173', 'http://u:p@localhost:5173', 'http://localhost.evil.com/', 'garbage'])(
    'refuses %s',
    (url) => expect(devServerOrigin(url)).toBeUndefined(),
  );
});
