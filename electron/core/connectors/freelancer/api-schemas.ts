/**
 * The Freelancer.com REST API 0.1 answers Bottega reads, as zod schemas. Shapes follow the official SDK
 * (freelancer/freelancer-sdk-python: resources/{users,projects,messages}/ and the mocked answers in tests/),
 * as tests/platform/freelancer/README.md cites them. Lenient where the API is: fields they do not name are
 * allowed and left out of what they return (the raw record, the API's own JSON, keeps them for a later version;
 * copying them here as well cost the page reader a fifth more per project), optional projections may be missing
 * or null, and an empty map may come as `[]`.
 *
 * Pages validate their frame only (`projects: unknown[]`); each item is validated on its own by mapping.ts, so
 * one odd record is quarantined with its reason instead of failing the whole page.
 */
import { z } from 'zod';

const freelancerId = z.number().int().positive();
const unixSeconds = z.number().int().nonnegative();

// ---- envelopes --------------------------------------------------------------------------------------------

/** Every success: `{status: "success", result, request_id}`; bid actions answer without `result` (SDK tests). */
export const successEnvelopeSchema = z
  .object({ status: z.literal('success'), result: z.unknown().optional(), request_id: z.string().nullish() });

/** Every failure: `{status: "error", message, error_code, request_id}` with a 4xx/5xx (SDK exceptions, PRs #43, #44, #46). */
export const errorEnvelopeSchema = z
  .object({ status: z.literal('error'), message: z.string().nullish(), error_code: z.string().nullish(), request_id: z.string().nullish() });

// ---- reference data ---------------------------------------------------------------------------------------

/** helpers.py create_currency_object; only `code` is relied on (ids differ between services). */
export const currencySchema = z
  .object({ id: z.number().int().nullish(), code: z.string().min(1), sign: z.string().nullish(), name: z.string().nullish(), exchange_rate: z.number().nullish() });

/** helpers.py create_job_object: a Freelancer "job" is what Bottega calls a skill; shown by `name`. */
export const jobSchema = z
  .object({
    id: z.number().int(),
    name: z.string().min(1),
    seo_url: z.string().nullish(),
    category: z.object({ id: z.number().int().nullish(), name: z.string().nullish() }).nullish(),
  });

// ---- users ------------------------------------------------------------------------------------------------

const reputationHistorySchema = z
  .object({
    overall: z.number().nullish(),
    reviews: z.number().int().nonnegative().nullish(),
    complete: z.number().int().nonnegative().nullish(),
    all: z.number().int().nonnegative().nullish(),
  });

/** users.py get_reputations (and `employer_reputation` on a user): the inner fields are third-party/fixture readings. */
export const reputationSchema = z
  .object({
    user_id: z.number().int().nullish(),
    role: z.string().nullish(),
    entire_history: reputationHistorySchema.nullish(),
    last3months: reputationHistorySchema.nullish(),
    last12months: reputationHistorySchema.nullish(),
  });

/** A user as the users API and the `user_*` projections return it (create_get_users_details_object). */
export const userSchema = z
  .object({
    id: freelancerId,
    username: z.string().min(1),
    display_name: z.string().nullish(),
    public_name: z.string().nullish(),
    registration_date: unixSeconds.nullish(),
    primary_language: z.string().nullish(),
    primary_currency: currencySchema.nullish(),
    hourly_rate: z.number().nullish(),
    location: z
      .object({ country: z.object({ name: z.string().nullish(), code: z.string().nullish() }).nullish(), city: z.string().nullish() })
      .nullish(),
    status: z.object({ payment_verified: z.boolean().nullish() }).nullish(),
    employer_reputation: reputationSchema.nullish(),
    jobs: z.array(jobSchema).nullish(),
  });

/** `{"<id>": …}`, or `[]` for an empty map (SDK FakeSearchProjectsGetResponse), or null without a projection: always a map here. */
const idMap = z
  .union([z.record(z.string(), z.unknown()), z.array(z.unknown()).max(0), z.null()])
  .optional()
  .transform((value): Record<string, unknown> => (value && !Array.isArray(value) ? value : {}));

export const usersResultSchema = z.object({ users: idMap });

/** The user as /self answers with the profile projections: the profile's texts (tagline, profile_description; *3p* names). */
export const selfProfileSchema = userSchema.extend({ tagline: z.string().nullish(), profile_description: z.string().nullish() });

/** A portfolio item: SDK test_users.py FakeGetPortfoliosGetResponse (`files`, `articles`, `user_id`, `description`), plus `id` and `title` (*3p*). */
export const portfolioItemSchema = z
  .object({
    id: freelancerId,
    title: z.string().nullish(),
    description: z.string().nullish(),
    files: z.array(z.object({ filename: z.string().nullish(), description: z.string().nullish() })).nullish(),
  });

/** users.py get_portfolios: `{portfolios: {"<user id>": [item, …]}, users}`; an empty map may come as `[]`. */
export const portfoliosResultSchema = z.object({ portfolios: idMap });
/** `GET /users/0.1/reputations/`: the map itself is the result. */
export const reputationsResultSchema = idMap;

// ---- projects and bids ------------------------------------------------------------------------------------

/** A project (create_get_projects_object projections; FakeSearchProjectsGetResponse). Budgets are in major units. */
export const projectSchema = z
  .object({
    id: freelancerId,
    owner_id: freelancerId,
    title: z.string(),
    status: z.string(),
    seo_url: z.string().nullish(),
    currency: currencySchema,
    description: z.string().nullish(),
    preview_description: z.string().nullish(),
    type: z.string(),
    budget: z.object({ minimum: z.number().nonnegative().nullish(), maximum: z.number().nonnegative().nullish() }).nullish(),
    bid_stats: z.object({ bid_count: z.number().int().nonnegative().nullish(), bid_avg: z.number().nullish() }).nullish(),
    time_submitted: unixSeconds,
    time_updated: unixSeconds.nullish(),
    language: z.string().nullish(),
    jobs: z.array(jobSchema).nullish(),
    local: z.boolean().nullish(),
  });

/** `GET /projects/0.1/projects/active/` and `/projects/`: `total_count` per the SDK mocks. */
export const projectsPageSchema = z
  .object({ projects: z.array(z.unknown()), users: idMap, total_count: z.number().int().nonnegative().nullish() });

/** FakePlaceBidPostResponse, plus `award_status` / `time_awarded` as bid lists are read by clients. */
export const bidSchema = z
  .object({
    id: freelancerId,
    bidder_id: freelancerId,
    project_id: freelancerId,
    project_owner_id: freelancerId.nullish(),
    retracted: z.boolean().nullish(),
    amount: z.number().nonnegative(),
    period: z.number().int().nullish(),
    milestone_percentage: z.number().nullish(),
    description: z.string().nullish(),
    time_submitted: unixSeconds.nullish(),
    submitdate: unixSeconds.nullish(),
    award_status: z.string().nullish(),
    time_awarded: unixSeconds.nullish(),
    frontend_bid_status: z.string().nullish(),
    /** What the bidder paid to sponsor (upgrade) the bid, in the project's currency as the amount is; 0 for a plain bid. */
    sponsored: z.number().nonnegative().nullish(),
  });

export const bidsPageSchema = z
  .object({ bids: z.array(z.unknown()), users: idMap, projects: idMap, total_count: z.number().int().nonnegative().nullish() });

// ---- messages ---------------------------------------------------------------------------------------------

/** create_get_messages_object; the sender is `from_user` in lists, `from_user_id` in the SDK's post mock. */
export const messageSchema = z
  .object({
    id: freelancerId,
    thread_id: freelancerId,
    message: z.string().nullish(),
    from_user: freelancerId.nullish(),
    from_user_id: freelancerId.nullish(),
    time_created: unixSeconds,
    attachments: z.array(z.unknown()).nullish(),
    message_source: z.string().nullish(),
  })
  .refine((message) => (message.from_user ?? message.from_user_id) != null, { path: ['from_user'], message: 'from_user or from_user_id is required' });

/** FakeGetThreadsGetResponse: the thread proper is nested under `thread`. */
export const threadSchema = z
  .object({
    id: freelancerId.nullish(),
    thread: z
      .object({
        id: freelancerId,
        thread_type: z.string().nullish(),
        time_created: unixSeconds,
        members: z.array(freelancerId),
        owner: freelancerId.nullish(),
        context: z.object({ type: z.string(), id: z.number().int().nullish() }).nullish(),
      }),
    time_updated: unixSeconds.nullish(),
    is_read: z.boolean().nullish(),
    is_muted: z.boolean().nullish(),
    message: z.unknown().optional(),
    message_count: z.number().int().nonnegative().nullish(),
  });

/** Threads carry no count: page until a short page. */
export const threadsPageSchema = z.object({ threads: z.array(z.unknown()), users: idMap });

/** `unfiltered_count` is the number matching the filters (SDK mock; fixture). */
export const messagesPageSchema = z
  .object({ messages: z.array(z.unknown()), unfiltered_count: z.number().int().nonnegative().nullish(), users: idMap });

export type FreelancerCurrency = z.infer<typeof currencySchema>;
export type FreelancerJob = z.infer<typeof jobSchema>;
export type FreelancerReputation = z.infer<typeof reputationSchema>;
export type FreelancerUser = z.infer<typeof userSchema>;
export type FreelancerProject = z.infer<typeof projectSchema>;
export type FreelancerProjectsPage = z.infer<typeof projectsPageSchema>;
export type FreelancerBid = z.infer<typeof bidSchema>;
export type FreelancerBidsPage = z.infer<typeof bidsPageSchema>;
export type FreelancerMessage = z.infer<typeof messageSchema>;
export type FreelancerThread = z.infer<typeof threadSchema>;
export type FreelancerThreadsPage = z.infer<typeof threadsPageSchema>;
export type FreelancerMessagesPage = z.infer<typeof messagesPageSchema>;
