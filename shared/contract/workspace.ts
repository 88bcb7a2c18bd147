import { z } from 'zod';
import { defineMethod } from '../rpc/define';

/** What can go wrong with the workspace's files, as codes the renderer translates. */
export const storageProblems = ['disk_full', 'io_error', 'locked', 'corrupt'] as const;
export const storageProblemSchema = z.enum(storageProblems);
export type StorageProblem = z.infer<typeof storageProblemSchema>;

/** One copy under `<data>/backups/` (made before every migration), offered when the workspace cannot be opened. */
export const workspaceBackupSchema = z.object({
  /** The file's name inside backups/: what restoreBackup takes. */
  name: z.string(),
  createdAt: z.iso.datetime(),
  sizeBytes: z.number().int().nonnegative(),
  schemaVersion: z.number().int().nonnegative(),
});
export type WorkspaceBackup = z.infer<typeof workspaceBackupSchema>;

export const workspaceStateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ready') }),
  /**
   * The core started but could not open the workspace: damaged (`corrupt`: restore a backup or start empty, the
   * damaged file kept), in use by another program (`locked`), no room (`disk_full`) or a disk error (`io_error`):
   * fix and retry. Only the `workspace` methods answer until it is open.
   */
  z.object({ state: z.literal('recovery'), reason: storageProblemSchema, backups: z.array(workspaceBackupSchema) }),
]);
export type WorkspaceState = z.infer<typeof workspaceStateSchema>;

export const recoveryResultSchema = z.discriminatedUnion('ok', [
  /** Open again; `keptAs` names the damaged file set aside (never deleted), if any. */
  z.object({ ok: z.literal(true), keptAs: z.string().nullable() }),
  z.object({ ok: z.literal(false), reason: z.enum([...storageProblems, 'not_found']) }),
]);
export type RecoveryResult = z.infer<typeof recoveryResultSchema>;

export const workspaceMethods = {
  getState: defineMethod(z.void(), workspaceStateSchema),
  /** Recovery only: the damaged file is moved aside and this backup copied in its place (the backup stays). */
  restoreBackup: defineMethod(z.object({ name: z.string().regex(/^[\w.-]{1,200}\.bak$/) }).strict(), recoveryResultSchema),
  /** Recovery only: the damaged file is moved aside and an empty workspace opened. */
  startEmpty: defineMethod(z.void(), recoveryResultSchema),
  /** Recovery only: try opening again (after closing the other program, freeing space). */
  retryOpen: defineMethod(z.void(), recoveryResultSchema),
  /** SQLite's full integrity_check, on demand (the start runs the cheap quick_check). */
  checkIntegrity: defineMethod(z.void(), z.object({ ok: z.boolean(), problems: z.array(z.string()).max(20) })),
};

export const workspaceEvents = {
  /** A write failed for a storage reason (the call answered the same code; sync paused on a full disk). */
  storageProblem: z.object({ problem: storageProblemSchema, source: z.enum(['call', 'sync']) }),
};
