import { z } from 'zod';
import { rpcErrorSchema } from './errors';

/** The wire protocol: request/response with ids, plus events pushed by the core. Same on every transport. */
export const requestFrameSchema = z.object({
  kind: z.literal('request'),
  id: z.number().int().nonnegative(),
  channel: z.string().max(200),
  // Absent for methods without input: JSON drops undefined.
  input: z.unknown().optional(),
});

export const responseFrameSchema = z.discriminatedUnion('ok', [
  z.object({ kind: z.literal('response'), id: z.number().int(), ok: z.literal(true), value: z.unknown() }),
  z.object({ kind: z.literal('response'), id: z.number().int(), ok: z.literal(false), error: rpcErrorSchema }),
]);

export const eventFrameSchema = z.object({
  kind: z.literal('event'),
  event: z.string(),
  payload: z.unknown(),
});

export const serverFrameSchema = z.union([responseFrameSchema, eventFrameSchema]);

export type RequestFrame = z.infer<typeof requestFrameSchema>;
export type ResponseFrame = z.infer<typeof responseFrameSchema>;
export type EventFrame = z.infer<typeof eventFrameSchema>;
export type ServerFrame = z.infer<typeof serverFrameSchema>;
