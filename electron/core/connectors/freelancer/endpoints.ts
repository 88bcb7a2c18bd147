/**
 * The Freelancer.com calls Bottega makes, typed: paths, parameters and projections as the SDK names them
 * (freelancersdk/resources/{users,projects,messages}), each with the schema of its `result`. Page sizes are the
 * caller's (the poller's), never above 100.
 */
import { z } from 'zod';
import type { FreelancerAnswer, FreelancerClient, FreelancerRequest } from './api-client';
import {
  bidSchema,
  bidsPageSchema,
  messageSchema,
  messagesPageSchema,
  portfoliosResultSchema,
  projectsPageSchema,
  reputationsResultSchema,
  selfProfileSchema,
  threadsPageSchema,
  userSchema,
  usersResultSchema,
} from './api-schemas';

export type Page = { limit: number; offset: number };

/** The user projections a project page asks for, so owners arrive with country, status and reputation. */
const ownerProjections = { user_details: true, user_country_details: true, user_status: true, user_employer_reputation: true } as const;

export type ActiveProjectsQuery = Page & {
  /** Inclusive lower bound on time_submitted (Unix seconds). */
  fromTime: number | null;
  jobIds: readonly number[];
  languages: readonly string[];
};

export type OwnBidsQuery = Page & { fromTime?: number | null; projectIds?: readonly number[]; bidIds?: readonly number[]; bare?: boolean };

export type UpdatedQuery = Page & { fromUpdatedTime: number | null; threadIds?: readonly number[] };

export type PlaceBid = { projectId: number; bidderId: number; amount: number; period: number; milestonePercentage: number; description: string };

/** The requests of the pages a poll reads, with their result schemas: sent here (the endpoints) or by a page reader. */
export const freelancerPageRequests = {
  /** projects.py search_projects(active_only): full descriptions, jobs by name, owners in `users`. */
  searchActiveProjects: (query: ActiveProjectsQuery): FreelancerRequest => ({
    method: 'GET',
    path: '/projects/0.1/projects/active/',
    query: {
      limit: query.limit,
      offset: query.offset,
      from_time: query.fromTime,
      jobs: query.jobIds.length > 0 ? query.jobIds : undefined,
      languages: query.languages.length > 0 ? query.languages : undefined,
      full_description: true,
      job_details: true,
      ...ownerProjections,
    },
  }),

  /**
   * projects.py get_bids (`bids[]`, `projects[]`, `limit`, `offset`), with `bidders[]` and `from_time` (inclusive
   * lower bound on time_submitted) as third-party clients of the API send them: the user's own bids with their
   * projects (for currency, kind, language) and those projects' owners; `bare`: the bids alone, as the SDK asks
   * for them (no projections: `projects` and `users` null), to see whether any changed.
   */
  getOwnBids: (bidderId: number, page: OwnBidsQuery): FreelancerRequest => ({
    method: 'GET',
    path: '/projects/0.1/bids/',
    query: {
      bidders: [bidderId],
      bids: page.bidIds && page.bidIds.length > 0 ? page.bidIds : undefined,
      projects: page.projectIds && page.projectIds.length > 0 ? page.projectIds : undefined,
      from_time: page.fromTime ?? undefined,
      limit: page.limit,
      offset: page.offset,
      ...(page.bare ? {} : { project_details: true, full_description: true, job_details: true, ...ownerProjections }),
    },
  }),

  /** messages.py get_threads, by update time: newest first; no count, so page until a short page. */
  getThreads: (page: UpdatedQuery): FreelancerRequest => ({
    method: 'GET',
    path: '/messages/0.1/threads/',
    query: {
      threads: page.threadIds && page.threadIds.length > 0 ? page.threadIds : undefined,
      from_updated_time: page.fromUpdatedTime,
      limit: page.limit,
      offset: page.offset,
      last_message: true,
      message_count: true,
      user_details: true,
      user_country_details: true,
      user_status: true,
    },
  }),

  /** messages.py get_messages: every thread's messages newer than the watermark, or one thread's (reconcile). */
  getMessages: (page: UpdatedQuery): FreelancerRequest => ({
    method: 'GET',
    path: '/messages/0.1/messages/',
    query: {
      threads: page.threadIds && page.threadIds.length > 0 ? page.threadIds : undefined,
      from_updated_time: page.fromUpdatedTime,
      limit: page.limit,
      offset: page.offset,
    },
  }),
};

export const freelancerEndpoints = (client: FreelancerClient) => ({
  /** The client they send through: a page source sends the poll's pages with it (page-reader.ts). */
  client,

  /** users.py get_self: the account's identity and its skills (jobs) for the feed's filter. */
  getSelf: () => client.send({ method: 'GET', path: '/users/0.1/self/', query: { jobs: true, country_details: true, status: true } }, userSchema),

  /** users.py get_self with the profile projections (helpers.py create_get_users_details_object): the account's profile as Freelancer shows it. */
  getSelfProfile: () =>
    client.send(
      { method: 'GET', path: '/users/0.1/self/', query: { jobs: true, country_details: true, location_details: true, profile_description: true, avatar: true } },
      selfProfileSchema,
    ),

  /** users.py get_portfolios: the user's portfolio items; `limit` and `offset` count per user. */
  getPortfolios: (userId: number, page: Page) =>
    client.send({ method: 'GET', path: '/users/0.1/portfolios/', query: { users: [userId], limit: page.limit, offset: page.offset } }, portfoliosResultSchema),

  getUsers: (ids: readonly number[]) =>
    client.send({ method: 'GET', path: '/users/0.1/users/', query: { users: ids, country_details: true, status: true, employer_reputation: true } }, usersResultSchema),

  getReputations: (ids: readonly number[], role: 'employer' | 'freelancer' = 'employer') =>
    client.send({ method: 'GET', path: '/users/0.1/reputations/', query: { users: ids, role } }, reputationsResultSchema),

  searchActiveProjects: (query: ActiveProjectsQuery) => client.send(freelancerPageRequests.searchActiveProjects(query), projectsPageSchema),

  /** helpers.py create_get_projects_object: given projects (a thread's, older than the feed's window or outside its filter), with owners. */
  getProjects: (ids: readonly number[]) =>
    client.send(
      {
        method: 'GET',
        path: '/projects/0.1/projects/',
        query: { projects: ids, limit: Math.min(100, ids.length), offset: 0, full_description: true, job_details: true, ...ownerProjections },
      },
      projectsPageSchema,
    ),

  getOwnBids: (bidderId: number, page: OwnBidsQuery) => client.send(freelancerPageRequests.getOwnBids(bidderId, page), bidsPageSchema),

  getThreads: (page: UpdatedQuery) => client.send(freelancerPageRequests.getThreads(page), threadsPageSchema),

  getMessages: (page: UpdatedQuery) => client.send(freelancerPageRequests.getMessages(page), messagesPageSchema),

  /** messages.py post_message: form-encoded `message`. */
  postMessage: (threadId: number, text: string) =>
    client.send({ method: 'POST', path: `/messages/0.1/threads/${threadId}/messages/`, form: { message: text } }, messageSchema),

  /** projects.py place_project_bid: JSON. Only ever called for a bid the user confirmed (the platform forbids automatic bids). */
  placeBid: (bid: PlaceBid) =>
    client.send(
      {
        method: 'POST',
        path: '/projects/0.1/bids/',
        json: { project_id: bid.projectId, bidder_id: bid.bidderId, amount: bid.amount, period: bid.period, milestone_percentage: bid.milestonePercentage, description: bid.description },
      },
      bidSchema,
    ),

  /** projects.py retract_project_bid: PUT with the action in the query and a form content type; no result. */
  retractBid: (bidId: number): Promise<FreelancerAnswer<unknown>> =>
    client.send({ method: 'PUT', path: `/projects/0.1/bids/${bidId}/`, query: { action: 'retract' }, form: {} }, z.unknown()),
});

export type FreelancerEndpoints = ReturnType<typeof freelancerEndpoints>;
