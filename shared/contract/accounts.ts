import { z } from 'zod';
import { accountIdSchema, accountSchema, accountStates, connectorCapabilitiesSchema, platformIds, signInMethods } from '../domain/accounts';
import { localeSchema } from '../i18n/locales';
import { defineMethod } from '../rpc/define';
import { accountSyncStatusSchema } from './sync';

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** https anywhere; http only to this computer (a local test server); never a user name or password in it. */
export const isAllowedBaseUrl = (text: string): boolean => {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.username || url.password || url.search || url.hash) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && (loopbackHosts.has(url.hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(url.hostname));
};

export const baseUrlSchema = z
  .string()
  .trim()
  .min(1)
  .max(2048)
  .refine(isAllowedBaseUrl, { message: 'An https address (http only on this computer), with no user name, password, query or fragment.' });

/** What the user gives a connector to sign in; never stored (the session's tokens go to the secret store). */
export const credentialsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('password'), email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) }).strict(),
  z.object({ kind: z.literal('token'), token: z.string().trim().min(1).max(4096) }).strict(),
  z
    .object({
      kind: z.literal('oauth_code'),
      code: z.string().min(1).max(4096),
      // RFC 7636 §4.1: 43 to 128 characters.
      verifier: z.string().min(43).max(128),
      redirectUri: z.string().max(2048).url(),
    })
    .strict(),
]);

const labelSchema = z.string().trim().min(1).max(80);

/** An account as Settings lists it: what it is, what its platform can take, and how its sync is doing. */
export const accountViewSchema = accountSchema.extend({
  // '' for an account migrated from a workspace that never saved its platform's address (until the app knows it).
  baseUrl: z.string(),
  /** Null: no connector for this platform in this build (listed, never synced). */
  capabilities: connectorCapabilitiesSchema.nullable(),
  signInMethods: z.array(z.enum(signInMethods)),
  sync: accountSyncStatusSchema.nullable(),
  /** Days without a client's reply before this account's proposals become follow-up reminders; null: the workspace's setting. */
  followUpDays: z.number().int().min(1).max(60).nullable(),
});
export type AccountView = z.infer<typeof accountViewSchema>;

export const accountSignInFailures = [
  'invalid_credentials',
  'unreachable',
  'refused',
  /** This platform does not sign in that way (a token for a password platform). */
  'unsupported',
  /** The same user of the same platform is already an account of this workspace. */
  'already_added',
  /** The platform has no default address and none was given. */
  'base_url_required',
  // Signing in through the browser (OAuth 2.0 with PKCE):
  /** The user said no on the platform's page, or it answered with an error. */
  'denied',
  /** The browser came back with another sign-in's answer (or a forged one): nothing was exchanged. */
  'state_mismatch',
  /** The browser did not come back in time. */
  'timed_out',
  'cancelled',
  /** The system browser could not be opened. */
  'browser_failed',
  /** This build has no app registered with the platform: sign in with a token instead. */
  'no_client_id',
] as const;

/** Names one browser sign-in so that it can be cancelled while it waits; chosen by the renderer, not a secret. */
export const browserSignInIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const accountSignInResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), account: accountViewSchema }),
  z.object({ ok: z.literal(false), reason: z.enum(accountSignInFailures) }),
]);
export type AccountSignInResult = z.infer<typeof accountSignInResultSchema>;

const countSchema = z.number().int().nonnegative();

/** What removing an account dropped: its synced rows per table, queued writes, quarantined records, conflicts, wanted images. */
export const removedAccountSchema = z.object({
  id: accountIdSchema,
  records: z.record(z.string(), countSchema),
  writes: countSchema,
  quarantined: countSchema,
  conflicts: countSchema,
  images: countSchema,
});

/** The user's own proposal never sent (for projects of the account), exported before the account goes. */
export const accountDraftSchema = z.object({
  proposalId: z.string(),
  projectId: z.string(),
  projectTitle: z.string().nullable(),
  kind: z.enum(['fixed', 'hourly']),
  currency: z.string(),
  amountMinor: z.number().int().nullable(),
  periodDays: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  variants: z.array(z.object({ locale: z.string(), text: z.string(), document: z.string() })),
});

const byId = z.object({ id: accountIdSchema }).strict();

/** An account's own follow-up days: whole days from 1 to 60; null goes back to the workspace's setting. */
export const followUpDaysSchema = z.number().int().min(1).max(60).nullable();

export const accountsMethods = {
  listAccounts: defineMethod(z.void(), z.array(accountViewSchema)),
  /** Adds an account and signs it in; a sign-in that fails adds nothing. */
  addAccount: defineMethod(
    z
      .object({
        platform: z.enum(platformIds),
        /** The platform's default (production) when left out. */
        baseUrl: baseUrlSchema.optional(),
        label: labelSchema.optional(),
        credentials: credentialsSchema,
      })
      .strict(),
    accountSignInResultSchema,
  ),
  signInAccount: defineMethod(z.object({ id: accountIdSchema, credentials: credentialsSchema }).strict(), accountSignInResultSchema),
  /** Forgets the account's session; its records stay (signing out is not removing). */
  signOutAccount: defineMethod(byId, accountViewSchema),
  renameAccount: defineMethod(z.object({ id: accountIdSchema, label: labelSchema }).strict(), accountViewSchema),
  /** Paused: no rounds, no realtime; its records stay and its local writes wait. */
  setAccountState: defineMethod(z.object({ id: accountIdSchema, state: z.enum(accountStates) }).strict(), accountViewSchema),
  /** Sets (or with null clears) the account's own follow-up days; anything but a whole number of days from 1 to 60 is refused. */
  setFollowUpDays: defineMethod(z.object({ id: accountIdSchema, days: followUpDaysSchema }).strict(), accountViewSchema),
  /** Drops the account's synced records and nothing else (ask first; offer exportAccountDrafts before). */
  removeAccount: defineMethod(byId, removedAccountSchema),
  exportAccountDrafts: defineMethod(byId, z.array(accountDraftSchema)),
  /** How each platform signs in with this build (the browser only where the build has a client id for it). */
  listSignInMethods: defineMethod(z.void(), z.array(z.object({ platform: z.enum(platformIds), methods: z.array(z.enum(signInMethods)) }))),
  /**
   * Signs in through the system browser (OAuth 2.0 with PKCE, RFC 8252 loopback redirect): adds the account, or
   * signs `accountId` in again. Answers once the browser came back and the code was exchanged, or with why not
   * (denied, state_mismatch, timed_out, cancelled, browser_failed, no_client_id, or a sign-in failure). Tokens,
   * code and verifier stay in the core. `locale`: the language of the page the browser shows at the end.
   */
  signInWithBrowser: defineMethod(
    z
      .object({
        flowId: browserSignInIdSchema,
        platform: z.enum(platformIds),
        baseUrl: baseUrlSchema.optional(),
        label: labelSchema.optional(),
        accountId: accountIdSchema.optional(),
        locale: localeSchema,
      })
      .strict(),
    accountSignInResultSchema,
  ),
  /** Stops a browser sign-in still waiting for the browser; it then answers `cancelled`. */
  cancelBrowserSignIn: defineMethod(z.object({ flowId: browserSignInIdSchema }).strict(), z.object({ cancelled: z.boolean() })),
};

export const accountsEvents = {
  /** Accounts were added, renamed, paused, resumed, removed or signed in as someone: lists of them read again. */
  accountsChanged: z.object({}),
};
