import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { challengeOf, createPkcePair, createState, isValidVerifier, sameState } from '../../../electron/core/oauth/pkce';

describe('PKCE (RFC 7636)', () => {
  it('derives the S256 challenge of Appendix B', () => {
    // RFC 7636 Appendix B: the verifier from the 32 octets listed there, and its challenge.
    const octets = [116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121];
    const verifier = Buffer.from(octets).toString('base64url');
    expect(verifier).toBe('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk');
    expect(challengeOf(verifier)).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
    expect(createPkcePair(() => Buffer.from(octets))).toEqual({ verifier, challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', method: 'S256' });
  });

  it('makes 43-character verifiers of the unreserved alphabet, from 32 random bytes each time', () => {
    const pairs = Array.from({ length: 50 }, () => createPkcePair());
    for (const { verifier, challenge } of pairs) {
      expect(verifier).toMatch(/^[A-Za-z0-9\-._~]{43}$/);
      expect(challenge).toBe(createHash('sha256').update(verifier).digest('base64url'));
      expect(challenge).not.toContain('=');
    }
    expect(new Set(pairs.map((pair) => pair.verifier)).size).toBe(50);
  });

  it('refuses to derive a challenge from something that is not a verifier', () => {
    expect(isValidVerifier('a'.repeat(42))).toBe(false);
    expect(isValidVerifier('a'.repeat(129))).toBe(false);
    expect(isValidVerifier(`${'a'.repeat(42)}+`)).toBe(false);
    expect(isValidVerifier('a'.repeat(128))).toBe(true);
    expect(() => challengeOf('short')).toThrow();
  });

  it('states are random and compared exactly', () => {
    const state = createState();
    expect(state).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(createState()).not.toBe(state);
    expect(sameState(state, state)).toBe(true);
    expect(sameState(`${state}x`, state)).toBe(false);
    expect(sameState(state.slice(1), state)).toBe(false);
    expect(sameState(null, state)).toBe(false);
  });
});
