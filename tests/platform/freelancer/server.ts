/**
 * A Freelancer.com REST API 0.1 test double: node:http on 127.0.0.1, the envelopes and shapes the official SDK
 * (freelancer/freelancer-sdk-python) and its tests show, over the seeded account of world.ts. Start it in-process
 * with `startFreelancerFixture`, or from the shell with `npm run platform:freelancer`. README.md says where each
 * shape comes from and what is simplified; the simulation API for tests lives under /__fixture/.
 *
 * Like the real service it has no idempotency keys: a write whose answer is lost (fault `lost`) is stored, and
 * sending it again stores it again (messages) or is refused (a second bid on the same project).
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { countryObject, currencies, type FreelancerJob, jobById, jobs } from './catalog';
import { type FaultDecision, FaultPlan, faultRuleSchema, parseFaultSpec } from './faults';
import { createFixtureOAuth, type FixtureOAuth, type FixtureOAuthOptions } from './oauth';
import { selfPortfolio, selfProfile } from './profile';
import {
  type BidRecord,
  type FixtureScale,
  fixtureScales,
  FreelancerWorld,
  type MessageRecord,
  type OwnerRecord,
  type ProjectRecord,
  type ScaleName,
  selfUserId,
  type ThreadRecord,
} from './world';

export type FreelancerFixtureOptions = {
  /** 0 (default) picks a free port; the server listens on 127.0.0.1 only. */
  port?: number;
  seed?: number | string;
  /** `tiny` (default), `demo`, `bench` (20k projects, 2k threads, 100k messages), `P,T,M` or explicit counts. */
  scale?: ScaleName | FixtureScale | string;
  /** The instant the seeded content leads up to: ISO text, Unix seconds or `now`. Default 2026-11-16T09:00:00Z, so a seed is fully deterministic. */
  anchor?: string | number;
  /** The access token the API accepts in `freelancer-oauth-v1`. Default derived from the seed. */
  token?: string;
  /** A random fault SPEC (faults.ts). */
  faults?: string;
  /** Build every seeded project and message before listening (about 150 µs a project), so no answer pays for generating them. */
  warm?: boolean;
  /** The accounts site's OAuth endpoints (oauth.ts): client id, consent auto-approval, code and token lifetimes. */
  oauth?: FixtureOAuthOptions;
};

export type FreelancerFixture = {
  /** The base URL, as `https://www.freelancer.com` is for the real service: the API is under `${url}/api/`. */
  url: string;
  port: number;
  token: string;
  selfId: number;
  world: FreelancerWorld;
  faults: FaultPlan;
  /** OAuth 2.0 at /oauth/authorize and /oauth/token (oauth.ts); its access tokens are accepted beside `token`. */
  oauth: FixtureOAuth;
  /** API requests answered or faulted so far, by `METHOD /route`. */
  requestCounts: () => { total: number; byRoute: Record<string, number> };
  close: () => Promise<void>;
};

const defaultAnchor = '2026-11-16T09:00:00Z';
const maxBodyBytes = 1024 * 1024;

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const notAuthenticated = (): ApiError => new ApiError(401, 'RestExceptionCodes.NOT_AUTHENTICATED', 'You must be logged in to perform this request');
const invalid = (message: string): ApiError => new ApiError(400, 'RestExceptionCodes.INVALID_PARAMETER', message);
const notFound = (what: string): ApiError => new ApiError(404, 'RestExceptionCodes.NOT_FOUND', `${what} was not found`);

type Flags = (name: string) => boolean;

type Context = {
  method: string;
  path: string;
  params: string[];
  query: URLSearchParams;
  flag: Flags;
  body: Buffer;
  contentType: string;
};

/** `{status:'success', result?, request_id}`; `result` undefined leaves it out (the bid actions in the SDK tests). */
type Handler = (context: Context) => { result?: unknown };

// ---- query helpers ----------------------------------------------------------------------------------------

const intList = (query: URLSearchParams, name: string): number[] =>
  query.getAll(name).map((text) => {
    if (!/^\d{1,15}$/.test(text)) throw invalid(`${name} must be a list of integers`);
    return Number(text);
  });

const intParam = (query: URLSearchParams, name: string, fallback: number | null, max = Number.MAX_SAFE_INTEGER): number | null => {
  const text = query.get(name);
  if (text === null || text === '') return fallback;
  if (!/^\d{1,15}$/.test(text)) throw invalid(`${name} must be a non-negative integer`);
  const value = Number(text);
  if (value > max) throw invalid(`${name} must be at most ${max}`);
  return value;
};

const pageParams = (query: URLSearchParams, defaultLimit: number): { limit: number; offset: number } => ({
  limit: intParam(query, 'limit', defaultLimit, 100) ?? defaultLimit,
  offset: intParam(query, 'offset', 0) ?? 0,
});

/** `x=true`, `x=True`, `x=1` or a bare `x=` are on; `false`/`0` off (requests sends Python's True as "True"). */
const flagsOf =
  (query: URLSearchParams): Flags =>
  (name) => {
    if (!query.has(name)) return false;
    const value = (query.get(name) ?? '').toLowerCase();
    return value !== 'false' && value !== '0';
  };

/** An empty map is sent as `[]`, as in the SDK's search test (`'users': []`). */
const mapOrEmptyList = <T>(map: Record<string, T>): Record<string, T> | [] => (Object.keys(map).length > 0 ? map : []);

/** `compact`: nulls left out, as the SDK's get_self turns it on to trim the answer. */
const stripNulls = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(stripNulls);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, item]) => item !== null)
        .map(([key, item]) => [key, stripNulls(item)]),
    );
  }
  return value;
};

// ---- shapes -----------------------------------------------------------------------------------------------

const jobJson = (job: FreelancerJob) => ({ id: job.id, name: job.name, seo_url: job.seo_url, category: job.category, active_project_count: null });

const currencyJson = (project: ProjectRecord) => ({ ...project.currency });

const projectJson = (project: ProjectRecord, flag: Flags) => ({
  id: project.id,
  owner_id: project.ownerId,
  title: project.title,
  status: project.status,
  seo_url: project.seoUrl,
  currency: currencyJson(project),
  description: flag('full_description') ? project.description : null,
  preview_description: project.description.replace(/\s+/g, ' ').slice(0, 200),
  deleted: false,
  nonpublic: false,
  hidebids: false,
  type: project.type,
  bidperiod: 7,
  budget: { minimum: project.budget.minimum, maximum: project.budget.maximum },
  hourly_project_info: project.type === 'hourly' ? { commitment: { hours: 40, interval: 'week' }, duration_enum: 'unspecified' } : null,
  featured: false,
  urgent: false,
  bid_stats: { bid_count: project.bidCount, bid_avg: project.bidAvg },
  time_submitted: project.timeSubmitted,
  time_updated: project.timeUpdated,
  upgrades: { featured: false, sealed: false, nonpublic: false, fulltime: false, urgent: false, qualified: false, NDA: false },
  language: project.language,
  frontend_project_status: project.status === 'active' ? 'open' : 'closed',
  local: false,
  jobs: flag('job_details') ? project.jobIds.map((id) => jobJson(jobById.get(id) as FreelancerJob)) : null,
});

const reputationBlock = (owner: Pick<OwnerRecord, 'overall' | 'reviews' | 'complete'>) => {
  const history = (share: number) => ({
    overall: owner.overall,
    on_budget: owner.overall,
    on_time: owner.overall,
    positive: owner.reviews === 0 ? 0 : 0.95,
    reviews: Math.round(owner.reviews * share),
    all: Math.round(owner.complete * share),
    complete: Math.round(owner.complete * share),
    incomplete: 0,
  });
  return { entire_history: history(1), last3months: history(0.1), last12months: history(0.4) };
};

/** A project owner as `users[id]`, with what the user_* projections (or users API's own names) ask for. */
const ownerJson = (owner: OwnerRecord, flag: Flags) => ({
  id: owner.id,
  username: owner.username,
  display_name: owner.displayName,
  public_name: owner.publicName,
  registration_date: owner.registrationDate,
  role: 'employer',
  chosen_role: 'employer',
  closed: false,
  limited_account: false,
  primary_language: owner.primaryLanguage,
  location: flag('user_country_details') || flag('country_details') || flag('user_location_details') || flag('location_details')
    ? { country: countryObject(owner.country), city: owner.city }
    : null,
  status: flag('user_status') || flag('status')
    ? { payment_verified: owner.paymentVerified, email_verified: owner.emailVerified, deposit_made: owner.paymentVerified, profile_complete: true, phone_verified: false, identity_verified: false }
    : null,
  employer_reputation: flag('user_employer_reputation') || flag('employer_reputation') ? { ...reputationBlock(owner), role: 'employer' } : null,
});

const wantsUsers = (flag: Flags): boolean =>
  ['user_details', 'user_country_details', 'user_status', 'user_employer_reputation', 'user_location_details', 'user_reputation'].some(flag);

const bidJson = (bid: BidRecord) => ({
  id: bid.id,
  bidder_id: bid.bidderId,
  project_id: bid.projectId,
  retracted: bid.retracted,
  amount: bid.amount,
  period: bid.period,
  description: bid.description,
  project_owner_id: bid.projectOwnerId,
  submitdate: bid.timeSubmitted,
  time_submitted: bid.timeSubmitted,
  milestone_percentage: bid.milestonePercentage,
  award_status: bid.awardStatus,
  time_awarded: bid.timeAwarded,
  frontend_bid_status: bid.retracted ? 'retracted' : bid.awardStatus === 'awarded' ? 'in_progress' : bid.awardStatus === 'rejected' ? 'rejected' : 'active',
  highlighted: false,
  sponsored: bid.sponsored,
  sealed: false,
});

const messageJson = (message: MessageRecord) => ({
  id: message.id,
  thread_id: message.threadId,
  from_user: message.fromUser,
  message: message.message,
  time_created: message.timeCreated,
  attachments: [],
  message_source: 'default_msg',
});

// ---- the server -------------------------------------------------------------------------------------------

const anchorSeconds = (anchor: string | number | undefined): number => {
  if (typeof anchor === 'number') return Math.floor(anchor);
  if (anchor === 'now') return Math.floor(Date.now() / 1000);
  const parsed = Date.parse(anchor ?? defaultAnchor);
  if (Number.isNaN(parsed)) throw new Error(`anchor "${anchor}" is not an ISO instant, Unix seconds or "now"`);
  return Math.floor(parsed / 1000);
};

export const resolveScale = (scale: ScaleName | FixtureScale | string | undefined): FixtureScale => {
  if (scale === undefined) return fixtureScales.tiny;
  if (typeof scale === 'object') return scale;
  if (scale in fixtureScales) return fixtureScales[scale as ScaleName];
  const match = /^(\d+),(\d+),(\d+)$/.exec(scale);
  if (!match) throw new Error(`scale "${scale}": expected tiny, demo, bench or PROJECTS,THREADS,MESSAGES`);
  return { projects: Number(match[1]), threads: Number(match[2]), messages: Number(match[3]) };
};

const simulationProjectSchema = z
  .object({
    title: z.string().min(1).max(300).optional(),
    description: z.string().min(1).max(20_000).optional(),
    jobs: z.array(z.string().min(1)).min(1).max(20).optional(),
    language: z.string().min(2).max(8).optional(),
    type: z.enum(['fixed', 'hourly']).optional(),
    owner_id: z.number().int().positive().optional(),
  })
  .strict();

const simulationMessageSchema = z
  .object({ thread_id: z.number().int().positive().optional(), project_id: z.number().int().positive().optional(), message: z.string().min(1).max(20_000) })
  .strict()
  .refine((body) => (body.thread_id === undefined) !== (body.project_id === undefined), 'give thread_id or project_id');

const simulationFaultsSchema = z.object({ spec: z.string().optional(), queue: z.array(faultRuleSchema).optional() }).strict();
const simulationClockSchema = z.object({ advance_seconds: z.number().int().min(0).max(10 * 365 * 86_400) }).strict();
const simulationTokenSchema = z.object({ token: z.string().min(1).max(500) }).strict();
const simulationOAuthSchema = z
  .object({ auto_approve: z.enum(['allow', 'deny']).nullable().optional(), access_ttl_seconds: z.number().int().min(1).max(365 * 86_400).optional() })
  .strict();
const simulationRevokeSchema = z.object({ access: z.boolean().optional(), refresh: z.boolean().optional() }).strict();

const bidBodySchema = z
  .object({
    project_id: z.number().int().positive(),
    bidder_id: z.number().int().positive(),
    amount: z.number().positive(),
    period: z.number().int().min(1).max(365),
    milestone_percentage: z.number().min(0).max(100),
    description: z.string().max(10_000).optional().default(''),
  })
  .loose();

const bidUpdateSchema = z
  .object({
    amount: z.number().positive().optional(),
    period: z.number().int().min(1).max(365).optional(),
    milestone_percentage: z.number().min(0).max(100).optional(),
    description: z.string().max(10_000).optional(),
  })
  .loose();

const parseJsonBody = (context: Context): unknown => {
  if (context.contentType !== 'application/json') throw invalid('the body must be application/json');
  try {
    return JSON.parse(context.body.toString('utf8')) as unknown;
  } catch {
    throw invalid('the body is not valid JSON');
  }
};

const validated = <S extends z.ZodType>(schema: S, value: unknown): z.output<S> => {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw invalid(`${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`);
};

export const startFreelancerFixture = async (options: FreelancerFixtureOptions = {}): Promise<FreelancerFixture> => {
  const seed = String(options.seed ?? 1);
  const world = new FreelancerWorld({ seed, scale: resolveScale(options.scale), anchorSeconds: anchorSeconds(options.anchor) });
  if (options.warm) {
    for (let index = 0; index < world.projectCount; index += 1) world.projectAt(index);
    for (let rank = 0; rank < world.messageCount; rank += 1) world.messageAt(rank);
  }
  let token = options.token ?? `fl-fixture-${createHash('sha256').update(`token/${seed}`).digest('hex').slice(0, 24)}`;
  const faults = new FaultPlan(seed);
  const oauth = createFixtureOAuth({ ...options.oauth, now: () => world.now() });
  if (options.faults) faults.setSpec(parseFaultSpec(options.faults));
  let requestNumber = 0;
  const byRoute = new Map<string, number>();

  const requestId = (number: number): string => createHash('sha256').update(`${seed}/request/${number}`).digest('hex').slice(0, 32);

  // ---- API handlers ---------------------------------------------------------------------------------------

  const usersMap = (ownerIds: Iterable<number>, flag: Flags): Record<string, unknown> | [] => {
    const map: Record<string, unknown> = {};
    if (!wantsUsers(flag)) return [];
    for (const id of ownerIds) {
      const owner = world.owner(id);
      if (owner) map[String(id)] = ownerJson(owner, flag);
    }
    return mapOrEmptyList(map);
  };

  const selfJson = (flag: Flags) => ({
    id: world.self.id,
    username: world.self.username,
    display_name: world.self.displayName,
    public_name: world.self.displayName,
    registration_date: world.self.registrationDate,
    role: 'freelancer',
    chosen_role: 'freelancer',
    closed: false,
    limited_account: false,
    primary_language: world.self.primaryLanguage,
    primary_currency: { ...world.self.currency },
    hourly_rate: world.self.hourlyRate,
    tagline: selfProfile.tagline,
    // Projections as the SDK's create_get_users_details_object names them (profile_description, avatar).
    profile_description: flag('profile_description') ? selfProfile.description : null,
    avatar: flag('avatar') ? selfProfile.avatar : null,
    location: flag('country_details') || flag('location_details') ? { country: countryObject(world.self.country), city: world.self.city } : null,
    status: flag('status') ? { payment_verified: true, email_verified: true, deposit_made: true, profile_complete: true, phone_verified: true, identity_verified: false } : null,
    jobs: flag('jobs') ? world.self.jobIds.map((id) => jobJson(jobById.get(id) as FreelancerJob)) : null,
  });

  /** One offset page of projects with their owners, as both project searches answer it. */
  const projectsPage = (matches: ProjectRecord[], offset: number, limit: number, flag: Flags) => {
    const page = matches.slice(offset, offset + limit);
    return {
      result: {
        projects: page.map((project) => projectJson(project, flag)),
        users: usersMap(new Set(page.map((project) => project.ownerId)), flag),
        selected_bids: null,
        total_count: matches.length,
      },
    };
  };

  let activeMatches: { key: string; matches: ProjectRecord[] } | null = null;
  const activeProjects: Handler = ({ query, flag }) => {
    const { limit, offset } = pageParams(query, 10);
    const jobIds = new Set(intList(query, 'jobs[]'));
    const languages = new Set(query.getAll('languages[]'));
    const countries = new Set(query.getAll('countries[]').map((code) => code.toLowerCase()));
    const types = new Set(query.getAll('project_types[]'));
    const from = intParam(query, 'from_time', null);
    const to = intParam(query, 'to_time', null);
    const terms = (query.get('query') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    const anyTerm = flag('or_search_query');
    // The pages of one search share its matches: a first sync asks for 100+ pages of the same search, and a scan of
    // every project per page cost the fixture (which shares the machine with the core it serves) a second.
    // Projects are only ever added, so their count keys the list with the filters.
    const key = JSON.stringify([from, to, [...jobIds], [...languages], [...types], [...countries], terms, anyTerm, flag('reverse_sort'), world.projectCount]);
    if (activeMatches?.key !== key) {
      const matches: ProjectRecord[] = [];
      for (let index = from === null ? 0 : world.firstProjectIndexFrom(from); index < world.projectCount; index += 1) {
        const project = world.projectAt(index);
        if (to !== null && project.timeSubmitted > to) break;
        if (project.status !== 'active') continue;
        if (jobIds.size > 0 && !project.jobIds.some((id) => jobIds.has(id))) continue;
        if (languages.size > 0 && !languages.has(project.language)) continue;
        if (types.size > 0 && !types.has(project.type)) continue;
        if (countries.size > 0 && !countries.has((world.owner(project.ownerId) as OwnerRecord).country.toLowerCase())) continue;
        if (terms.length > 0 && !(anyTerm ? terms.some((term) => project.haystack.includes(term)) : terms.every((term) => project.haystack.includes(term)))) continue;
        matches.push(project);
      }
      // Newest first; reverse_sort gives oldest first.
      if (!flag('reverse_sort')) matches.reverse();
      activeMatches = { key, matches };
    }
    const { matches } = activeMatches;
    return projectsPage(matches, offset, limit, flag);
  };

  const projectsById: Handler = ({ query, flag }) => {
    const { limit, offset } = pageParams(query, 10);
    const ids = new Set(intList(query, 'projects[]'));
    const owners = new Set(intList(query, 'owners[]'));
    const from = intParam(query, 'from_time', null);
    const to = intParam(query, 'to_time', null);
    const candidates = ids.size > 0 ? [...ids].map((id) => world.projectById(id)).filter((project): project is ProjectRecord => project !== undefined) : Array.from({ length: world.projectCount }, (_, index) => world.projectAt(index));
    const matches = candidates
      .filter((project) => (owners.size === 0 || owners.has(project.ownerId)) && (from === null || project.timeSubmitted >= from) && (to === null || project.timeSubmitted <= to))
      .sort((a, b) => b.id - a.id);
    return projectsPage(matches, offset, limit, flag);
  };

  const projectById: Handler = ({ params, flag }) => {
    const project = world.projectById(Number(params[0]));
    if (!project) throw notFound('The project');
    return { result: projectJson(project, flag) };
  };

  const listBids: Handler = ({ query, flag }) => {
    const { limit, offset } = pageParams(query, 10);
    const ids = new Set(intList(query, 'bids[]'));
    const projects = new Set(intList(query, 'projects[]'));
    const bidders = new Set(intList(query, 'bidders[]'));
    const owners = new Set(intList(query, 'project_owners[]'));
    const from = intParam(query, 'from_time', null);
    const to = intParam(query, 'to_time', null);
    const matches = world
      .allBids()
      .filter(
        (bid) =>
          (ids.size === 0 || ids.has(bid.id)) &&
          (projects.size === 0 || projects.has(bid.projectId)) &&
          (bidders.size === 0 || bidders.has(bid.bidderId)) &&
          (owners.size === 0 || owners.has(bid.projectOwnerId)) &&
          (from === null || bid.timeSubmitted >= from) &&
          (to === null || bid.timeSubmitted <= to),
      )
      .sort((a, b) => b.timeSubmitted - a.timeSubmitted || b.id - a.id);
    const page = matches.slice(offset, offset + limit);
    const projectMap: Record<string, unknown> = {};
    if (flag('project_details')) {
      for (const bid of page) projectMap[String(bid.projectId)] = projectJson(world.projectById(bid.projectId) as ProjectRecord, flag);
    }
    return {
      result: {
        bids: page.map(bidJson),
        users: wantsUsers(flag) ? usersMap(new Set(page.map((bid) => bid.projectOwnerId)), flag) : null,
        projects: flag('project_details') ? mapOrEmptyList(projectMap) : null,
        total_count: matches.length,
      },
    };
  };

  const placeBid: Handler = (context) => {
    const body = validated(bidBodySchema, parseJsonBody(context));
    if (body.bidder_id !== selfUserId) throw new ApiError(403, 'AuthorisationExceptionCodes.FORBIDDEN', 'You can only place bids as yourself');
    const project = world.projectById(body.project_id);
    if (!project) throw notFound('The project');
    if (project.status !== 'active') throw invalid('The project is not open for bidding');
    const existing = world.ownBidOn(project.id);
    if (existing && !existing.retracted) throw new ApiError(409, 'ProjectExceptionCodes.DUPLICATE_BID', 'You have already bid on this project');
    const bid = world.placeBid({ projectId: project.id, amount: body.amount, period: body.period, milestonePercentage: body.milestone_percentage, description: body.description });
    return { result: bidJson(bid) };
  };

  const bidAction: Handler = (context) => {
    const bid = world.bidById(Number(context.params[0]));
    if (!bid) throw notFound('The bid');
    if (bid.bidderId !== selfUserId) throw new ApiError(403, 'AuthorisationExceptionCodes.FORBIDDEN', 'This is not your bid');
    const form = context.contentType === 'application/x-www-form-urlencoded' ? new URLSearchParams(context.body.toString('utf8')) : new URLSearchParams();
    const action = context.query.get('action') ?? form.get('action');
    if (action === 'retract') {
      if (bid.retracted) throw invalid('The bid is already retracted');
      if (bid.awardStatus === 'awarded') throw new ApiError(409, 'ProjectExceptionCodes.BID_ALREADY_AWARDED', 'An accepted bid cannot be retracted');
      bid.retracted = true;
      world.recordWrite({ kind: 'bid_retract', id: bid.id, project_id: bid.projectId });
      return {};
    }
    if (action === 'accept') {
      if (bid.awardStatus !== 'pending') throw new ApiError(409, 'ProjectExceptionCodes.BID_NOT_AWARDED', 'Only an awarded bid can be accepted');
      bid.awardStatus = 'awarded';
      world.recordWrite({ kind: 'bid_accept', id: bid.id, project_id: bid.projectId });
      return {};
    }
    if (action !== null) throw invalid(`action "${action}" is not supported here`);
    // No action: an update of the bid's terms (JSON). Not in the SDK; see README.
    const body = validated(bidUpdateSchema, parseJsonBody(context));
    if (bid.retracted || bid.awardStatus !== null) throw new ApiError(409, 'ProjectExceptionCodes.BID_NOT_EDITABLE', 'Only an open bid can be changed');
    if (body.amount !== undefined) bid.amount = body.amount;
    if (body.period !== undefined) bid.period = body.period;
    if (body.milestone_percentage !== undefined) bid.milestonePercentage = body.milestone_percentage;
    if (body.description !== undefined) bid.description = body.description;
    world.recordWrite({ kind: 'bid_update', id: bid.id, project_id: bid.projectId, amount: bid.amount });
    return { result: bidJson(bid) };
  };

  const threadJson = (thread: ThreadRecord, flag: Flags) => {
    const last = thread.messages[thread.messages.length - 1];
    return {
      id: thread.id,
      thread: {
        id: thread.id,
        thread_type: 'private_chat',
        time_created: thread.timeCreated,
        members: [selfUserId, thread.clientId],
        owner: thread.clientId,
        context: { type: 'project', id: thread.projectId },
        write_privacy: 'members',
        read_privacy: 'members',
        owner_read_privacy: 'members',
      },
      time_updated: thread.timeUpdated,
      is_muted: false,
      is_read: thread.isRead,
      message: flag('last_message') && last !== undefined ? messageJson(world.messageAt(last)) : null,
      message_count: flag('message_count') ? thread.messages.length : null,
    };
  };

  const listThreads: Handler = ({ query, flag }) => {
    const { limit, offset } = pageParams(query, 20);
    const ids = new Set(intList(query, 'threads[]'));
    const contexts = new Set(intList(query, 'contexts[]'));
    const contextType = query.get('context_type');
    if (contextType !== null && contextType !== 'project') return { result: { threads: [], users: [] } };
    const from = intParam(query, 'from_updated_time', null);
    const to = intParam(query, 'to_updated_time', null);
    const isRead = query.get('is_read');
    const matches = world
      .allThreads()
      .filter(
        (thread) =>
          (ids.size === 0 || ids.has(thread.id)) &&
          (contexts.size === 0 || contexts.has(thread.projectId)) &&
          (from === null || thread.timeUpdated >= from) &&
          (to === null || thread.timeUpdated <= to) &&
          (isRead === null || thread.isRead === flag('is_read')),
      )
      .sort((a, b) => b.timeUpdated - a.timeUpdated || b.id - a.id);
    const page = matches.slice(offset, offset + limit);
    return {
      result: {
        threads: page.map((thread) => threadJson(thread, flag)),
        users: flag('user_details') ? usersMap(new Set(page.map((thread) => thread.clientId)), flag) : null,
        unread_thread_count: flag('unread_thread_count') ? world.allThreads().filter((thread) => !thread.isRead).length : null,
      },
    };
  };

  const listMessages: Handler = ({ query, flag }) => {
    const { limit, offset } = pageParams(query, 10);
    const threadIds = intList(query, 'threads[]');
    const messageIds = new Set(intList(query, 'messages[]'));
    const from = intParam(query, 'from_updated_time', null);
    const to = intParam(query, 'to_updated_time', null);
    let ranks: number[];
    let total: number;
    if (threadIds.length > 0 || messageIds.size > 0) {
      const pool =
        threadIds.length > 0
          ? [...new Set(threadIds)].flatMap((id) => world.threadFor(id)?.messages ?? [])
          : [...messageIds].map((id) => world.rankOfMessageId(id)).filter((rank): rank is number => rank !== undefined);
      const wanted = new Set([...messageIds].map((id) => world.rankOfMessageId(id)));
      const matching = pool
        .filter((rank) => {
          const time = world.messageTimeAt(rank);
          return (from === null || time >= from) && (to === null || time <= to) && (messageIds.size === 0 || wanted.has(rank));
        })
        .sort((a, b) => b - a);
      total = matching.length;
      ranks = matching.slice(offset, offset + limit);
    } else {
      // Every thread: a time window over the global, time-ordered ranks (cheap when nothing is new).
      const start = from === null ? 0 : world.firstMessageRankFrom(from);
      const end = to === null ? world.messageCount : world.firstMessageRankFrom(to + 1);
      total = Math.max(0, end - start);
      ranks = [];
      for (let rank = end - 1 - offset; rank >= start && ranks.length < limit; rank -= 1) ranks.push(rank);
    }
    const messages = ranks.map((rank) => world.messageAt(rank));
    return {
      result: {
        messages: messages.map(messageJson),
        unfiltered_count: total,
        users: flag('user_details') ? usersMap(new Set(messages.map((message) => message.fromUser).filter((id) => id !== selfUserId)), () => true) : null,
      },
    };
  };

  const postMessage: Handler = (context) => {
    if (context.contentType === 'multipart/form-data') throw invalid('attachments are not served by the fixture');
    if (context.contentType !== 'application/x-www-form-urlencoded') throw invalid('the body must be application/x-www-form-urlencoded with a message field');
    const form = new URLSearchParams(context.body.toString('utf8'));
    const text = form.get('message');
    if (text === null || text.trim() === '') throw invalid('message is required');
    const thread = world.threadFor(Number(context.params[0]));
    if (!thread) throw notFound('The thread');
    return { result: messageJson(world.postMessage(thread, selfUserId, text)) };
  };

  const reputations: Handler = ({ query }) => {
    const ids = intList(query, 'users[]');
    if (ids.length === 0) throw invalid('users[] is required');
    const role = query.get('role') ?? 'freelancer';
    const result: Record<string, unknown> = {};
    for (const id of ids) {
      const owner = world.owner(id);
      if (owner) result[String(id)] = { user_id: id, role, ...reputationBlock(owner) };
      // The signed-in freelancer's own record: a fixed, good one.
      else if (id === selfUserId) result[String(id)] = { user_id: id, role, ...reputationBlock({ overall: 4.9, reviews: 57, complete: 61 }) };
    }
    return { result: mapOrEmptyList(result) };
  };

  /** users.py get_portfolios: `users[]`, and `limit` / `offset` counted per user (the SDK's comment). */
  const portfolios: Handler = ({ query, flag }) => {
    const { limit, offset } = pageParams(query, 10);
    const ids = intList(query, 'users[]');
    const result: Record<string, unknown> = {};
    const userMap: Record<string, unknown> = {};
    for (const id of ids) {
      if (id !== selfUserId) continue;
      result[String(id)] = selfPortfolio.slice(offset, offset + limit).map((item) => ({ ...item, user_id: id }));
      userMap[String(id)] = selfJson(flag);
    }
    return { result: { portfolios: mapOrEmptyList(result), users: mapOrEmptyList(userMap) } };
  };

  const users: Handler = ({ query, flag }) => {
    const ids = intList(query, 'users[]');
    const map: Record<string, unknown> = {};
    for (const id of ids) {
      if (id === selfUserId) map[String(id)] = selfJson(flag);
      const owner = world.owner(id);
      if (owner) map[String(id)] = ownerJson(owner, flag);
    }
    return { result: { users: mapOrEmptyList(map) } };
  };

  const routes: { method: string; pattern: RegExp; key: string; handler: Handler }[] = [
    { method: 'GET', pattern: /^\/api\/users\/0\.1\/self\/?$/, key: '/api/users/0.1/self/', handler: ({ flag }) => ({ result: selfJson(flag) }) },
    { method: 'GET', pattern: /^\/api\/users\/0\.1\/users\/?$/, key: '/api/users/0.1/users/', handler: users },
    { method: 'GET', pattern: /^\/api\/users\/0\.1\/reputations\/?$/, key: '/api/users/0.1/reputations/', handler: reputations },
    { method: 'GET', pattern: /^\/api\/users\/0\.1\/portfolios\/?$/, key: '/api/users/0.1/portfolios/', handler: portfolios },
    {
      method: 'GET',
      pattern: /^\/api\/projects\/0\.1\/jobs\/?$/,
      key: '/api/projects/0.1/jobs/',
      handler: ({ query }) => {
        const ids = new Set(intList(query, 'jobs[]'));
        return { result: jobs.filter((job) => ids.size === 0 || ids.has(job.id)).map(jobJson) };
      },
    },
    { method: 'GET', pattern: /^\/api\/projects\/0\.1\/currencies\/?$/, key: '/api/projects/0.1/currencies/', handler: () => ({ result: { currencies: Object.values(currencies) } }) },
    { method: 'GET', pattern: /^\/api\/projects\/0\.1\/projects\/active\/?$/, key: '/api/projects/0.1/projects/active/', handler: activeProjects },
    { method: 'GET', pattern: /^\/api\/projects\/0\.1\/projects\/?$/, key: '/api/projects/0.1/projects/', handler: projectsById },
    { method: 'GET', pattern: /^\/api\/projects\/0\.1\/projects\/(\d{1,15})\/?$/, key: '/api/projects/0.1/projects/{id}/', handler: projectById },
    { method: 'GET', pattern: /^\/api\/projects\/0\.1\/bids\/?$/, key: '/api/projects/0.1/bids/', handler: listBids },
    { method: 'POST', pattern: /^\/api\/projects\/0\.1\/bids\/?$/, key: '/api/projects/0.1/bids/', handler: placeBid },
    { method: 'PUT', pattern: /^\/api\/projects\/0\.1\/bids\/(\d{1,15})\/?$/, key: '/api/projects/0.1/bids/{id}/', handler: bidAction },
    { method: 'GET', pattern: /^\/api\/messages\/0\.1\/threads\/?$/, key: '/api/messages/0.1/threads/', handler: listThreads },
    { method: 'GET', pattern: /^\/api\/messages\/0\.1\/messages\/?$/, key: '/api/messages/0.1/messages/', handler: listMessages },
    { method: 'POST', pattern: /^\/api\/messages\/0\.1\/threads\/(\d{1,15})\/messages\/?$/, key: '/api/messages/0.1/threads/{id}/messages/', handler: postMessage },
  ];

  // ---- plumbing -------------------------------------------------------------------------------------------

  const readBody = (request: IncomingMessage): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      request.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBodyBytes) {
          reject(new ApiError(413, 'RestExceptionCodes.PAYLOAD_TOO_LARGE', `the body is over ${maxBodyBytes} bytes`, { connection: 'close' }));
          request.destroy();
          return;
        }
        chunks.push(chunk);
      });
      request.on('end', () => resolve(Buffer.concat(chunks)));
      request.on('error', reject);
    });

  const sendJson = (response: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}, truncate = false): void => {
    const body = Buffer.from(JSON.stringify(value));
    response.writeHead(status, { 'content-type': 'application/json', 'content-length': String(body.length), ...headers });
    if (truncate) {
      response.write(body.subarray(0, Math.floor(body.length / 2)));
      response.socket?.destroy();
      return;
    }
    response.end(body);
  };

  const errorEnvelope = (error: ApiError, number: number) => ({ status: 'error', message: error.message, error_code: error.errorCode, request_id: requestId(number) });

  const faultError = (decision: FaultDecision): ApiError => {
    if (decision.fault === 'ratelimit') {
      return new ApiError(429, decision.errorCode ?? 'AuthorisationExceptionCodes.RATE_LIMITED', decision.message ?? 'You have made too many of these requests.', decision.retryAfter > 0 ? { 'retry-after': String(decision.retryAfter) } : {});
    }
    if (decision.fault === 'unavailable') {
      return new ApiError(503, decision.errorCode ?? 'RestExceptionCodes.SERVICE_UNAVAILABLE', decision.message ?? 'The service is temporarily unavailable', decision.retryAfter > 0 ? { 'retry-after': String(decision.retryAfter) } : {});
    }
    return new ApiError(decision.status, decision.errorCode ?? 'RestExceptionCodes.INTERNAL_ERROR', decision.message ?? 'An internal error occurred');
  };

  const handleApi = async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> => {
    const method = request.method ?? 'GET';
    requestNumber += 1;
    const number = requestNumber;
    const route = routes.find((candidate) => candidate.method === method && candidate.pattern.test(url.pathname));
    const key = `${method} ${route?.key ?? url.pathname}`;
    byRoute.set(key, (byRoute.get(key) ?? 0) + 1);
    const decision = faults.decide(method, url.pathname, number);
    if (decision.delayMs > 0) await sleep(decision.delayMs);
    if (decision.fault === 'drop') {
      request.socket.destroy();
      return;
    }
    try {
      if (decision.fault === 'error' || decision.fault === 'ratelimit' || decision.fault === 'unavailable') throw faultError(decision);
      const given = request.headers['freelancer-oauth-v1'];
      if (given !== token && !oauth.accepts(typeof given === 'string' ? given : undefined)) throw notAuthenticated();
      if (!route) throw new ApiError(404, 'RestExceptionCodes.NOT_FOUND', `${method} ${url.pathname} is not served`);
      const body = method === 'GET' ? Buffer.alloc(0) : await readBody(request);
      const params = (route.pattern.exec(url.pathname) ?? []).slice(1) as string[];
      const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
      const flag = flagsOf(url.searchParams);
      const outcome = route.handler({ method, path: url.pathname, params, query: url.searchParams, flag, body, contentType });
      if (decision.fault === 'lost') {
        // The write (if any) is stored; the answer never arrives.
        request.socket.destroy();
        return;
      }
      const result = outcome.result === undefined ? undefined : flag('compact') ? stripNulls(outcome.result) : outcome.result;
      sendJson(response, 200, { status: 'success', ...(result === undefined ? {} : { result }), request_id: requestId(number) }, {}, decision.fault === 'truncate');
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (decision.fault === 'lost') {
        request.socket.destroy();
        return;
      }
      sendJson(response, error.status, errorEnvelope(error, number), error.headers, decision.fault === 'truncate');
    }
  };

  const readSimulationJson = async (request: IncomingMessage): Promise<unknown> => {
    const text = (await readBody(request)).toString('utf8');
    if (text.trim() === '') return {};
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw invalid('the body is not valid JSON');
    }
  };

  /** The simulation API: plain JSON, no envelope, no faults, no token (the server is on loopback only). */
  const handleSimulation = async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> => {
    const method = request.method ?? 'GET';
    const path = url.pathname.replace(/\/$/, '');
    const reply = (status: number, value: unknown) => sendJson(response, status, value);
    try {
      if (method === 'GET' && path === '/__fixture/state') {
        return reply(200, {
          self_id: selfUserId,
          now: world.now(),
          anchor: world.anchor,
          projects: world.projectCount,
          threads: world.allThreads().length,
          messages: world.messageCount,
          bids: world.allBids().length,
          fingerprint: world.fingerprint(),
        });
      }
      if (method === 'GET' && path === '/__fixture/requests') return reply(200, { total: requestNumber, by_route: Object.fromEntries(byRoute) });
      if (method === 'POST' && path === '/__fixture/requests/reset') {
        byRoute.clear();
        return reply(200, { total: requestNumber });
      }
      if (method === 'GET' && path === '/__fixture/writes') return reply(200, { writes: world.writes });
      if (method === 'POST' && path === '/__fixture/projects') {
        const body = validated(simulationProjectSchema, await readSimulationJson(request));
        let project: ProjectRecord;
        try {
          project = world.addProject({
            ...body,
            ...(body.owner_id !== undefined ? { ownerId: body.owner_id } : {}),
          });
        } catch (error) {
          throw invalid((error as Error).message);
        }
        return reply(201, projectJson(project, () => true));
      }
      if (method === 'POST' && path === '/__fixture/messages') {
        const body = validated(simulationMessageSchema, await readSimulationJson(request));
        let thread: ThreadRecord | undefined;
        if (body.thread_id !== undefined) thread = world.threadFor(body.thread_id);
        else {
          const project = world.projectById(body.project_id as number);
          if (!project) throw notFound('The project');
          thread = world.threadForProject(project);
        }
        if (!thread) throw notFound('The thread');
        return reply(201, messageJson(world.postMessage(thread, thread.clientId, body.message)));
      }
      const bidMatch = /^\/__fixture\/bids\/(\d+)\/(award|decline|revoke)$/.exec(path);
      if (method === 'POST' && bidMatch) {
        const bid = world.bidById(Number(bidMatch[1]));
        if (!bid) throw notFound('The bid');
        if (bid.retracted) throw invalid('the bid is retracted');
        bid.awardStatus = bidMatch[2] === 'award' ? 'pending' : bidMatch[2] === 'decline' ? 'rejected' : 'revoked';
        bid.timeAwarded = bidMatch[2] === 'award' ? world.now() : bid.timeAwarded;
        return reply(200, bidJson(bid));
      }
      if (method === 'POST' && path === '/__fixture/clock') {
        const body = validated(simulationClockSchema, await readSimulationJson(request));
        world.advanceClock(body.advance_seconds);
        return reply(200, { now: world.now() });
      }
      if (method === 'PUT' && path === '/__fixture/token') {
        token = validated(simulationTokenSchema, await readSimulationJson(request)).token;
        return reply(200, {});
      }
      if (path === '/__fixture/oauth') {
        if (method === 'GET') return reply(200, { client_id: oauth.clientId, auto_approve: oauth.decision(), ...oauth.counts() });
        if (method === 'PUT') {
          const body = validated(simulationOAuthSchema, await readSimulationJson(request));
          if (body.auto_approve !== undefined) oauth.setDecision(body.auto_approve);
          if (body.access_ttl_seconds !== undefined) oauth.setAccessTtl(body.access_ttl_seconds);
          return reply(200, { auto_approve: oauth.decision() });
        }
      }
      if (method === 'POST' && path === '/__fixture/oauth/revoke') {
        const body = validated(simulationRevokeSchema, await readSimulationJson(request));
        if (body.access ?? true) oauth.revokeAccessTokens();
        if (body.refresh ?? false) oauth.revokeRefreshTokens();
        return reply(200, oauth.counts());
      }
      if (path === '/__fixture/faults') {
        if (method === 'GET') return reply(200, { queue: faults.pending() });
        if (method === 'DELETE') {
          faults.clear();
          return reply(200, { queue: [] });
        }
        if (method === 'PUT' || method === 'POST') {
          const body = validated(simulationFaultsSchema, await readSimulationJson(request));
          let spec;
          try {
            spec = body.spec === undefined ? undefined : parseFaultSpec(body.spec);
          } catch (error) {
            throw invalid((error as Error).message);
          }
          if (method === 'PUT') {
            faults.clear();
            faults.setQueue(body.queue ?? []);
          } else for (const rule of body.queue ?? []) faults.enqueue(rule);
          if (spec) faults.setSpec(spec);
          return reply(200, { queue: faults.pending() });
        }
      }
      throw new ApiError(404, 'not_found', `${method} ${url.pathname} is not a simulation endpoint`);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      reply(error.status, { error: error.errorCode, message: error.message });
    }
  };

  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://fixture.invalid');
    const handled = url.pathname.startsWith('/__fixture/')
      ? handleSimulation(request, response, url)
      : url.pathname.startsWith('/oauth/')
        ? oauth.handle(request, response, url).then((served) => {
            if (!served) sendJson(response, 404, { error: 'not_found' });
          })
        : handleApi(request, response, url);
    handled.catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, { status: 'error', message: `fixture failure: ${(error as Error).message}`, error_code: 'FIXTURE_BUG', request_id: requestId(0) });
      else response.socket?.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get token() {
      return token;
    },
    selfId: selfUserId,
    world,
    faults,
    oauth,
    requestCounts: () => ({ total: requestNumber, byRoute: Object.fromEntries(byRoute) }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
};
