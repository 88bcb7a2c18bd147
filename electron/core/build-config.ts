/**
 * What a build of Bottega is configured with at build time. `electron-vite build` replaces the constant below
 * with the value of BOTTEGA_FREELANCER_CLIENT_ID (electron.vite.config.ts, `define`); run any other way (web-host,
 * tests: plain Node, no define) it is not there and the build has no client id.
 *
 * A client id is not a secret: it names the app registered with Freelancer.com, which signs in as a public client
 * (PKCE, no client secret; connectors/freelancer/oauth.ts).
 */
import type { PlatformId } from '../../shared/domain/accounts';

declare const __BOTTEGA_FREELANCER_CLIENT_ID__: string | undefined;

/** The OAuth client ids this build was given, by platform; empty when none was set. */
export const buildOAuthClientIds = (): Partial<Record<PlatformId, string>> => {
  const freelancer = typeof __BOTTEGA_FREELANCER_CLIENT_ID__ === 'string' ? __BOTTEGA_FREELANCER_CLIENT_ID__.trim() : '';
  return /^[A-Za-z0-9._-]{1,200}$/.test(freelancer) ? { freelancer } : {};
};
