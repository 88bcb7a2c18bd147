import { meSchema } from '../../../../shared/platform/auth';
import type { AccountId } from '../../../../shared/domain/accounts';
import { pollingFactor } from '../../../../shared/domain/attention';
import { listAccounts } from '../../db/repositories/accounts-repository';
import { readAccountValue, writeAccountValue } from '../../db/repositories/sync-state-repository';
import { updateAccount } from '../../db/repositories/accounts-repository';
import type { WritableDB } from '../../db/database';
import { createPlatformClient, type PlatformClient, type PlatformResult } from '../../sync/platform-client';
import { pullChanges } from '../../sync/pull';
import { pushOutbox } from '../../sync/push';
import { startRealtime } from '../../sync/realtime';
import { createSession, legacySessionKey, sessionKeyOf } from '../../sync/session';
import { problemOf } from '../../sync/sync-problem';
import { refreshTerms } from '../../sync/terms';
import type { AccountLink, Connector, ConnectorContext, RoundOutcome } from '../connector';

/** With realtime on, a pull now and then all the same: an event lost while the stream reconnected is caught. */
export const bottegaPollMs = 5 * 60_000;

type Failure = Exclude<PlatformResult, { kind: 'ok' } | { kind: 'conflict' }>;

/** The reference client's failure as the generic outcome of a round, with what the user is told. */
const roundOf = (result: Failure): RoundOutcome => {
  switch (result.kind) {
    case 'retry':
      return { kind: 'retry', delayMs: result.delayMs, reason: result.reason, problem: problemOf(result) };
    case 'signed_out':
      return { kind: 'signed_out', reason: result.reason };
    case 'gone':
      return { kind: 'gone', reason: result.reason };
    case 'rejected':
      return { kind: 'rejected', status: result.status, reason: result.reason, problem: problemOf(result) };
  }
};

/**
 * Who the session belongs to (GET /v1/me): the account's email for the status and the platform's user id, so
 * the same user is not added twice. Best effort: a failure leaves them unknown until the next try.
 */
const learnWhoIAm = async (db: WritableDB, accountId: AccountId, client: PlatformClient, signal?: AbortSignal): Promise<{ id: string; email: string } | null> => {
  const answer = await client.send({ method: 'GET', path: '/v1/me', ...(signal ? { signal } : {}) });
  if (answer.kind !== 'ok') return null;
  const me = meSchema.safeParse(answer.body);
  if (!me.success) return null;
  db.transaction(() => {
    writeAccountValue(db, accountId, 'account_email', me.data.email);
    updateAccount(db, accountId, { platformUserId: me.data.id });
  }).immediate();
  return { id: me.data.id, email: me.data.email };
};

/**
 * The reference platform (shared/platform) as a connector: OAuth password grant with refresh tokens, one change
 * feed with a cursor, idempotency keys and If-Match on writes, Server-Sent Events. Each account has its session
 * under its own key; the first `bottega` account adopts the single-account app's `platform.session`.
 */
const linkBottegaAccount = (context: ConnectorContext): AccountLink => {
  const { db, account } = context;
  const accountId = account.id;
  const first = listAccounts(db).find((candidate) => candidate.platform === 'bottega');
  const session = createSession({
    baseUrl: account.baseUrl,
    secrets: context.secrets,
    key: sessionKeyOf(accountId),
    ...(first?.id === accountId ? { adoptKey: legacySessionKey } : {}),
    ...(context.fetch ? { fetch: context.fetch } : {}),
    ...(context.log ? { log: context.log } : {}),
  });
  const client = createPlatformClient({
    baseUrl: account.baseUrl,
    tokens: session,
    ...(context.fetch ? { fetch: context.fetch } : {}),
    ...(context.random ? { random: context.random } : {}),
  });

  return {
    session: {
      signIn: async (credentials) => {
        if (credentials.kind !== 'password') {
          return { ok: false, reason: 'refused', message: 'The reference platform signs in with an email and a password.' };
        }
        const result = await session.signIn(credentials.email, credentials.password);
        if (!result.ok) return result;
        // A new session may be another user's: what the last one said about itself is not true of it.
        db.transaction(() => writeAccountValue(db, accountId, 'account_email', credentials.email)).immediate();
        const me = await learnWhoIAm(db, accountId, client);
        return { ok: true, platformUserId: me?.id ?? null, label: me?.email ?? credentials.email };
      },
      signOut: () => session.signOut(),
      isSignedIn: () => session.isSignedIn(),
      lostSavedSignIn: () => session.lostSavedSignIn(),
    },
    push: async ({ attempt, signal, onWrite }) => {
      const pushed = await pushOutbox({ db, client, accountId, now: context.now, signal, attempt, ...(onWrite ? { onWrite } : {}) });
      return pushed.kind === 'done' ? { kind: 'done' } : roundOf(pushed);
    },
    pull: async ({ attempt, signal, onPage }) => {
      // A session adopted from the single-account app never asked who it is.
      if (readAccountValue(db, accountId, 'account_email') === null) await learnWhoIAm(db, accountId, client, signal);
      const pulled = await pullChanges({
        db,
        client,
        accountId,
        now: context.now,
        attempt,
        signal,
        ...(context.log ? { log: context.log } : {}),
        onPage: (progress) => onPage({ applied: progress.applied, appliedTypes: progress.appliedTypes, pages: progress.pages }),
      });
      return pulled.kind === 'done' ? { kind: 'done' } : roundOf(pulled);
    },
    startLive: ({ onChanges, onConnection }) =>
      startRealtime({ baseUrl: account.baseUrl, tokens: session, onChanges, onConnection, ...(context.fetch ? { fetch: context.fetch } : {}) }),
    // Quieter while the user is away or no window is open (realtime still brings news at once).
    nextPollAt: (activity) => context.now().getTime() + bottegaPollMs * pollingFactor(activity),
    afterPull: (signal) => {
      context.services?.imageDownloads?.run(client, signal, accountId);
      // The fee on proposals, for the editor's net amount while offline; a failed read leaves the last one.
      refreshTerms(db, client, { accountId, signal, now: context.now() }).then(
        (outcome) => outcome === 'updated' && context.services?.onTermsChanged?.(),
        (error: unknown) => {
          if (!signal.aborted) context.log?.(`Reading the platform's terms failed: ${error instanceof Error ? error.message : String(error)}`);
        },
      );
    },
  };
};

export const bottegaConnector: Connector = {
  platform: 'bottega',
  signInMethods: ['password'],
  capabilities: {
    sendMessage: true,
    placeBid: true,
    updateBid: true,
    retractBid: true,
    profile: true,
    portfolio: true,
    uploads: true,
    community: true,
  },
  // The reference platform has no production: an account always names its server.
  defaultBaseUrl: null,
  link: linkBottegaAccount,
};
