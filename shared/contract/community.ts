import { z } from 'zod';
import { writeChangeSchema } from './sync';
import { eventFormats, forumCategories, storySectors } from '../platform/records';
import { defineMethod } from '../rpc/define';

export const communityPageLimit = 200;

const idSchema = z.string().min(1).max(200);
const languageFilterSchema = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/).nullable().default(null);
const textFilterSchema = z.string().trim().max(200).default('');
const pageFields = {
  offset: z.number().int().nonnegative().default(0),
  limit: z.number().int().positive().max(communityPageLimit).default(50),
};

export const storySectorSchema = z.enum(storySectors);
export type StorySector = z.infer<typeof storySectorSchema>;

export const storyFilterSchema = z
  .object({
    /** Full text over title, body, profession, person, region, tags and tools; accents need not be typed. */
    text: textFilterSchema,
    profession: z.string().trim().min(1).max(100).nullable().default(null),
    sector: storySectorSchema.nullable().default(null),
    /** ISO 3166-1 alpha-2: the map's regions are countries. */
    country: z.string().regex(/^[A-Z]{2}$/).nullable().default(null),
    language: languageFilterSchema,
    savedOnly: z.boolean().default(false),
  })
  .strict();
export type StoryFilter = z.infer<typeof storyFilterSchema>;
export type StoryFilterInput = z.input<typeof storyFilterSchema>;

export const storySummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  authorName: z.string(),
  profession: z.string(),
  sector: storySectorSchema.nullable(),
  country: z.string().nullable(),
  region: z.string().nullable(),
  language: z.string(),
  /** The first words of the body, as plain text. */
  excerpt: z.string(),
  tools: z.array(z.string()),
  likes: z.number().int().nonnegative(),
  publishedAt: z.string(),
  saved: z.boolean(),
});
export type StorySummary = z.infer<typeof storySummarySchema>;

export const storySchema = storySummarySchema.extend({ body: z.string(), tags: z.array(z.string()) });
export type StoryDetail = z.infer<typeof storySchema>;

const countSchema = z.number().int().nonnegative();

export const storyFacetsSchema = z.object({
  professions: z.array(z.object({ profession: z.string(), sector: storySectorSchema.nullable(), count: countSchema })),
  sectors: z.array(z.object({ sector: storySectorSchema, count: countSchema })),
  countries: z.array(z.object({ country: z.string(), count: countSchema })),
  languages: z.array(z.object({ language: z.string(), count: countSchema })),
});
export type StoryFacets = z.infer<typeof storyFacetsSchema>;

export const professionMapSchema = z.object({
  /** Members (stories) per country for the chosen profession/sector/language. */
  countries: z.array(z.object({ country: z.string(), count: countSchema })),
  /** Professions by sector for the chosen language: the chart beside the map. */
  sectors: z.array(
    z.object({ sector: storySectorSchema.nullable(), professions: z.array(z.object({ profession: z.string(), count: countSchema })) }),
  ),
});
export type ProfessionMap = z.infer<typeof professionMapSchema>;

export const forumCategorySchema = z.enum(forumCategories);
export const forumPostStates = ['synced', 'pending', 'failed'] as const;

export const topicSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  category: forumCategorySchema,
  language: z.string(),
  authorName: z.string(),
  postCount: countSchema,
  unreadCount: countSchema,
  pinned: z.boolean(),
  locked: z.boolean(),
  lastPostAt: z.string().nullable(),
});
export type TopicSummary = z.infer<typeof topicSummarySchema>;

export const forumPostSchema = z.object({
  id: z.string(),
  authorName: z.string(),
  /** Written by the signed-in user. */
  mine: z.boolean(),
  body: z.string(),
  replyTo: z.string().nullable(),
  createdAt: z.string(),
  state: z.enum(forumPostStates),
  /** Arrived after the topic was last read. */
  unread: z.boolean(),
});
export type ForumPostView = z.infer<typeof forumPostSchema>;

export const communityEventSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  language: z.string(),
  format: z.enum(eventFormats),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  venue: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  organizerName: z.string(),
  cancelled: z.boolean(),
});
export type CommunityEventView = z.infer<typeof communityEventSchema>;

export const communityMethods = {
  listStories: defineMethod(
    z.object({ filter: storyFilterSchema.default(storyFilterSchema.parse({})), ...pageFields }).strict(),
    z.object({ total: countSchema, items: z.array(storySummarySchema) }),
  ),
  getStory: defineMethod(z.object({ id: idSchema }).strict(), storySchema),
  /** "Save for later": kept locally, survives a cache rebuild. */
  setStorySaved: defineMethod(z.object({ id: idSchema, saved: z.boolean() }).strict(), z.object({ saved: z.boolean() })),
  getStoryFacets: defineMethod(z.object({ language: languageFilterSchema }).strict(), storyFacetsSchema),
  getProfessionMap: defineMethod(
    z
      .object({
        profession: z.string().trim().min(1).max(100).nullable().default(null),
        sector: storySectorSchema.nullable().default(null),
        language: languageFilterSchema,
      })
      .strict(),
    professionMapSchema,
  ),
  listTopics: defineMethod(
    z
      .object({
        /** Matches topic titles and the posts inside them. */
        text: textFilterSchema,
        language: languageFilterSchema,
        category: forumCategorySchema.nullable().default(null),
        unreadOnly: z.boolean().default(false),
        ...pageFields,
      })
      .strict(),
    z.object({ total: countSchema, unreadTopics: countSchema, items: z.array(topicSummarySchema) }),
  ),
  getTopic: defineMethod(
    z.object({ id: idSchema }).strict(),
    z.object({ topic: topicSummarySchema, posts: z.array(forumPostSchema) }),
  ),
  /** Everything in the topic so far counts as read. */
  markTopicRead: defineMethod(z.object({ id: idSchema }).strict(), z.object({ unreadCount: countSchema })),
  /** Shown at once as pending, posted when the platform is reachable, exactly once. */
  replyToTopic: defineMethod(
    z.object({ topicId: idSchema, body: z.string().trim().min(1).max(20_000), replyTo: idSchema.nullable().default(null) }).strict(),
    z.object({ id: z.string(), state: z.enum(forumPostStates) }),
  ),
  listEvents: defineMethod(
    z.object({ language: languageFilterSchema, includePast: z.boolean().default(false) }).strict(),
    z.array(communityEventSchema),
  ),
  /** An RFC 5545 calendar with the one event, for "add to calendar". */
  exportEventIcs: defineMethod(z.object({ id: idSchema }).strict(), z.object({ fileName: z.string(), content: z.string() })),
};

export const communityEvents = {
  /** Stories, topics, posts or events changed (a pull, a reply posted or refused); topicId null: any. */
  communityChanged: z.object({ topicId: z.string().nullable(), write: writeChangeSchema.optional() }),
};
