import { contentSecurityPolicy, type CspOptions } from './content-security-policy';

/** Headers on every response of the app:// protocol (and, in development, of the dev server). */
export const securityHeaders = (options: CspOptions = {}): Record<string, string> => ({
  'Content-Security-Policy': contentSecurityPolicy(options),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
});
