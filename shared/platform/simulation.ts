import { z } from 'zod';
import { messageIdSchema, versionSchema } from './primitives';
import { changeOps } from './changes';
import { projectCategories, projectKinds } from './records';

/**
 * Test-only endpoints under `/v1/simulation/…` (the reference server enables them with `--simulation`):
 * a test acts as the other side of the marketplace. Not part of a real platform.
 */
export const simulateMessageBodySchema = z.strictObject({
  id: messageIdSchema.optional(),
  body: z.string().min(1).max(20_000),
});

export const simulateEditBodySchema = z.strictObject({
  /** Fields merged into the record's data (top level). */
  patch: z.record(z.string(), z.unknown()),
});

export const simulateProjectBodySchema = z.strictObject({
  title: z.string().min(1).max(300).optional(),
  description: z.string().max(20_000).optional(),
  language: z.string().optional(),
  // `other` is a marketplace's category Bottega has no name for: the reference platform's postings all have one.
  category: z.enum(projectCategories).exclude(['other']).optional(),
  kind: z.enum(projectKinds).optional(),
  skills: z.array(z.string()).optional(),
  /** Questions asked of every bidder (ids q1, q2, … in this order). */
  questions: z.array(z.string().min(1).max(1000)).max(5).optional(),
});

/** A raw record put into the feed exactly as given: may be invalid on purpose. */
export const simulateInjectBodySchema = z.strictObject({
  type: z.string().min(1).max(100),
  id: z.string().min(1).max(300),
  op: z.enum(changeOps).default('upsert'),
  version: versionSchema.optional(),
  data: z.unknown(),
  /** Whose feed gets it: every user (default) or these user ids. */
  users: z.array(z.string()).optional(),
});

export const simulateClockBodySchema = z.strictObject({
  advance_seconds: z.number().int().min(0).max(10 * 365 * 86_400),
});

export const simulationResultSchema = z.object({
  type: z.string(),
  id: z.string(),
  version: versionSchema,
  data: z.unknown(),
});

export const simulateCompactResultSchema = z.object({
  purged: z.number().int().nonnegative(),
  oldest_valid_cursor: z.string().min(1),
});

export const simulateClockResultSchema = z.object({ now: z.iso.datetime() });

export type SimulateMessageBody = z.input<typeof simulateMessageBodySchema>;
export type SimulateEditBody = z.input<typeof simulateEditBodySchema>;
export type SimulateProjectBody = z.input<typeof simulateProjectBodySchema>;
export type SimulateInjectBody = z.input<typeof simulateInjectBodySchema>;
export type SimulationResult = z.infer<typeof simulationResultSchema>;
