import { z } from 'zod';
import { activityStates, announcedProposalStatuses, type AttentionKind, type AttentionSettings, type Notice } from '../domain/attention';
import { defineMethod } from '../rpc/define';

const idSchema = z.string().min(1).max(200);
const countSchema = z.number().int().positive().max(1_000_000);
const minuteOfDaySchema = z.number().int().min(0).max(24 * 60 - 1);

export const noticeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('message'), threadId: idSchema, count: countSchema }),
  z.object({ kind: z.literal('messages'), threads: countSchema, count: countSchema }),
  z.object({ kind: z.literal('firstReply'), threadId: idSchema }),
  z.object({ kind: z.literal('searchMatches'), searches: countSchema, count: countSchema, searchId: z.number().int().positive().nullable() }),
  z.object({ kind: z.literal('proposalStatus'), proposalId: idSchema, status: z.enum(announcedProposalStatuses) }),
  z.object({ kind: z.literal('followUp'), proposalId: idSchema, days: countSchema }),
]) satisfies z.ZodType<Notice>;

export const attentionSettingsSchema = z.object({
  kinds: z
    .object({ message: z.boolean(), firstReply: z.boolean(), searchMatches: z.boolean(), proposalStatus: z.boolean(), followUp: z.boolean() })
    .strict() satisfies z.ZodType<Record<AttentionKind, boolean>>,
  quietHours: z.object({ enabled: z.boolean(), start: minuteOfDaySchema, end: minuteOfDaySchema }).strict(),
  quietWhileComposing: z.boolean(),
  followUpDays: z.number().int().min(0).max(60),
}) satisfies z.ZodType<AttentionSettings>;

/** Where the app lives while no window is open (Electron's main acts on these; web-host has no say). */
export const backgroundSettingsSchema = z.object({
  /** null: the platform's default (on where a tray exists). */
  closeToTray: z.boolean().nullable(),
  launchAtLogin: z.boolean(),
});
export type BackgroundSettings = z.infer<typeof backgroundSettingsSchema>;

export const attentionPreferencesSchema = z.object({ attention: attentionSettingsSchema, background: backgroundSettingsSchema });
export type AttentionPreferences = z.infer<typeof attentionPreferencesSchema>;

export const unreadTotalsSchema = z.object({
  /** Unread messages in conversations that are not muted. */
  messages: z.number().int().nonnegative(),
  threads: z.number().int().nonnegative(),
});
export type UnreadTotals = z.infer<typeof unreadTotalsSchema>;

/** A submitted proposal whose client has not answered for `days` days: the reminder in the proposals screen. */
export const followUpSchema = z.object({
  proposalId: z.string(),
  projectId: z.string(),
  projectTitle: z.string().nullable(),
  /** The project's language: the follow-up is written in it. */
  language: z.string().nullable(),
  days: z.number().int().nonnegative(),
  /** The conversation about the project the follow-up goes to; null when there is none yet. */
  threadId: z.string().nullable(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

export const activitySchema = z.object({ state: z.enum(activityStates), composingProposal: z.boolean(), saveData: z.boolean().optional() }).strict();

export const attentionMethods = {
  getPreferences: defineMethod(z.void(), attentionPreferencesSchema),
  /** Saves the settings given (a part of them), answers all of them. */
  setPreferences: defineMethod(
    z
      .object({ attention: attentionSettingsSchema.optional(), background: backgroundSettingsSchema.partial().strict().optional() })
      .strict(),
    attentionPreferencesSchema,
  ),
  getUnread: defineMethod(z.void(), unreadTotalsSchema),
  /** Proposals waiting longer than the follow-up setting's days for a client's answer, oldest first. */
  listFollowUps: defineMethod(z.void(), z.array(followUpSchema)),
  /**
   * Puts `body` (the follow-up template, in the project's language) as the draft of the project's conversation,
   * unless the user already has a draft there (kept). Answers the conversation to open; null when there is none.
   */
  startFollowUp: defineMethod(
    z.object({ proposalId: idSchema, body: z.string().trim().min(1).max(20_000) }).strict(),
    z.object({ threadId: z.string(), draftKept: z.boolean() }).nullable(),
  ),
  /** The renderer says whether the user is here, away, or the window hidden, and whether a proposal is being written. */
  reportActivity: defineMethod(activitySchema, z.object({ state: z.enum(activityStates) })),
};

export const attentionEvents = {
  /** What one sync round brought that deserves a notice (already filtered by the user's settings). */
  attentionRaised: z.object({ notices: z.array(noticeSchema).min(1).max(50) }),
  unreadChanged: unreadTotalsSchema,
  attentionPreferencesChanged: attentionPreferencesSchema,
  /** A native notification was clicked (Electron): the window opens its item. */
  noticeOpened: noticeSchema,
};
