import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  highlightMatches,
  linkifyText,
  parseMarkedSnippet,
  toFtsQuery,
  toSafeExternalUrl,
} from '../../../shared/domain/search-text';

describe('search text', () => {
  it('turns typed words into quoted prefix terms, accents folded, syntax inert', () => {
    expect(toFtsQuery('Città  d’arte')).toBe('"citta"* "arte"*');
    expect(toFtsQuery('München')).toBe('"munchen"*');
    expect(toFtsQuery('react OR "sito" -foo NEAR(a b) col:x')).toBe('"react"* "or"* "sito"* "foo"* "near"* "col"*');
    expect(toFtsQuery('a ! ?')).toBeNull();
    fc.assert(
      fc.property(fc.string(), (text) => {
        const query = toFtsQuery(text);
        // Only quoted runs of letters and digits, each followed by *.
        if (query !== null) expect(query).toMatch(/^("[\p{L}\p{N}]+"\*)( "[\p{L}\p{N}]+"\*)*$/u);
      }),
    );
  });

  it('marks whole words that start with a query term, whatever their accents', () => {
    expect(highlightMatches('Sito per una città d’arte', 'citta sit')).toEqual([
      { text: 'Sito', mark: true },
      { text: ' per una ', mark: false },
      { text: 'città', mark: true },
      { text: ' d’arte', mark: false },
    ]);
    expect(highlightMatches('nothing here', '')).toEqual([{ text: 'nothing here', mark: false }]);
  });

  it('reads snippet markers without keeping stray control characters', () => {
    expect(parseMarkedSnippet('…entro \u0002venerdì\u0003?')).toEqual([
      { text: '…entro ', mark: false },
      { text: 'venerdì', mark: true },
      { text: '?', mark: false },
    ]);
  });

  it('links only http, https and mailto, and never javascript or data URLs', () => {
    expect(linkifyText('See https://example.com/a?b=1. Or mailto:me@example.com, not javascript:alert(1)')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { kind: 'text', text: '. Or ' },
      { kind: 'link', text: 'mailto:me@example.com', href: 'mailto:me@example.com' },
      { kind: 'text', text: ', not javascript:alert(1)' },
    ]);
    for (const bad of ['javascript:alert(1)', 'data:text/html,<script>', 'file:///etc/passwd', 'vbscript:x', 'not a url']) {
      expect(toSafeExternalUrl(bad)).toBeNull();
    }
    fc.assert(
      fc.property(fc.string(), (text) => {
        for (const segment of linkifyText(text)) {
          if (segment.kind === 'link') expect(['http:', 'https:', 'mailto:']).toContain(new URL(segment.href).protocol);
        }
        expect(linkifyText(text).map((segment) => segment.text).join('')).toBe(text);
      }),
    );
  });
});
