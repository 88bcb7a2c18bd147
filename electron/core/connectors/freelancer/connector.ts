/**
 * The Freelancer.com connector (issue #14) behind the connector boundary: a personal access token per account
 * (secret store only), polling per resource with time watermarks (poller.ts, pull-run.ts) into the workspace's
 * ordinary tables (store.ts), messages and confirmed bids pushed exactly once without idempotency keys
 * (push.ts, reconcile.ts). One account's failures (401/403, 429, 5xx, the network) change only its own state:
 * its poller pauses or signs out, never another account's.
 */
import type { Account, ConnectorCapabilities } from '../../../../shared/domain/accounts';
import type { RecordType } from '../../../../shared/platform/records';
import { readAccountValue, writeAccountValue } from '../../db/repositories/accounts-repository';
import { holdsSameRecord, listMissingThreadProjects, listOpenBids, readProjectTitle } from '../../db/repositories/connector-records-repository';
import { finishBulkLoad, isFullTextRebuildOwed, pauseFullTextIndexing } from '../../db/repositories/fts-maintenance';
import { pauseInsightsMaintenance, resumeInsightsMaintenance } from '../../db/repositories/insights-maintenance';
import { writePlatformProfile } from '../../db/repositories/platform-profiles-repository';
import { rebuildFullText } from '../../sync/full-text-rebuild';
import { checkpointEvery, checkpointWaitEvery, rebuildBudgetMs } from '../../sync/pull';
import { backoffDelay } from '../../sync/retry-policy';
import type { AccountLink, Connector, ConnectorContext, RoundOutcome } from '../connector';
import { type FreelancerState, readFreelancerState, updateFreelancerState } from './account-state';
import { createFreelancerClient, type FreelancerError } from './api-client';
import { freelancerApiRoots, resolveFreelancerApiRoot } from './base-url';
import { freelancerEndpoints } from './endpoints';
import { freelancerIdOf, freelancerIds } from './ids';
import { mapAccountIdentity, mapPlatformProfile } from './mapping';
import { mapPage, mapWholePage } from './page-reader';
import { type Activity, bidWatchDays, cadence, dueResources, finishProfileRead, isProfileDue, maxPageSize, nextDueAtMs, type PollResource } from './poller';
import { runResource } from './pull-run';
import { pushFreelancerOutbox } from './push';
import { buildFreelancerAuthorizeUrl, freelancerAccountsOrigin } from './oauth';
import { createFreelancerSession, type FreelancerOAuthClient, type RenewOutcome } from './session';
import { createInlinePageSource, createWorkerPageSource } from './page-source';
import { createRecordWriter } from './record-writer';
import { storeMappedRecords } from './store';

export const freelancerCapabilities = {
  sendMessage: true,
  placeBid: true,
  // The SDK documents no bid update (the fixture's PUT is its own): a sent bid is retracted and placed again.
  updateBid: false,
  retractBid: true,
  // Writes only: the profile and portfolio are read (platform_profiles, read-only); the SDK has no call to change them.
  profile: false,
  portfolio: false,
  uploads: false,
  community: false,
} as const satisfies ConnectorCapabilities;

/** Production's site: the API is under /api (base-url.ts). */
const productionSite = freelancerApiRoots.production.replace(/\/api$/, '');

/** How long a round uses the token it read before reading the vault again (an OAuth token is refreshed 5 minutes before it expires). */
const tokenRecheckMs = 30_000;

/** Resources polled when a round is asked for (a local write, Sync now) while none is due: cheap, and what a user waits for. */
const onDemand: readonly PollResource[] = ['threads', 'messages'];

const outcomeOf = (error: FreelancerError, state: FreelancerState, nowMs: number, attempt: number, random?: () => number): RoundOutcome => {
  const wait = Math.max(0, (nextDueAtMs(state.poller) ?? nowMs) - nowMs);
  switch (error.kind) {
    case 'auth':
      return { kind: 'signed_out', reason: `Freelancer.com refused the token (${error.status})` };
    case 'rate_limited':
      return { kind: 'retry', delayMs: Math.max(wait, 1_000), reason: 'rate limited', problem: { code: 'unavailable', status: 429 } };
    case 'server':
      return { kind: 'retry', delayMs: error.retryAfterMs ?? backoffDelay(attempt + 1, random), reason: `server error ${error.status}`, problem: { code: 'unavailable', status: error.status } };
    case 'network':
      return { kind: 'retry', delayMs: backoffDelay(attempt + 1, random), reason: error.reason, problem: { code: 'network' } };
    case 'invalid_answer':
      return { kind: 'retry', delayMs: Math.max(wait, backoffDelay(attempt + 3, random)), reason: error.reason, problem: { code: 'bad_answer' } };
    case 'refused':
      return { kind: 'rejected', status: error.status, reason: error.message, problem: { code: 'refused', status: error.status, message: null } };
  }
};

/**
 * Pages asked for ahead of the one being stored during a first sync, when the answer tells the run's size: the
 * page reader's thread maps them while this one stores (bench connectors: 2 ahead left this thread waiting on
 * it a third of the sync, 8 ahead a seventh; more bought nothing).
 */
const firstSyncReadAhead = 8;

const linkAccount = (context: ConnectorContext): AccountLink => {
  const { db, account } = context;
  const now = context.now;
  const root = resolveFreelancerApiRoot({ custom: account.baseUrl });
  const endpointsFor = (token: () => string | Promise<string>, onUnauthorized?: (rejected: string) => Promise<RenewOutcome>) => {
    if (!root.ok) throw new Error(`not a usable Freelancer address (${root.reason})`);
    return freelancerEndpoints(
      createFreelancerClient({ apiRoot: root.apiRoot, token, ...(onUnauthorized ? { onUnauthorized } : {}), ...(context.fetch ? { fetch: context.fetch } : {}) }),
    );
  };
  const oauth = freelancerOAuthClientOf(account, context.services?.oauthClientIds?.freelancer);
  const session = createFreelancerSession({
    db,
    account,
    secrets: context.secrets,
    endpointsFor,
    oauth,
    now,
    ...(context.fetch ? { fetch: context.fetch } : {}),
    ...(context.log ? { log: context.log } : {}),
  });
  let activity: Activity = 'active';
  /** The round's record writer (record-writer.ts) and page source (page-source.ts), closed when the round ends. */
  let roundParts: { close(): void }[] = [];

  /** The saved token's endpoints, or null when signed out (nothing is sent without a token). */
  const signedInEndpoints = async () => {
    const token = await session.readToken();
    // An OAuth token refused with 401 is refreshed once and the request sent again before the account signs out.
    if (token === null) return null;
    // The saved token read again at most every tokenRecheckMs (each read is the vault file: it was 3% of a first
    // sync's time), and after a 401.
    let known: { token: string; atMs: number } | null = { token, atMs: now().getTime() };
    const current = async (): Promise<string> => {
      if (known !== null && now().getTime() - known.atMs < tokenRecheckMs) return known.token;
      const read = (await session.readToken()) ?? '';
      known = { token: read, atMs: now().getTime() };
      return read;
    };
    return endpointsFor(current, async (rejected) => {
      known = null;
      return session.refreshAfterUnauthorized(rejected);
    });
  };

  const markSignedOut = (): void => {
    db.transaction(() => updateFreelancerState(db, account.id, now().getTime(), (state) => ({ ...state, poller: { ...state.poller, signedOut: true } }))).immediate();
  };

  /**
   * A thread about a project the feed did not bring (older than its window, outside the user's skills, no own bid
   * on it): that project and its owner are fetched by id, so the conversation shows what it is about.
   */
  const fetchThreadProjects = async (
    endpoints: ReturnType<typeof endpointsFor>,
    selfId: number,
    progress: { applied: number; appliedTypes: Set<RecordType>; pages: number },
    onPage: Parameters<AccountLink['pull']>[0]['onPage'],
  ): Promise<FreelancerError | null> => {
    for (;;) {
      const missing = listMissingThreadProjects(db, account.id, 50).map(freelancerIdOf).filter((id): id is number => id !== null);
      if (missing.length === 0) return null;
      const answer = await endpoints.getProjects(missing);
      if (!answer.ok) return answer.error;
      const nowMs = now().getTime();
      const page = mapWholePage(mapPage('projects', answer.value, { selfId, observedAtMs: nowMs }));
      const projects = page.records.flat();
      const owners = page.clients;
      const report = db.transaction(() => storeMappedRecords(db, account.id, [...owners, ...projects], readFreelancerState(db, account.id, nowMs), now().toISOString())).immediate();
      progress.applied += report.applied;
      for (const type of report.types) progress.appliedTypes.add(type);
      progress.pages += 1;
      onPage({ ...progress, appliedTypes: new Set(progress.appliedTypes) });
      // The platform no longer has some of them (deleted): they stay missing, asked for again on a later round only.
      if (projects.filter((project) => project.ok).length < missing.length) return null;
    }
  };

  /**
   * The account's profile and portfolio on Freelancer (read-only, platform_profiles), when due: once a day. A 401
   * or a 429 stops the round as any request's would; any other failure leaves the last reading and tries again in
   * an hour, without failing the round (the profile is not what the user waits for).
   */
  const readPlatformProfile = async (
    endpoints: ReturnType<typeof endpointsFor>,
    selfId: number,
    progress: { applied: number; appliedTypes: Set<RecordType>; pages: number },
    onPage: Parameters<AccountLink['pull']>[0]['onPage'],
  ): Promise<FreelancerError | null> => {
    const self = await endpoints.getSelfProfile();
    let failure: FreelancerError | null = self.ok ? null : self.error;
    const items: unknown[] = [];
    for (let offset = 0; self.ok && failure === null; ) {
      const page = await endpoints.getPortfolios(selfId, { limit: maxPageSize, offset });
      if (!page.ok) {
        failure = page.error;
        break;
      }
      const mine = page.value.portfolios[String(selfId)];
      const list = Array.isArray(mine) ? (mine as unknown[]) : [];
      items.push(...list);
      if (list.length < maxPageSize) break;
      offset += list.length;
    }
    const nowMs = now().getTime();
    if (failure?.kind === 'auth') return failure;
    if (failure?.kind === 'rate_limited') {
      const pausedUntilMs = nowMs + (failure.retryAfterMs ?? cadence.messages.activeMs);
      db.transaction(() => updateFreelancerState(db, account.id, nowMs, (current) => ({ ...current, poller: { ...current.poller, pausedUntilMs } }))).immediate();
      return failure;
    }
    const mapped = self.ok && failure === null ? mapPlatformProfile(self.value, items) : null;
    if (mapped && !mapped.ok) context.log?.(`freelancer ${account.id}: unreadable profile`);
    const changed = db.transaction(() => {
      const written = mapped?.ok === true && writePlatformProfile(db, { accountId: account.id, ...mapped.profile, fetchedAt: now().toISOString() });
      updateFreelancerState(db, account.id, nowMs, (current) => ({ ...current, poller: finishProfileRead(current.poller, nowMs, mapped?.ok === true) }));
      return written;
    }).immediate();
    // The Profile screen reads it again (a 'profile' page says portfolioChanged), though no record of the workspace's own changed.
    if (changed) {
      progress.appliedTypes.add('profile');
      onPage({ ...progress, appliedTypes: new Set(progress.appliedTypes) });
    }
    return null;
  };

  const pullRound: AccountLink['pull'] = async ({ attempt, signal, onPage }) => {
    const endpoints = await signedInEndpoints();
    if (endpoints === null) return { kind: 'signed_out', reason: 'no saved token' };
    let state = readFreelancerState(db, account.id, now().getTime());
    // Signed in by an earlier version or with the identity lost: learn who the account is first.
    if (state.identity === null) {
      const self = await endpoints.getSelf();
      if (!self.ok) return outcomeOf(self.error, state, now().getTime(), attempt, context.random);
      const identity = mapAccountIdentity(self.value);
      if (!identity.ok) return { kind: 'retry', delayMs: backoffDelay(attempt + 3, context.random), reason: 'unreadable /self', problem: { code: 'bad_answer' } };
      const { platformUserId, jobIds } = identity.identity;
      state = db.transaction(() => updateFreelancerState(db, account.id, now().getTime(), (current) => ({ ...current, identity: { selfId: Number(platformUserId), jobIds, languages: [] } }))).immediate();
    }
    const identity = state.identity!;
    const startedMs = now().getTime();
    if (state.poller.signedOut) {
      // A token saved since the 401 (signIn resumes the poller); one still marked signed out asks for a new one.
      return { kind: 'signed_out', reason: 'the token was refused; sign in again' };
    }
    if (startedMs < state.poller.pausedUntilMs) {
      return { kind: 'retry', delayMs: state.poller.pausedUntilMs - startedMs, reason: 'rate limited', problem: { code: 'unavailable', status: 429 } };
    }
    // A first sync holds only what the platform sends again (no watermark moves before its run's pages are in):
    // its pages commit without waiting for the disk (still atomic in WAL mode); a power cut loses only the last
    // pages, and their watermark with them. Everything the user writes stays FULL.
    const firstSync = readAccountValue(db, account.id, 'last_sync_at') === null;
    // And, as the change feed's first load does, the search indexes are built once after it instead of row by row
    // (a crash leaves the flag: the next round of this first sync goes on and builds them).
    if (firstSync && !isFullTextRebuildOwed(db)) pauseFullTextIndexing(db);
    const bulk = isFullTextRebuildOwed(db);
    // The insights triggers too: their columns are filled once at the end (insights-maintenance.ts).
    if (bulk) pauseInsightsMaintenance(db);
    const due = dueResources(state.poller, startedMs);
    const resources = due.length > 0 ? due : onDemand;
    const progress = { applied: 0, appliedTypes: new Set<RecordType>(), pages: 0 };
    const writer = createRecordWriter({
      db,
      accountId: account.id,
      firstSync,
      bulk,
      now,
      signal,
      onStored: (report) => {
        progress.applied += report.applied;
        for (const type of report.types) progress.appliedTypes.add(type);
      },
      ...(context.log ? { log: context.log } : {}),
    });
    // Pages read on a worker while this thread stores (a first sync; not with a fetch of the caller's, which a
    // worker cannot use).
    const pages = firstSync && !context.fetch ? createWorkerPageSource(endpoints.client, context.log ? { log: context.log } : {}) : createInlinePageSource(endpoints.client);
    // Closed by pull, whatever way this round ends.
    roundParts = [writer, pages];
    for (const resource of resources) {
      if (signal.aborted) throw new Error('pull stopped');
      const nowMs = now().getTime();
      const result = await runResource(state.poller, resource, {
        endpoints,
        pages,
        selfId: identity.selfId,
        nowMs,
        // A first sync is one reading: a record met in two resources (an owner, a bid's project) is written once.
        ...(firstSync ? { observedAtMs: startedMs } : {}),
        activity,
        jobIds: identity.jobIds,
        languages: identity.languages,
        projectTitle: (projectId) => readProjectTitle(db, freelancerIds.project(projectId)),
        openBids: () => listOpenBids(db, account.id, new Date(nowMs - bidWatchDays * 86_400_000).toISOString()),
        readAhead: firstSync ? firstSyncReadAhead : 1,
        // A bid placed from a proposal drafted here is stored under that proposal's id (store.ts).
        holdsBid: (bidId, rawText) => holdsSameRecord(db, 'proposal', state.adoptedBids[String(bidId)] ?? freelancerIds.proposal(bidId), rawText, account.id),
        sink: async (records) => {
          await writer.add(records);
          progress.pages += 1;
          await writer.afterPage(progress.pages);
          onPage({ ...progress, appliedTypes: new Set(progress.appliedTypes) });
        },
      });
      // Every record of the run stored before its watermark moves.
      const appliedBefore = progress.applied;
      await writer.flush();
      if (progress.applied !== appliedBefore) onPage({ ...progress, appliedTypes: new Set(progress.appliedTypes) });
      // The run's end (or its failure) moves only this resource's part of the state; the ledger is the push's.
      state = db
        .transaction(() => updateFreelancerState(db, account.id, nowMs, (current) => ({ ...current, poller: { ...result.state, resources: { ...current.poller.resources, [resource]: result.state.resources[resource] } } })))
        .immediate();
      if (result.error) {
        if (result.error.kind === 'auth') markSignedOut();
        return outcomeOf(result.error, state, now().getTime(), attempt, context.random);
      }
      if (resource === 'threads') {
        const error = await fetchThreadProjects(endpoints, identity.selfId, progress, onPage);
        if (error) return outcomeOf(error, state, now().getTime(), attempt, context.random);
      }
    }
    if (isProfileDue(state.poller, now().getTime())) {
      const error = await readPlatformProfile(endpoints, identity.selfId, progress, onPage);
      if (error) {
        if (error.kind === 'auth') markSignedOut();
        return outcomeOf(error, readFreelancerState(db, account.id, now().getTime()), now().getTime(), attempt, context.random);
      }
    }
    if (bulk) {
      resumeInsightsMaintenance(db);
      // The log copied into the file now and then while the indexes fill, so the final truncation has little left.
      const checkpoint = { run: writer.checkpoint, every: checkpointEvery, waitEvery: checkpointWaitEvery };
      if (!(await rebuildFullText(db, { budgetMs: rebuildBudgetMs, signal, checkpoint }))) throw new Error('pull stopped');
      finishBulkLoad(db, { truncated: await writer.truncate() });
    }
    db.transaction(() => writeAccountValue(db, account.id, 'last_sync_at', now().toISOString())).immediate();
    return { kind: 'done' };
  };

  const pull: AccountLink['pull'] = async (options) => {
    try {
      return await pullRound(options);
    } finally {
      for (const part of roundParts) part.close();
      roundParts = [];
      // A first sync cut short (the network, a stop) leaves its indexes owed for the next round, but not the
      // log without automatic checkpoints meanwhile: it would grow with every write until that round.
      if (db.open && isFullTextRebuildOwed(db)) db.pragma('wal_autocheckpoint = 1000');
    }
  };

  return {
    session,
    push: async ({ attempt, signal, onWrite }) => {
      const endpoints = await signedInEndpoints();
      if (endpoints === null) return { kind: 'signed_out', reason: 'no saved token' };
      const outcome = await pushFreelancerOutbox({
        db,
        accountId: account.id,
        endpoints,
        now,
        attempt,
        signal,
        ...(context.random ? { random: context.random } : {}),
        ...(onWrite ? { onWrite } : {}),
      });
      if (outcome.kind === 'signed_out') markSignedOut();
      return outcome;
    },
    pull,
    nextPollAt: (current) => {
      activity = current === 'active' ? 'active' : 'idle';
      const state = readFreelancerState(db, account.id, now().getTime());
      return state.identity === null ? null : nextDueAtMs(state.poller);
    },
  };
};

/** The OAuth client of an account: the build's client id and the accounts site of the account's server; null without either. */
export const freelancerOAuthClientOf = (account: Pick<Account, 'baseUrl'>, clientId: string | undefined): FreelancerOAuthClient | null => {
  const accountsOrigin = freelancerAccountsOrigin(account.baseUrl);
  return clientId && accountsOrigin ? { clientId, accountsOrigin } : null;
};

export const freelancerConnector: Connector = {
  platform: 'freelancer',
  // The browser sign-in needs a client id set at build time: the accounts service drops it from builds without one.
  signInMethods: ['token', 'oauth_pkce'],
  browserSignIn: {
    supports: (baseUrl) => freelancerAccountsOrigin(baseUrl) !== null,
    authorizeUrl: ({ baseUrl, ...rest }) => {
      const accountsOrigin = freelancerAccountsOrigin(baseUrl);
      return accountsOrigin === null ? null : buildFreelancerAuthorizeUrl({ accountsOrigin, ...rest });
    },
  },
  capabilities: freelancerCapabilities,
  defaultBaseUrl: productionSite,
  link: linkAccount,
};

/** Whether an account's base URL is one this connector can use (Settings checks before adding). */
export const isUsableFreelancerUrl = (account: Pick<Account, 'baseUrl'>): boolean => resolveFreelancerApiRoot({ custom: account.baseUrl }).ok;
