/**
 * The schemas a mapped Freelancer record must pass before the workspace takes it: shared/platform/records.ts's
 * own, nothing widened here. Its `skillSchema` takes skills by name (Freelancer's jobs, "User Interface / IA")
 * as well as the reference platform's slugs, and its categories include `other` for a job category Bottega
 * has no name for.
 */
import type { z } from 'zod';
import { clientSchema, messageSchema, projectSchema, proposalSchema, threadSchema } from '../../../../shared/platform/records';

export const freelancerRecordSchemas = {
  project: projectSchema,
  client: clientSchema,
  proposal: proposalSchema,
  thread: threadSchema,
  message: messageSchema,
} as const;

export type FreelancerRecordType = keyof typeof freelancerRecordSchemas;
export type FreelancerRecordOf<T extends FreelancerRecordType> = z.output<(typeof freelancerRecordSchemas)[T]>;
