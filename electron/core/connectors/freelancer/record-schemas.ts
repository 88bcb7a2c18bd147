/**
 * The schemas a mapped Freelancer record must pass before the workspace takes it: shared/platform/records.ts
 * as it is, except `skills`. records.ts takes lowercase slugs (the reference platform's `it-en-translation`);
 * Freelancer's skills are its jobs, shown by name ("User Interface / IA", "Search Engine Optimization"), which
 * no slug rule can hold. Until records.ts widens `skillSchema` (next session, with the connector boundary),
 * this is the one difference, and the only one: every other field is records.ts's own schema.
 */
import { z } from 'zod';
import { clientSchema, messageSchema, projectSchema, proposalSchema, threadSchema } from '../../../../shared/platform/records';

/** A skill as the platform names it: one line, no control characters. */
export const skillNameSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[^\p{Cc}\p{Zl}\p{Zp}]+$/u, 'one line of text');

export const freelancerRecordSchemas = {
  project: projectSchema.extend({ skills: z.array(skillNameSchema).max(50) }),
  client: clientSchema,
  proposal: proposalSchema,
  thread: threadSchema,
  message: messageSchema,
} as const;

export type FreelancerRecordType = keyof typeof freelancerRecordSchemas;
export type FreelancerRecordOf<T extends FreelancerRecordType> = z.output<(typeof freelancerRecordSchemas)[T]>;
