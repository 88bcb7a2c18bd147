import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDeepLink, parseDeepLink } from '../../../electron/main/policy/deep-link';
import { deepLinkTargetSchema } from '../../../shared/contract/updates';

describe('parseDeepLink', () => {
  it.each([
    ['bottega://project/p-123', { kind: 'project', id: 'p-123' }],
    ['bottega://thread/T_9', { kind: 'thread', id: 'T_9' }],
    ['bottega://proposal/abc/', { kind: 'proposal', id: 'abc' }],
    ['BOTTEGA://project/x', { kind: 'project', id: 'x' }],
  ])('accepts %s', (url, target) => expect(parseDeepLink(url)).toEqual(target));

  it.each([
    'bottega://project/',
    'bottega://project',
    'bottega://project/a/b',
    'bottega://project/../thread/1',
    'bottega://project/%2e%2e',
    'bottega://project/a%20b',
    'bottega://project/a?next=https://evil.example',
    'bottega://project/a#x',
    'bottega://user:pw@project/a',
    'bottega://project:8080/a',
    'bottega://settings/reset',
    'bottega://Project/a',
    'bottega:project/a',
    'bottega:///project/a',
    'bottega://project/a b',
    'bottega://project/a\nb',
    'bottega://project/a\\b',
    `bottega://project/${'a'.repeat(65)}`,
    'https://project/a',
    'javascript:alert(1)//bottega://project/a',
    'file:///etc/passwd',
    '',
    ' bottega://project/a',
  ])('refuses %j', (url) => expect(parseDeepLink(url)).toBeUndefined());

  it.each([undefined, null, 42, {}, ['bottega://project/a']])('refuses non-strings (%j)', (value) => {
    expect(parseDeepLink(value)).toBeUndefined();
  });

  it('round-trips every valid target (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('project', 'thread', 'proposal'),
        fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
        fc.boolean(),
        (kind, id, slash) => {
          expect(parseDeepLink(`bottega://${kind}/${id}${slash ? '/' : ''}`)).toEqual({ kind, id });
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('answers only schema-valid targets whatever the input (property)', () => {
    const hostile = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 120 }).map((tail) => `bottega://project/${tail}`),
      fc.array(fc.constantFrom('bottega:', '//', 'project', 'thread', '/', '..', '%2f', '?', '#', '@', ':', 'a', '1', '\u0000', ' ', '\\'), { maxLength: 12 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(hostile, (input) => {
        const target = parseDeepLink(input);
        if (target) expect(deepLinkTargetSchema.safeParse(target).success).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('findDeepLink', () => {
  it('picks the deep link out of a second launch’s arguments', () => {
    expect(findDeepLink(['/opt/Bottega/bottega', '--no-sandbox', 'bottega://thread/42'])).toEqual({ kind: 'thread', id: '42' });
    expect(findDeepLink(['/opt/Bottega/bottega', 'bottega://evil/1', 'bottega://project/7'])).toEqual({ kind: 'project', id: '7' });
    expect(findDeepLink(['/opt/Bottega/bottega', '--flag'])).toBeUndefined();
  });
});
