import { z } from 'zod';
import { accountBadgeSchema, accountFilterSchema } from '../domain/accounts';
import { writeChangeSchema } from './sync';
import { syncProblemSchema } from './sync-problem';
import { defineMethod } from '../rpc/define';

export const messageStates = ['synced', 'pending', 'failed'] as const;

const threadIdSchema = z.string().min(1).max(200);

export const threadSummarySchema = z.object({
  id: z.string(),
  subject: z.string(),
  clientId: z.string().nullable(),
  clientName: z.string().nullable(),
  projectId: z.string().nullable(),
  projectTitle: z.string().nullable(),
  unreadCount: z.number().int().nonnegative(),
  lastMessageAt: z.string().nullable(),
  lastMessagePreview: z.string().nullable(),
  lastMessageFromMe: z.boolean(),
  hasDraft: z.boolean(),
  /** The account the conversation is on (its platform badge; a reply goes out through it). */
  account: accountBadgeSchema.nullable(),
});
export type ThreadSummary = z.infer<typeof threadSummarySchema>;

export const messageItemSchema = z.object({
  id: z.string(),
  threadId: z.string(),
  fromMe: z.boolean(),
  body: z.string(),
  sentAt: z.string(),
  state: z.enum(messageStates),
  /** Why a send failed, in the platform's words; shown beside a retry. */
  /** Why a failed message was not sent; null unless it failed. */
  failure: syncProblemSchema.nullable(),
});
export type MessageItem = z.infer<typeof messageItemSchema>;

export const threadDetailSchema = threadSummarySchema.extend({
  messageCount: z.number().int().nonnegative(),
  draft: z.string(),
});
export type ThreadDetail = z.infer<typeof threadDetailSchema>;

export const messageHitSchema = z.object({
  messageId: z.string(),
  threadId: z.string(),
  threadSubject: z.string(),
  clientName: z.string().nullable(),
  sentAt: z.string(),
  fromMe: z.boolean(),
  /** The body around the match; matches wrapped in \u0002 … \u0003 (see shared/domain/search-text.ts). */
  snippet: z.string(),
  account: accountBadgeSchema.nullable(),
});
export type MessageHit = z.infer<typeof messageHitSchema>;

const pageInput = {
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().positive().max(500).default(100),
};

export const messagesMethods = {
  /** Shown at once as pending, sent when the platform is reachable, exactly once. */
  sendMessage: defineMethod(
    z.object({ threadId: threadIdSchema, body: z.string().trim().min(1).max(20_000) }).strict(),
    z.object({ id: z.string(), state: z.enum(messageStates) }),
  ),
  /** Newest conversation first. */
  listThreads: defineMethod(
    z.object({ ...pageInput, accountIds: accountFilterSchema.default([]) }).strict(),
    z.object({ total: z.number().int().nonnegative(), items: z.array(threadSummarySchema) }),
  ),
  getThread: defineMethod(z.object({ id: threadIdSchema }).strict(), threadDetailSchema.nullable()),
  /** Oldest first, paged, so a long conversation loads only what is on screen. */
  listMessages: defineMethod(
    z.object({ threadId: threadIdSchema, ...pageInput }).strict(),
    z.object({ total: z.number().int().nonnegative(), items: z.array(messageItemSchema) }),
  ),
  /** Where a message sits in its conversation, to scroll there. */
  locateMessage: defineMethod(
    z.object({ id: z.string().min(1).max(200) }).strict(),
    z.object({ threadId: z.string(), index: z.number().int().nonnegative() }).nullable(),
  ),
  /** Full text over every message, newest first, first `limit` hits (no ranking of every hit). */
  searchMessages: defineMethod(
    z.object({ text: z.string().max(200), limit: z.number().int().positive().max(200).default(50) }).strict(),
    z.array(messageHitSchema),
  ),
  /** Sends a failed message again with its original idempotency key. */
  retryMessage: defineMethod(
    z.object({ id: z.string().min(1).max(200) }).strict(),
    z.object({ id: z.string(), state: z.enum(messageStates) }),
  ),
  saveDraft: defineMethod(z.object({ threadId: threadIdSchema, body: z.string().max(20_000) }).strict(), z.object({ saved: z.boolean() })),
  markThreadRead: defineMethod(z.object({ id: threadIdSchema }).strict(), z.object({ unreadCount: z.number().int().nonnegative() })),
};

export const messagesEvents = {
  /** Messages or threads changed (sync, a local send, a send accepted or refused); null: any thread. */
  messagesChanged: z.object({ threadId: z.string().nullable(), write: writeChangeSchema.optional() }),
};
