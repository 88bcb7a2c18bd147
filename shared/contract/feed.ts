import { z } from 'zod';
import { projectSortSchema, projectSummarySchema } from '../domain/project';
import { defineMethod } from '../rpc/define';

export const feedPageLimit = 500;

export const listProjectsInputSchema = z
  .object({
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().positive().max(feedPageLimit).default(100),
    sort: projectSortSchema.default('newest'),
  })
  .strict();

export const feedMethods = {
  listProjects: defineMethod(
    listProjectsInputSchema,
    z.object({ total: z.number().int().nonnegative(), items: z.array(projectSummarySchema) }),
  ),
};

export const feedEvents = {
  /** The local cache of projects changed (sync, seed): lists refetch what they show. */
  projectsChanged: z.object({ count: z.number().int().nonnegative() }),
};
