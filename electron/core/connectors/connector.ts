import type { SyncProblem } from '../../../shared/contract/sync-problem';
import type { WriteState } from '../../../shared/contract/sync';
import type { Account, ConnectorCapabilities, PlatformId, SignInMethod } from '../../../shared/domain/accounts';
import type { RecordType } from '../../../shared/platform/records';
import type { WritableDB } from '../db/database';
import type { OutboxEntry } from '../db/repositories/outbox-repository';
import type { SecretStore } from '../secrets/secret-store';
import type { ImageDownloader } from '../sync/image-downloads';

/**
 * The boundary every marketplace connector implements (issue #14). The sync service, the outbox, quarantine,
 * conflicts and status events stay generic: they only ever see an `AccountLink` per account.
 *
 * Shapes read before designing it: the reference platform (one change feed, idempotency keys, If-Match, SSE),
 * Freelancer.com REST 0.1 (offset pages, per-resource time watermarks, no idempotency, no push), Upwork GraphQL
 * (cursor pages, approval-gated keys, OAuth2), Freelancehunt 2.0 (pages by links, personal token). So: a pull is
 * the connector's own loop (feed or polled resources) ending in one generic outcome; realtime is optional and a
 * connector without it says when it next wants to poll.
 */

export type Credentials =
  | { kind: 'password'; email: string; password: string }
  | { kind: 'token'; token: string }
  | { kind: 'oauth_code'; code: string; verifier: string; redirectUri: string };

export type SignInOutcome =
  /** `platformUserId` null: signed in, but the platform did not say who (yet); the next sign-in or pull learns it. */
  | { ok: true; platformUserId: string | null; label: string }
  | { ok: false; reason: 'invalid_credentials' | 'unreachable' | 'refused'; message: string };

/** One account's session: tokens live only in the secret store, under a key of that account's own. */
export type AccountSession = {
  signIn(credentials: Credentials): Promise<SignInOutcome>;
  signOut(): Promise<void>;
  isSignedIn(): Promise<boolean>;
  /** The saved sign-in was there but could not be read (damaged vault): signed out, and the UI says so. */
  lostSavedSignIn(): boolean;
};

/** How a round (push or pull) of one account ended; the sync service turns it into that account's status. */
export type RoundOutcome =
  | { kind: 'done' }
  | { kind: 'retry'; delayMs: number; reason: string; problem?: SyncProblem }
  | { kind: 'signed_out'; reason: string }
  /** The platform forgot where this account was: its cache is replaced (local work kept), then pulled again. */
  | { kind: 'gone'; reason: string }
  | { kind: 'rejected'; status: number; reason: string; problem?: SyncProblem };

export type PullProgressReport = { applied: number; appliedTypes: ReadonlySet<RecordType>; pages: number };

export type AccountLink = {
  readonly session: AccountSession;
  /** Sends this account's queued writes, in order, each settled or left queued. */
  push(options: { attempt: number; signal: AbortSignal; onWrite?: (entry: OutboxEntry, state: WriteState) => void }): Promise<RoundOutcome>;
  /** Pulls what changed into the workspace, every record stamped with this account. */
  pull(options: { attempt: number; signal: AbortSignal; onPage: (progress: PullProgressReport) => void }): Promise<RoundOutcome>;
  /** Realtime (SSE, websocket): calls onChanges when the platform says something changed. Absent: polling only. */
  startLive?(handlers: { onChanges: () => void; onConnection: (connected: boolean) => void }): { stop(): void };
  /** When this account next wants a round without being asked (its polling cadence), ms since epoch; null: never. */
  nextPollAt(activity: 'active' | 'idle' | 'background'): number | null;
  /** Background work after a complete pull (image downloads). */
  afterPull?(signal: AbortSignal): void;
};

/** What a connector may use besides its platform: the core's background services it feeds. */
export type ConnectorServices = {
  /** Images only the platform holds, fetched after a complete pull (the reference platform's uploads). */
  imageDownloads?: Pick<ImageDownloader, 'run'>;
  /** The platform's terms (its fee on proposals) changed: the proposal editor reads them again. */
  onTermsChanged?: () => void;
  /** OAuth client ids registered for this build (set at build time; tests and web-host pass the fixture's). */
  oauthClientIds?: Partial<Record<PlatformId, string>>;
};

export type ConnectorContext = {
  db: WritableDB;
  account: Account;
  secrets: SecretStore;
  fetch?: typeof fetch;
  now: () => Date;
  random?: () => number;
  log?: (message: string) => void;
  services?: ConnectorServices;
};

/** OAuth 2.0's authorization code grant with PKCE through the system browser (RFC 8252), for connectors that offer it. */
export type BrowserSignIn = {
  /** Whether an account at `baseUrl` can sign in this way (its sign-in pages are ones Bottega may open). */
  supports(baseUrl: string): boolean;
  /** The authorization page for an account at `baseUrl`, or null when that server cannot sign in this way. */
  authorizeUrl(options: { baseUrl: string; clientId: string; redirectUri: string; state: string; challenge: string }): string | null;
};

export type Connector = {
  platform: PlatformId;
  signInMethods: readonly SignInMethod[];
  /** Present with `oauth_pkce` among the sign-in methods; the code comes back as `oauth_code` credentials. */
  browserSignIn?: BrowserSignIn;
  capabilities: ConnectorCapabilities;
  /** Where an account of this platform points unless the user chose another (production). */
  defaultBaseUrl: string | null;
  link(context: ConnectorContext): AccountLink;
};
