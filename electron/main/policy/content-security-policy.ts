import { contentSecurityPolicy as buildPolicy } from '../../../shared/security/content-security-policy';
import { devServerOrigin } from './app-origin';

export type CspOptions = {
  /** Development against the Vite dev server: its URL (only a loopback one counts) and a per-run nonce. */
  dev?: { serverUrl: string; nonce?: string };
};

/** The shared policy, with the dev server admitted only once its URL has passed the loopback check. */
export const contentSecurityPolicy = (options: CspOptions = {}): string => {
  const origin = options.dev ? devServerOrigin(options.dev.serverUrl) : undefined;
  return buildPolicy(origin ? { dev: { origin, nonce: options.dev?.nonce } } : {});
};
