import { z } from 'zod';
import {
  feedFacetsSchema,
  feedFilterSchema,
  projectDetailSchema,
  projectSortSchema,
  projectSummarySchema,
} from '../domain/project';
import { defineMethod } from '../rpc/define';

export const feedPageLimit = 500;

export const listProjectsInputSchema = z
  .object({
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().positive().max(feedPageLimit).default(100),
    sort: projectSortSchema.default('newest'),
    filter: feedFilterSchema.optional(),
  })
  .strict();

export const savedSearchSchema = z.object({
  id: z.number().int().positive(),
  name: z.string(),
  filter: feedFilterSchema,
  sort: projectSortSchema,
  /** Projects matching it that arrived since the user last opened it. */
  newCount: z.number().int().nonnegative(),
  openedAt: z.string(),
});
export type SavedSearch = z.infer<typeof savedSearchSchema>;

const savedSearchIdSchema = z.object({ id: z.number().int().positive() }).strict();

export const feedMethods = {
  /**
   * One page of the feed. `total` is the number of matches when the page itself tells it (it is the last
   * page: fewer rows than asked); otherwise null, and countProjects counts them, so a page never waits for
   * a count of 100k projects.
   */
  listProjects: defineMethod(
    listProjectsInputSchema,
    z.object({ total: z.number().int().nonnegative().nullable(), items: z.array(projectSummarySchema) }),
  ),
  /** The exact number of projects a filter matches (what listProjects leaves out when its page is full). */
  countProjects: defineMethod(
    z.object({ filter: feedFilterSchema.optional() }).strict(),
    z.object({ total: z.number().int().nonnegative() }),
  ),
  getProject: defineMethod(z.object({ id: z.string().min(1).max(200) }).strict(), projectDetailSchema.nullable()),
  /** The values the filters offer, most frequent first. */
  getFacets: defineMethod(z.void(), feedFacetsSchema),
  listSavedSearches: defineMethod(z.void(), z.array(savedSearchSchema)),
  saveSearch: defineMethod(
    z.object({ name: z.string().trim().min(1).max(200), filter: feedFilterSchema, sort: projectSortSchema }).strict(),
    savedSearchSchema,
  ),
  /** Opening a saved search resets its count of new matches. */
  openSavedSearch: defineMethod(savedSearchIdSchema, savedSearchSchema.nullable()),
  deleteSavedSearch: defineMethod(savedSearchIdSchema, z.object({ deleted: z.boolean() })),
};

export const feedEvents = {
  /** The local cache of projects changed (sync, seed): lists refetch what they show. */
  projectsChanged: z.object({ count: z.number().int().nonnegative() }),
  /** New projects arrived that match saved searches: the app shows a notice (or a native notification). */
  savedSearchMatches: z.object({
    matches: z.array(z.object({ id: z.number().int().positive(), name: z.string(), newCount: z.number().int().positive() })),
  }),
};
