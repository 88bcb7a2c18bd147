import { z } from 'zod';

/** The platforms Bottega has a connector for: `bottega` is its own reference protocol (shared/platform). */
export const platformIds = ['bottega', 'freelancer'] as const;
export type PlatformId = (typeof platformIds)[number];

/** How a connector signs an account in. */
export const signInMethods = ['password', 'token', 'oauth_pkce'] as const;
export type SignInMethod = (typeof signInMethods)[number];

/** `acc_` and a short opaque id; the migration gives an existing workspace's data to `acc_1`. */
export const accountIdSchema = z.string().regex(/^acc_[A-Za-z0-9_-]{1,40}$/);
export type AccountId = z.infer<typeof accountIdSchema>;

export const accountStates = ['active', 'paused'] as const;

/** What a connector can write to its platform; the UI hides or explains what an account's platform cannot take. */
export const connectorCapabilitiesSchema = z.object({
  sendMessage: z.boolean(),
  placeBid: z.boolean(),
  updateBid: z.boolean(),
  retractBid: z.boolean(),
  profile: z.boolean(),
  portfolio: z.boolean(),
  uploads: z.boolean(),
  community: z.boolean(),
});
export type ConnectorCapabilities = z.infer<typeof connectorCapabilitiesSchema>;

export const accountSchema = z.object({
  id: accountIdSchema,
  platform: z.enum(platformIds),
  /** The platform's own id of the signed-in user, once known (null before the first sign-in). */
  platformUserId: z.string().nullable(),
  label: z.string().min(1).max(80),
  baseUrl: z.string().url(),
  state: z.enum(accountStates),
  createdAt: z.iso.datetime(),
});
export type Account = z.infer<typeof accountSchema>;

/** Which account a listed record came from: enough for its platform badge and the account filter. */
export const accountBadgeSchema = z.object({
  id: accountIdSchema,
  platform: z.enum(platformIds),
  label: z.string(),
});
export type AccountBadge = z.infer<typeof accountBadgeSchema>;

/** The lists' filter by account: empty means every account (and records no account brought). */
export const accountFilterSchema = z.array(accountIdSchema).max(50);

/**
 * Where a platform's accounts live unless the user names another address (Settings → Advanced): the site, as
 * its connector takes it. Null: no public server (the reference platform runs where the app was told).
 */
export const platformServers = {
  bottega: null,
  freelancer: { production: 'https://www.freelancer.com', sandbox: 'https://www.freelancer-sandbox.com' },
} as const satisfies Record<PlatformId, Record<string, string> | null>;
