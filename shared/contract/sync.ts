import { z } from 'zod';
import { quarantineProblemSchema } from '../platform/changes';
import { defineMethod } from '../rpc/define';
import { accountIdSchema, accountStates, platformIds } from '../domain/accounts';
import { syncProblemSchema } from './sync-problem';

export const syncConnections = ['unconfigured', 'signed_out', 'online', 'offline'] as const;
export const syncPhases = ['idle', 'syncing', 'waiting'] as const;

export const syncProgressSchema = z.object({
  /** The very first sync of this workspace (the UI shows a progress bar for it). */
  initial: z.boolean(),
  applied: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative(),
  ratePerSecond: z.number().nonnegative().nullable(),
  startedAt: z.iso.datetime(),
});

/** One account's sync, as its runner sees it (each account syncs on its own: one's trouble never holds another). */
export const accountSyncStatusSchema = z.object({
  id: accountIdSchema,
  platform: z.enum(platformIds),
  label: z.string(),
  state: z.enum(accountStates),
  /** Who is signed in (the platform's email or name), null while signed out. */
  email: z.string().nullable(),
  connection: z.enum(['signed_out', 'online', 'offline']),
  phase: z.enum(syncPhases),
  progress: syncProgressSchema.nullable(),
  lastSyncAt: z.iso.datetime().nullable(),
  lastError: syncProblemSchema.nullable(),
  nextAttemptAt: z.iso.datetime().nullable(),
  savedSignInLost: z.boolean(),
  pausedFor: z.enum(['disk_full']).nullable(),
  /** This account's local writes not yet confirmed, refused, or waiting for the user to choose. */
  pending: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  conflicts: z.number().int().nonnegative(),
});
export type AccountSyncStatus = z.infer<typeof accountSyncStatusSchema>;

/**
 * The workspace's sync: `accounts` one by one; the fields above it are their aggregate (online when any account
 * is, its signed-in account, the first problem), so a view that knows one account keeps working.
 */
export const syncStatusSchema = z.object({
  connection: z.enum(syncConnections),
  phase: z.enum(syncPhases),
  account: z.object({ email: z.string() }).nullable(),
  progress: syncProgressSchema.nullable(),
  lastSyncAt: z.iso.datetime().nullable(),
  /** Why the last attempt failed (translated by the UI); null when it did not. */
  lastError: syncProblemSchema.nullable(),
  nextAttemptAt: z.iso.datetime().nullable(),
  quarantined: z.number().int().nonnegative(),
  /** Local writes not yet confirmed by the platform, refused by it, or waiting for the user to choose. */
  pending: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  conflicts: z.number().int().nonnegative(),
  /** The saved sign-in could not be read (a damaged vault): signed out, and the UI asks to sign in again. */
  savedSignInLost: z.boolean().optional(),
  /** Sync stopped because the disk is full (no retry on a timer): it goes again on Sync now or a local write. */
  pausedFor: z.enum(['disk_full']).nullable().optional(),
  accounts: z.array(accountSyncStatusSchema),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const quarantinedRecordSchema = z.object({
  id: z.number().int(),
  type: z.string(),
  recordId: z.string().nullable(),
  /** The validation's own words, for the log and support; the UI shows `problem`. */
  reason: z.string(),
  problem: quarantineProblemSchema,
  receivedAt: z.string(),
});

export const outboxStates = ['queued', 'in_flight', 'sent', 'failed', 'conflict'] as const;

/**
 * What just happened to one local write on its way to the platform: it went out (`sent`), the platform took it
 * (`accepted`), refused it or it could not be sent (`refused`), or it met a newer version there (`conflict`).
 * Carried by the per-domain change events, so lists showing pending or failed state refresh when it moves.
 */
export const writeStates = ['sent', 'accepted', 'refused', 'conflict'] as const;
export type WriteState = (typeof writeStates)[number];
export const writeChangeSchema = z.object({ entityType: z.string(), entityId: z.string(), state: z.enum(writeStates) });
export type WriteChange = z.infer<typeof writeChangeSchema>;

export const unconfirmedWriteSchema = z.object({
  seq: z.number().int(),
  entityType: z.string(),
  entityId: z.string(),
  op: z.string(),
  state: z.enum(outboxStates),
  attempts: z.number().int().nonnegative(),
  lastError: syncProblemSchema.nullable(),
  createdAt: z.string(),
});

export const conflictSchema = z.object({
  id: z.number().int(),
  entityType: z.string(),
  entityId: z.string(),
  /** What this workspace tried to write, and the platform's record as it was when it refused. */
  localPayload: z.unknown(),
  serverRecord: z.looseObject({ id: z.string(), version: z.number().int() }),
  createdAt: z.string(),
});

export const signInResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), reason: z.enum(['invalid_credentials', 'unreachable', 'refused', 'unconfigured']) }),
]);

export const syncMethods = {
  getStatus: defineMethod(z.void(), syncStatusSchema),
  signIn: defineMethod(
    z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) }).strict(),
    signInResultSchema,
  ),
  signOut: defineMethod(z.void(), syncStatusSchema),
  syncNow: defineMethod(z.void(), syncStatusSchema),
  listWrites: defineMethod(
    z.object({ limit: z.number().int().positive().max(1000).default(200) }).strict(),
    z.array(unconfirmedWriteSchema),
  ),
  /** Tries a refused write again, with its original idempotency key. */
  retryWrite: defineMethod(z.object({ seq: z.number().int().positive() }).strict(), syncStatusSchema),
  listConflicts: defineMethod(
    z.object({ limit: z.number().int().positive().max(500).default(100) }).strict(),
    z.array(conflictSchema),
  ),
  /** Both sides changed the same record: keep mine (pushed again over theirs) or take theirs. Nothing is lost silently. */
  resolveConflict: defineMethod(
    z.object({ id: z.number().int().positive(), choice: z.enum(['mine', 'theirs']) }).strict(),
    syncStatusSchema,
  ),
  listQuarantined: defineMethod(
    z.object({ limit: z.number().int().positive().max(1000).default(200) }).strict(),
    z.array(quarantinedRecordSchema),
  ),
};

export const syncEvents = {
  syncStatusChanged: syncStatusSchema,
};
