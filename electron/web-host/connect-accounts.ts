import { accountSignInResultSchema, accountViewSchema } from '../../shared/contract/accounts';
import type { PlatformId } from '../../shared/domain/accounts';
import type { Core } from '../core/core-handle';

/** The platforms a scripted setup can connect: those that sign in with a token (a password has no place in a script). */
const connectablePlatforms = ['freelancer'] as const satisfies readonly PlatformId[];
type ConnectablePlatform = (typeof connectablePlatforms)[number];

/** One `--connect platform=<base URL>`: which platform, at which address. */
export type ConnectRequest = { platform: ConnectablePlatform; baseUrl: string };

/** Where each platform's secret for a scripted setup comes from (never a command-line argument: ps would show it). */
export const connectTokenVariables = { freelancer: 'BOTTEGA_FREELANCER_TOKEN' } as const satisfies Record<ConnectablePlatform, string>;

/** Reads `--connect` values such as `freelancer=http://127.0.0.1:4100`; a malformed one is an error said in words. */
export const parseConnectRequests = (values: readonly string[]): ConnectRequest[] =>
  values.map((value) => {
    const at = value.indexOf('=');
    const platform = connectablePlatforms.find((known) => at > 0 && known === value.slice(0, at));
    const baseUrl = value.slice(at + 1).trim();
    if (!platform) throw new Error(`--connect ${value}: use ${connectablePlatforms.map((known) => `${known}=<base URL>`).join(' or ')}`);
    if (baseUrl === '') throw new Error(`--connect ${value}: the base URL is missing`);
    return { platform, baseUrl };
  });

/** For a command line: the requests, or the reason on stderr and exit code 2 (a usage error). */
export const parseConnectRequestsOrExit = (values: readonly string[]): ConnectRequest[] => {
  try {
    return parseConnectRequests(values);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return process.exit(2);
  }
};

export type ConnectOutcome = { request: ConnectRequest; outcome: 'added' | 'already_there' } | { request: ConnectRequest; outcome: 'failed'; reason: string };

/**
 * Adds each requested account exactly as Settings does: the same `accounts.addAccount` call through the
 * contract (its input checked, the sign-in tried, nothing added when it fails). An account of that platform at
 * that address already in the workspace (a second start of the same demo) is left as it is.
 */
export const connectAccounts = async (core: Core, requests: readonly ConnectRequest[], env: NodeJS.ProcessEnv = process.env): Promise<ConnectOutcome[]> => {
  const outcomes: ConnectOutcome[] = [];
  for (const request of requests) {
    const variable = connectTokenVariables[request.platform];
    const token = env[variable]?.trim();
    if (!token) {
      outcomes.push({ request, outcome: 'failed', reason: `set ${variable} in the environment` });
      continue;
    }
    const listed = await core.dispatch('accounts.listAccounts', undefined);
    const accounts = listed.ok ? accountViewSchema.array().parse(listed.value) : [];
    const sameUrl = (url: string): boolean => url.replace(/\/+$/, '') === request.baseUrl.replace(/\/+$/, '');
    if (accounts.some((account) => account.platform === request.platform && sameUrl(account.baseUrl))) {
      outcomes.push({ request, outcome: 'already_there' });
      continue;
    }
    const added = await core.dispatch('accounts.addAccount', { platform: request.platform, baseUrl: request.baseUrl, credentials: { kind: 'token', token } });
    if (!added.ok) {
      outcomes.push({ request, outcome: 'failed', reason: added.error.message });
      continue;
    }
    const result = accountSignInResultSchema.parse(added.value);
    outcomes.push(result.ok ? { request, outcome: 'added' } : { request, outcome: 'failed', reason: result.reason });
  }
  return outcomes;
};

/** One line per request for the console. */
export const describeConnectOutcome = (result: ConnectOutcome): string => {
  const { platform, baseUrl } = result.request;
  if (result.outcome === 'failed') return `Could not connect ${platform} at ${baseUrl}: ${result.reason}`;
  return result.outcome === 'added' ? `Connected a ${platform} account at ${baseUrl}` : `A ${platform} account at ${baseUrl} is already in this workspace`;
};
