import { z } from 'zod';
import { accountBadgeSchema, accountFilterSchema } from './accounts';
import { currencySchema } from './money';

export const matchBreakdownSchema = z.object({
  score: z.number().int().min(0).max(100),
  skillsMatched: z.number().int().nonnegative(),
  skillsTotal: z.number().int().nonnegative(),
  speaksLanguage: z.boolean(),
  budget: z.enum(['fits', 'low', 'unknown']),
});

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
  /** How well it fits the freelancer's profile, with the reasons; null before a profile exists. */
  match: matchBreakdownSchema.nullable().optional(),
  /** The account that brought it (its platform badge); null for none. */
  account: accountBadgeSchema.nullable(),
});

export type ProjectSummary = z.infer<typeof projectSummarySchema>;

export const projectSorts = ['newest', 'budget', 'bids', 'match'] as const;
export const projectSortSchema = z.enum(projectSorts);
export type ProjectSort = z.infer<typeof projectSortSchema>;

/** Every filter of the feed; empty lists and nulls mean "any". */
export const feedFilterSchema = z
  .object({
    /** Words to find in title, description and skills; accents optional, the last word may be partial. */
    text: z.string().max(200).default(''),
    /** Projects asking for any of these skills. */
    skills: z.array(z.string().min(1).max(100)).max(30).default([]),
    languages: z.array(z.string().min(2).max(35)).max(20).default([]),
    countries: z.array(z.string().length(2)).max(50).default([]),
    kind: z.enum(projectKinds).nullable().default(null),
    currency: currencySchema.nullable().default(null),
    /** Budget range in minor units of `currency`: projects whose budget overlaps it. */
    budgetMinMinor: z.number().int().nonnegative().nullable().default(null),
    budgetMaxMinor: z.number().int().nonnegative().nullable().default(null),
    postedWithinDays: z.number().int().positive().max(3650).nullable().default(null),
    statuses: z.array(z.enum(projectStatuses)).max(4).default([]),
    /** Projects brought by any of these accounts. */
    accountIds: accountFilterSchema.default([]),
  })
  .strict();

export type FeedFilter = z.infer<typeof feedFilterSchema>;
export type FeedFilterInput = z.input<typeof feedFilterSchema>;
export const emptyFeedFilter: FeedFilter = feedFilterSchema.parse({});

export const clientSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  company: z.string().nullable(),
  country: z.string().nullable(),
  city: z.string().nullable(),
  languages: z.array(z.string()),
  reputation: z.number().nullable(),
  reviewsCount: z.number().int().nonnegative(),
  paymentVerified: z.boolean(),
  projectsPosted: z.number().int().nonnegative(),
  registeredAt: z.string().nullable(),
  account: accountBadgeSchema.nullable(),
});
export type ClientSummary = z.infer<typeof clientSummarySchema>;

export const proposalSummarySchema = z.object({
  id: z.string(),
  projectId: z.string(),
  projectTitle: z.string().nullable(),
  status: z.string(),
  kind: z.enum(projectKinds),
  currency: z.string(),
  amountMinor: z.number().int().nullable(),
  submittedAt: z.string().nullable(),
  account: accountBadgeSchema.nullable(),
});
export type ProposalSummary = z.infer<typeof proposalSummarySchema>;

export const projectDetailSchema = projectSummarySchema.extend({
  description: z.string(),
  category: z.string().nullable(),
  remote: z.boolean(),
  /** YYYY-MM-DD the client wants it done by, if stated. */
  deadline: z.string().nullable(),
  client: clientSummarySchema.nullable(),
  proposal: proposalSummarySchema.nullable(),
});
export type ProjectDetail = z.infer<typeof projectDetailSchema>;

export const feedFacetsSchema = z.object({
  skills: z.array(z.object({ value: z.string(), count: z.number().int() })),
  languages: z.array(z.object({ value: z.string(), count: z.number().int() })),
  countries: z.array(z.object({ value: z.string(), count: z.number().int() })),
  currencies: z.array(z.object({ value: z.string(), count: z.number().int() })),
});
export type FeedFacets = z.infer<typeof feedFacetsSchema>;
