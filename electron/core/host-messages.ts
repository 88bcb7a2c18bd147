import { z } from 'zod';

/**
 * What the Electron main process and the core's utility process say to each other over
 * `process.parentPort`. Both sides import this module; the core validates every message with it.
 * (The renderer's RPC never travels here: it has its own MessagePort per window.)
 */
export const hostToCoreMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('init'), dataDir: z.string().min(1), version: z.string().min(1) }),
  /** Carries one MessagePortMain in `event.ports`: a renderer's end of the RPC. */
  z.object({ type: z.literal('connect'), windowId: z.number().int().nonnegative() }),
  z.object({ type: z.literal('shutdown') }),
]);

export const coreToHostMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), schemaVersion: z.number().int() }),
  /** The core could not open the workspace (e.g. a database from a newer Bottega): shown to the user. */
  z.object({ type: z.literal('failed'), message: z.string() }),
  z.object({ type: z.literal('log'), level: z.enum(['info', 'warn', 'error']), message: z.string() }),
]);

export type HostToCoreMessage = z.infer<typeof hostToCoreMessageSchema>;
export type CoreToHostMessage = z.infer<typeof coreToHostMessageSchema>;
