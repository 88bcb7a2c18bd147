import { z } from 'zod';
import { defineMethod } from '../rpc/define';

/**
 * Application updates and other shell-level state. The updater runs in Electron's main process; the
 * renderer only ever talks to the core, so the core relays: main pushes its state to the core over
 * the utility-process host messages, the core re-emits it as `updateStateChanged`, and the calls below
 * are forwarded by the core to main (see electron/core/host-services.ts).
 */
export const updateChannels = ['stable', 'beta'] as const;
export const updateChannelSchema = z.enum(updateChannels);
export type UpdateChannel = z.infer<typeof updateChannelSchema>;

/** Why an update failed, as the user sees it; the raw error goes to the local log only. */
export const updateFailureReasons = ['offline', 'server', 'integrity', 'disk', 'unknown'] as const;
export const updateFailureSchema = z.enum(updateFailureReasons);
export type UpdateFailure = z.infer<typeof updateFailureSchema>;

const versionSchema = z.string().min(1).max(64);
const timeSchema = z.number().int().nonnegative();

export const updateStatusSchema = z.discriminatedUnion('phase', [
  /** No updater here: web-host, a development build, or a package format that cannot update itself. */
  z.object({ phase: z.literal('unsupported') }),
  z.object({ phase: z.literal('idle') }),
  z.object({ phase: z.literal('checking') }),
  z.object({ phase: z.literal('up-to-date'), checkedAt: timeSchema }),
  z.object({
    phase: z.literal('downloading'),
    version: versionSchema,
    percent: z.number().min(0).max(100),
    transferred: z.number().nonnegative(),
    total: z.number().nonnegative(),
    bytesPerSecond: z.number().nonnegative(),
  }),
  /** Downloaded and verified: installs when the app quits, or now if the user restarts. */
  z.object({ phase: z.literal('ready'), version: versionSchema }),
  z.object({
    phase: z.literal('failed'),
    reason: updateFailureSchema,
    /** Consecutive failures so far. */
    attempt: z.number().int().positive(),
    /** When the next automatic attempt is due; null once retries stop until the next scheduled check. */
    retryAt: timeSchema.nullable(),
  }),
]);
export type UpdateStatus = z.infer<typeof updateStatusSchema>;

export const updateStateSchema = z.object({
  currentVersion: versionSchema,
  channel: updateChannelSchema,
  status: updateStatusSchema,
});
export type UpdateState = z.infer<typeof updateStateSchema>;

/** Where a `bottega://` deep link points, once main has parsed and validated it. */
export const deepLinkTargetSchema = z.object({
  kind: z.enum(['project', 'thread', 'proposal']),
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
});
export type DeepLinkTarget = z.infer<typeof deepLinkTargetSchema>;

export const updatesMethods = {
  getState: defineMethod(z.void(), updateStateSchema),
  /** Checks now (and downloads in the background if there is something newer). */
  checkNow: defineMethod(z.void(), updateStateSchema),
  /** Quits and installs a downloaded update; `accepted: false` when none is ready. */
  restartNow: defineMethod(z.void(), z.object({ accepted: z.boolean() })),
  setChannel: defineMethod(z.object({ channel: updateChannelSchema }).strict(), updateStateSchema),
  /**
   * The deep link not yet opened by any window, taken once. A link that launches the app arrives before
   * any window listens; the `deepLinkOpened` event only says "there is one now".
   */
  takeDeepLink: defineMethod(z.void(), deepLinkTargetSchema.nullable()),
};

export const updatesEvents = {
  updateStateChanged: updateStateSchema,
  /** A deep link the OS handed to Bottega (second launch, macOS open-url): the window navigates to it. */
  deepLinkOpened: deepLinkTargetSchema,
};
