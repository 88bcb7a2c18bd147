import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl } from '../../../electron/main/policy/external-url';

describe('isSafeExternalUrl', () => {
  it.each([
    'https://example.com',
    'https://example.com/path?q=1#frag',
    'http://example.com:8080/a',
    'https://xn--bcher-kva.example/',
    'mailto:client@example.com',
    'mailto:client@example.com?subject=Proposal',
  ])('allows %s', (url) => expect(isSafeExternalUrl(url)).toBe(true));

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'jav\tascript:alert(1)',
    'file:///etc/passwd',
    'file://server/share/evil.exe',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'app://bottega/index.html',
    'bottega://project/1',
    'ms-msdt:/id PCWDiagnostic',
    'smb://attacker/share',
    'ftp://example.com/file',
    'tel:+391234',
    'https://user:pass@example.com/',
    'https://user@example.com/',
    'http://example.com@evil.com/',
    'https:example.com',
    'https:/example.com',
    'https:\\\\example.com',
    'https://exa mple.com',
    'https://example.com/\u0000',
    'https://example.com/\n',
    'https://',
    'http://',
    'mailto:',
    'mailto:nobody',
    '',
    'not a url',
    '//example.com',
    `https://example.com/${'a'.repeat(5000)}`,
  ])('rejects %j', (url) => expect(isSafeExternalUrl(url)).toBe(false));

  it('never accepts a scheme other than http, https or mailto (property)', () => {
    fc.assert(
      fc.property(fc.webUrl({ withFragments: true, withQueryParameters: true }), fc.stringMatching(/^[a-z][a-z0-9+.-]{0,10}$/), (url, scheme) => {
        const swapped = url.replace(/^https?/, scheme);
        const expected = ['http', 'https'].includes(scheme) ? isSafeExternalUrl(swapped) : false;
        expect(isSafeExternalUrl(swapped)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('only ever accepts URLs that parse to http, https or mailto without credentials (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.webUrl().map((url) => url.replace('://', '://u:p@'))), (input) => {
        if (!isSafeExternalUrl(input)) return;
        const parsed = new URL(input);
        expect(['http:', 'https:', 'mailto:']).toContain(parsed.protocol);
        expect(parsed.username).toBe('');
        expect(parsed.password).toBe('');
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts ordinary web URLs (property)', () => {
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true }), (url) => {
        fc.pre(!/[@\\]/.test(url) && !/\s/.test(url));
        expect(isSafeExternalUrl(url)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
