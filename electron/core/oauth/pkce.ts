/**
 * PKCE (RFC 7636) and the `state` of an authorization request (RFC 6749 §10.12), for public clients such as this
 * desktop app: it keeps no client secret, so the code it receives is bound to this sign-in by a verifier only it
 * holds (S256: only the verifier's SHA-256 travels through the browser).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** RFC 7636 §4.1: 43 to 128 characters of [A-Z a-z 0-9 - . _ ~]. */
export const isValidVerifier = (verifier: string): boolean => /^[A-Za-z0-9\-._~]{43,128}$/.test(verifier);

/** base64url without padding (RFC 7636 Appendix A). */
const base64url = (bytes: Buffer): string => bytes.toString('base64url');

/** S256: BASE64URL(SHA256(ASCII(verifier))). */
export const challengeOf = (verifier: string): string => {
  if (!isValidVerifier(verifier)) throw new Error('not a PKCE code verifier');
  return base64url(createHash('sha256').update(verifier, 'ascii').digest());
};

export type PkcePair = { verifier: string; challenge: string; method: 'S256' };

/** 32 random bytes give a 43-character verifier (the RFC's recommendation), 256 bits of entropy. */
export const createPkcePair = (random: (size: number) => Buffer = randomBytes): PkcePair => {
  const verifier = base64url(random(32));
  return { verifier, challenge: challengeOf(verifier), method: 'S256' };
};

/** An unguessable value the redirect must bring back unchanged (CSRF, RFC 6749 §10.12). */
export const createState = (random: (size: number) => Buffer = randomBytes): string => base64url(random(24));

/** Compares the returned state with the one sent, in constant time. */
export const sameState = (returned: string | null, expected: string): boolean => {
  if (returned === null) return false;
  const a = Buffer.from(returned);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};
