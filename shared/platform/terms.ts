import { z } from 'zod';
import { timestampSchema } from './primitives';

/** `GET /v1/terms`: the platform's current terms for freelancers; clients read them rather than assume them. */
export const termsSchema = z.object({
  /** The service fee the platform keeps from what the client pays for a proposal, in percent. */
  proposal_fee_percent: z.number().min(0).max(100),
  /** When these terms took effect. */
  effective_at: timestampSchema,
});

export type Terms = z.infer<typeof termsSchema>;
