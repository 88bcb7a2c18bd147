/**
 * A Freelancer account's sign-in: a personal access token (Settings → Add account), checked against
 * /users/0.1/self/ before it is kept, then stored only in the secret store under this account's own key. The
 * token never reaches SQLite, a log line or an error text; the account's identity (its user id, jobs and
 * language) goes to its state for the poller.
 */
import type { Account } from '../../../../shared/domain/accounts';
import type { WritableDB } from '../../db/database';
import type { SecretStore } from '../../secrets/secret-store';
import type { AccountSession, Credentials, SignInOutcome } from '../connector';
import { resumeAfterSignIn } from './poller';
import { updateFreelancerState } from './account-state';
import type { FreelancerEndpoints } from './endpoints';
import { mapAccountIdentity } from './mapping';

/** The secret store's key of one account's token. */
export const freelancerTokenKey = (account: Pick<Account, 'id'>): string => `account.${account.id}.token`;

export type FreelancerSession = AccountSession & {
  /** The saved token, or null when signed out (or the vault could not be read: lostSavedSignIn then says so). */
  readToken(): Promise<string | null>;
};

export const createFreelancerSession = (options: {
  db: WritableDB;
  account: Account;
  secrets: SecretStore;
  /** The endpoints signed with a given token (the one being tried, before it is saved). */
  endpointsFor: (token: () => string | Promise<string>) => FreelancerEndpoints;
  now: () => Date;
  log?: (message: string) => void;
}): FreelancerSession => {
  const key = freelancerTokenKey(options.account);
  let lost = false;

  const readToken = async (): Promise<string | null> => {
    try {
      const token = await options.secrets.readSecret(key);
      return token === null || token.trim() === '' ? null : token;
    } catch (error) {
      lost = true;
      options.log?.(`The saved Freelancer sign-in could not be read (${error instanceof Error ? error.name : 'unknown error'}); signed out.`);
      return null;
    }
  };

  const signIn = async (credentials: Credentials): Promise<SignInOutcome> => {
    if (credentials.kind !== 'token') return { ok: false, reason: 'refused', message: 'Freelancer.com accounts sign in with a personal access token.' };
    const token = credentials.token.trim();
    if (token === '' || token.length > 4096 || /\s/.test(token)) return { ok: false, reason: 'invalid_credentials', message: 'The token is empty or not a token.' };
    const self = await options.endpointsFor(() => token).getSelf();
    if (!self.ok) {
      const { error } = self;
      if (error.kind === 'auth') return { ok: false, reason: 'invalid_credentials', message: 'Freelancer.com did not accept this token.' };
      if (error.kind === 'network' || error.kind === 'server' || error.kind === 'rate_limited') {
        return { ok: false, reason: 'unreachable', message: 'Freelancer.com could not be reached; try again later.' };
      }
      return { ok: false, reason: 'refused', message: error.kind === 'refused' ? error.message : 'Freelancer.com answered in a way Bottega cannot read.' };
    }
    const identity = mapAccountIdentity(self.value);
    if (!identity.ok) return { ok: false, reason: 'refused', message: 'Freelancer.com answered in a way Bottega cannot read.' };
    // Another account's token pasted into this one would mix two people's records under one account.
    const known = options.account.platformUserId;
    if (known !== null && known !== identity.identity.platformUserId) {
      return { ok: false, reason: 'refused', message: 'This token belongs to another Freelancer.com user than this account.' };
    }
    await options.secrets.writeSecret(key, token);
    lost = false;
    const nowMs = options.now().getTime();
    const { platformUserId, label, jobIds } = identity.identity;
    options.db
      .transaction(() =>
        updateFreelancerState(options.db, options.account.id, nowMs, (state) => ({
          ...state,
          // /self names one primary language, not every language the user works in: the feed is not cut by it.
          identity: { selfId: Number(platformUserId), jobIds, languages: [] },
          poller: resumeAfterSignIn(state.poller, nowMs),
        })),
      )
      .immediate();
    return { ok: true, platformUserId, label };
  };

  return {
    signIn,
    signOut: async () => {
      await options.secrets.deleteSecret(key);
    },
    isSignedIn: async () => (await readToken()) !== null,
    lostSavedSignIn: () => lost,
    readToken,
  };
};
