import { z } from 'zod';
import { currencySchema } from './money';

export const projectKinds = ['fixed', 'hourly'] as const;
export const projectStatuses = ['open', 'closed', 'awarded', 'cancelled'] as const;

export const projectSummarySchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  /** BCP 47 language the client wrote the posting in. */
  language: z.string().min(2).max(35),
  kind: z.enum(projectKinds),
  currency: currencySchema,
  budgetMinMinor: z.number().int().nonnegative().nullable(),
  budgetMaxMinor: z.number().int().nonnegative().nullable(),
  skills: z.array(z.string()),
  /** ISO 3166-1 alpha-2 country of the client. */
  country: z.string().length(2).nullable(),
  bidCount: z.number().int().nonnegative(),
  status: z.enum(projectStatuses),
  /** ISO 8601 instant the client posted it. */
  postedAt: z.iso.datetime({ offset: true }),
});

export type ProjectSummary = z.infer<typeof projectSummarySchema>;

export const projectSorts = ['newest', 'budget', 'bids'] as const;
export const projectSortSchema = z.enum(projectSorts);
export type ProjectSort = z.infer<typeof projectSortSchema>;
