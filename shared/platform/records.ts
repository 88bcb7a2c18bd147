import { z } from 'zod';
import {
  clientIdSchema,
  countrySchema,
  currencyCodeSchema,
  dateSchema,
  eventIdSchema,
  forumPostIdSchema,
  forumTopicIdSchema,
  httpUrlSchema,
  languageTagSchema,
  messageIdSchema,
  milestoneIdSchema,
  minorAmountSchema,
  participantIdSchema,
  portfolioItemIdSchema,
  projectIdSchema,
  proposalIdSchema,
  skillListSchema,
  storyIdSchema,
  threadIdSchema,
  timestampSchema,
  uploadIdSchema,
  userIdSchema,
  variantsSchema,
  versionSchema,
} from './primitives';

export const projectCategories = [
  'web_development',
  'design',
  'translation',
  'copywriting',
  'seo',
  'mobile_apps',
  'data_entry',
  'video',
  'accounting',
  /** A marketplace's category Bottega has no name of its own for (Freelancer's "Engineering & Science"). */
  'other',
] as const;
export const projectKinds = ['fixed', 'hourly'] as const;
export const projectStatuses = ['open', 'closed', 'awarded', 'cancelled'] as const;

/** For hourly projects the amounts are per hour. `max_minor` null means "open-ended". */
export const budgetSchema = z.object({
  min_minor: minorAmountSchema,
  max_minor: minorAmountSchema.nullable(),
  currency: currencyCodeSchema,
});

/** A question the client asks every bidder; ids are unique within the project. */
export const projectQuestionSchema = z.object({
  id: z.string().regex(/^q[0-9]{1,3}$/, 'an id of the form q1'),
  text: z.string().min(1).max(1000),
});

export const projectSchema = z.object({
  id: projectIdSchema,
  version: versionSchema,
  client_id: clientIdSchema,
  title: z.string().min(1).max(300),
  description: z.string().max(20_000),
  /** The language the client wrote the posting in. */
  language: languageTagSchema,
  category: z.enum(projectCategories),
  kind: z.enum(projectKinds),
  budget: budgetSchema,
  skills: skillListSchema,
  /** The client's country. */
  country: countrySchema,
  remote: z.boolean(),
  bid_count: z.number().int().nonnegative(),
  status: z.enum(projectStatuses),
  deadline: dateSchema.nullable(),
  /**
   * Asked of every bidder, in the project's language; a bid answers each. Came later than the rest: a record
   * without it has none.
   */
  questions: z.array(projectQuestionSchema).max(5).default([]),
  posted_at: timestampSchema,
  updated_at: timestampSchema,
});

export const clientSchema = z.object({
  id: clientIdSchema,
  version: versionSchema,
  name: z.string().min(1).max(200),
  company: z.string().max(200).nullable(),
  country: countrySchema,
  city: z.string().max(100).nullable(),
  primary_language: languageTagSchema,
  languages: z.array(languageTagSchema).min(1),
  /** Average review score, 0–5 with one decimal. */
  reputation: z.number().min(0).max(5),
  reviews_count: z.number().int().nonnegative(),
  payment_verified: z.boolean(),
  projects_posted: z.number().int().nonnegative(),
  registered_at: timestampSchema,
  updated_at: timestampSchema,
});

export const threadContexts = ['project', 'general'] as const;

export const threadSchema = z.object({
  id: threadIdSchema,
  version: versionSchema,
  context: z.enum(threadContexts),
  /** Set when context is `project`. */
  project_id: projectIdSchema.nullable(),
  client_id: clientIdSchema,
  subject: z.string().max(300),
  members: z.array(participantIdSchema).min(2),
  unread_count: z.number().int().nonnegative(),
  read: z.boolean(),
  muted: z.boolean(),
  message_count: z.number().int().nonnegative(),
  last_message_at: timestampSchema.nullable(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});

export const attachmentSchema = z.object({
  upload_id: uploadIdSchema,
  name: z.string().min(1).max(255),
  mime: z.string().min(3).max(100),
  size: z.number().int().nonnegative(),
});

export const messageSchema = z.object({
  id: messageIdSchema,
  version: versionSchema,
  thread_id: threadIdSchema,
  sender_id: participantIdSchema,
  /** True when the signed-in user wrote it. */
  from_me: z.boolean(),
  body: z.string().max(20_000),
  attachments: z.array(attachmentSchema).max(20),
  sent_at: timestampSchema,
  read_at: timestampSchema.nullable(),
});

export const proposalStatuses = ['submitted', 'shortlisted', 'awarded', 'declined', 'withdrawn', 'completed'] as const;
export const milestoneStatuses = ['planned', 'funded', 'released'] as const;

export const milestoneSchema = z.object({
  id: milestoneIdSchema,
  title: z.string().min(1).max(200),
  amount_minor: minorAmountSchema,
  due_in_days: z.number().int().positive().max(3650).nullable(),
  status: z.enum(milestoneStatuses),
});

/** `source_locale` says which variant this one was translated from (null: written directly). */
export const proposalVariantSchema = z.object({
  cover_letter: z.string().max(20_000),
  source_locale: languageTagSchema.nullable(),
  updated_at: timestampSchema,
});

/** The freelancer's answer to one of the project's questions. */
export const proposalAnswerSchema = z.object({
  question_id: projectQuestionSchema.shape.id,
  text: z.string().min(1).max(5000),
});

export const proposalSchema = z.object({
  id: proposalIdSchema,
  version: versionSchema,
  project_id: projectIdSchema,
  status: z.enum(proposalStatuses),
  kind: z.enum(projectKinds),
  /** Total for fixed-price bids, the hourly rate for hourly ones. */
  amount_minor: minorAmountSchema,
  currency: currencyCodeSchema,
  period_days: z.number().int().positive().max(3650),
  milestones: z.array(milestoneSchema).max(50),
  default_locale: languageTagSchema,
  variants: variantsSchema(proposalVariantSchema),
  portfolio_item_ids: z.array(portfolioItemIdSchema).max(20),
  /** One per question of the project the freelancer answered; came later than the rest (absent: none). */
  answers: z.array(proposalAnswerSchema).max(5).default([]),
  sealed: z.boolean(),
  paid_minor: minorAmountSchema,
  /**
   * What placing the bid cost, in minor units of its currency, where the platform reports it (Freelancer: the
   * amount paid to upgrade the bid, 0 for a plain one); absent or null: not reported. Came later than the rest.
   */
  bid_fee_minor: minorAmountSchema.nullable().optional(),
  submitted_at: timestampSchema,
  decided_at: timestampSchema.nullable(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});

export const portfolioVisibilities = ['public', 'private'] as const;

/**
 * How a translation is tracked across devices: `revision` counts changes of this language's text (the
 * editing device numbers them, the platform keeps what it is sent); `source_revision` is the revision of
 * `source_locale`'s text the translation was written from. A translation whose source has a higher revision
 * now is outdated, on every device that reads the record. Both came later than the rest: a record without
 * them reads as revision 1 and an unknown source revision (then only `updated_at` can tell).
 */
const translationTracking = {
  revision: z.number().int().positive().default(1),
  source_revision: z.number().int().nonnegative().nullable().default(null),
};

export const portfolioVariantSchema = z.object({
  title: z.string().max(200),
  role: z.string().max(200),
  description: z.string().max(10_000),
  goal: z.string().max(5_000),
  solution: z.string().max(5_000),
  source_locale: languageTagSchema.nullable(),
  ...translationTracking,
  updated_at: timestampSchema,
});

export const portfolioItemSchema = z.object({
  id: portfolioItemIdSchema,
  version: versionSchema,
  skills: skillListSchema,
  links: z.array(httpUrlSchema).max(20),
  image_ids: z.array(uploadIdSchema).max(20),
  visibility: z.enum(portfolioVisibilities),
  position: z.number().int().nonnegative(),
  completed_on: dateSchema.nullable(),
  default_locale: languageTagSchema,
  variants: variantsSchema(portfolioVariantSchema),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});

export const languageLevels = ['native', 'fluent', 'professional', 'conversational', 'basic'] as const;

export const profileLanguageSchema = z.object({
  tag: languageTagSchema,
  level: z.enum(languageLevels),
});

export const profileVariantSchema = z.object({
  headline: z.string().max(200),
  bio: z.string().max(10_000),
  source_locale: languageTagSchema.nullable(),
  ...translationTracking,
  updated_at: timestampSchema,
});

/** The signed-in freelancer's public profile; its id is the user's id. */
export const profileSchema = z.object({
  id: userIdSchema,
  version: versionSchema,
  name: z.string().min(1).max(200),
  country: countrySchema.nullable(),
  city: z.string().max(100).nullable(),
  hourly_rate_minor: minorAmountSchema.nullable(),
  currency: currencyCodeSchema,
  skills: skillListSchema,
  languages: z.array(profileLanguageSchema).max(20),
  avatar_id: uploadIdSchema.nullable(),
  default_locale: languageTagSchema,
  variants: variantsSchema(profileVariantSchema),
  updated_at: timestampSchema,
});

/** The economic sectors stories are grouped by (the professions map's chart); labels are the clients' to translate. */
export const storySectors = [
  'marketing',
  'software',
  'design',
  'writing',
  'translation',
  'media',
  'commerce',
  'consulting',
  'food_and_farming',
  'crafts',
  'tourism',
  'education',
] as const;

/**
 * A community success story ("how I became a …"). `sector`, `region` and `tools` came later than the rest:
 * a record without them is still valid (null / empty), so an older server's stories keep syncing.
 */
export const storySchema = z.object({
  id: storyIdSchema,
  version: versionSchema,
  author_name: z.string().min(1).max(200),
  author_country: countrySchema,
  /** Where in the country the member works (a region or province, as the member names it). */
  region: z.string().min(1).max(100).nullable().default(null),
  /** As the member names it, in the story's language. */
  profession: z.string().min(1).max(100),
  sector: z.enum(storySectors).nullable().default(null),
  language: languageTagSchema,
  title: z.string().min(1).max(300),
  body: z.string().max(50_000),
  tags: z.array(z.string().max(50)).max(20),
  /** The tools the member works with (software, services). */
  tools: z.array(z.string().min(1).max(60)).max(30).default([]),
  likes: z.number().int().nonnegative(),
  published_at: timestampSchema,
  updated_at: timestampSchema,
});

export const forumCategories = ['getting_started', 'clients', 'pricing', 'tools', 'taxes', 'new_professions', 'off_topic'] as const;

export const forumTopicSchema = z.object({
  id: forumTopicIdSchema,
  version: versionSchema,
  category: z.enum(forumCategories),
  language: languageTagSchema,
  title: z.string().min(1).max(300),
  author_id: userIdSchema,
  author_name: z.string().min(1).max(200),
  post_count: z.number().int().nonnegative(),
  pinned: z.boolean(),
  locked: z.boolean(),
  created_at: timestampSchema,
  last_post_at: timestampSchema,
  updated_at: timestampSchema,
});

export const forumPostSchema = z.object({
  id: forumPostIdSchema,
  version: versionSchema,
  topic_id: forumTopicIdSchema,
  author_id: userIdSchema,
  author_name: z.string().min(1).max(200),
  body: z.string().min(1).max(20_000),
  reply_to: forumPostIdSchema.nullable(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});

export const eventFormats = ['in_person', 'online', 'hybrid'] as const;

/** A community event (meetup, workshop, webinar). Times are instants; `time_zone` is the organiser's, for display. */
export const communityEventSchema = z
  .object({
    id: eventIdSchema,
    version: versionSchema,
    title: z.string().min(1).max(300),
    description: z.string().max(10_000),
    language: languageTagSchema,
    format: z.enum(eventFormats),
    starts_at: timestampSchema,
    ends_at: timestampSchema,
    /** IANA time zone of the place (or of the organiser, for online events). */
    time_zone: z.string().min(1).max(64),
    venue: z.string().min(1).max(200).nullable(),
    city: z.string().min(1).max(100).nullable(),
    country: countrySchema.nullable(),
    /** Where to join an online or hybrid event. */
    online_url: httpUrlSchema.nullable(),
    organizer_name: z.string().min(1).max(200),
    cancelled: z.boolean(),
    created_at: timestampSchema,
    updated_at: timestampSchema,
  })
  .refine((event) => Date.parse(event.ends_at) >= Date.parse(event.starts_at), { path: ['ends_at'], message: 'must not be before starts_at' })
  .refine((event) => event.format === 'in_person' || event.online_url !== null, { path: ['online_url'], message: 'required for online and hybrid events' })
  .refine((event) => event.format === 'online' || event.city !== null, { path: ['city'], message: 'required for in-person and hybrid events' });

export type Budget = z.infer<typeof budgetSchema>;
export type ProjectQuestion = z.infer<typeof projectQuestionSchema>;
export type Project = z.infer<typeof projectSchema>;
export type Client = z.infer<typeof clientSchema>;
export type Thread = z.infer<typeof threadSchema>;
export type Attachment = z.infer<typeof attachmentSchema>;
export type Message = z.infer<typeof messageSchema>;
export type Milestone = z.infer<typeof milestoneSchema>;
export type ProposalVariant = z.infer<typeof proposalVariantSchema>;
export type ProposalAnswer = z.infer<typeof proposalAnswerSchema>;
export type Proposal = z.infer<typeof proposalSchema>;
export type PortfolioVariant = z.infer<typeof portfolioVariantSchema>;
export type PortfolioItem = z.infer<typeof portfolioItemSchema>;
export type ProfileLanguage = z.infer<typeof profileLanguageSchema>;
export type ProfileVariant = z.infer<typeof profileVariantSchema>;
export type Profile = z.infer<typeof profileSchema>;
export type Story = z.infer<typeof storySchema>;
export type ForumTopic = z.infer<typeof forumTopicSchema>;
export type ForumPost = z.infer<typeof forumPostSchema>;
export type CommunityEvent = z.infer<typeof communityEventSchema>;

/** Every record type in the change feed, in the order a first sync is most useful to apply them. */
export const recordTypes = [
  'profile',
  'portfolio_item',
  'client',
  'project',
  'proposal',
  'thread',
  'message',
  'story',
  'forum_topic',
  'forum_post',
  'event',
] as const;
export type RecordType = (typeof recordTypes)[number];
export const recordTypeSchema = z.enum(recordTypes);

export const recordSchemas = {
  project: projectSchema,
  client: clientSchema,
  thread: threadSchema,
  message: messageSchema,
  proposal: proposalSchema,
  portfolio_item: portfolioItemSchema,
  profile: profileSchema,
  story: storySchema,
  forum_topic: forumTopicSchema,
  forum_post: forumPostSchema,
  event: communityEventSchema,
} as const satisfies Record<RecordType, z.ZodType>;

export type RecordOf<T extends RecordType> = z.infer<(typeof recordSchemas)[T]>;
export type PlatformRecord = RecordOf<RecordType>;
