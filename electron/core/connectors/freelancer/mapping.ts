/**
 * Freelancer.com records as the workspace's normalized records (shared/platform/records.ts, with skills by name:
 * record-schemas.ts). Pure and total: every function answers `{ok: true, record, rawText}` or `{ok: false, reason, raw}`
 * for the quarantine, never throws. `rawText` is the record as the API sent it (unknown fields and all), as JSON
 * for the row's raw column; `raw` the same for the quarantine. Reasons are zod's pretty text (`✖ message\n  → at field`), which the quarantine already
 * reads into the fields at fault (shared/platform/changes.ts quarantineProblemOf).
 *
 * Versions: Freelancer has none, and not every change moves a time field (a retraction, a reputation), so a
 * record's version is when it was read (`observedAtMs`): a later reading replaces an earlier one, the same
 * reading applied twice changes nothing.
 */
import { z } from 'zod';
import {
  bidSchema,
  type FreelancerProject,
  type FreelancerReputation,
  type FreelancerUser,
  messageSchema,
  portfolioItemSchema,
  projectSchema,
  reputationSchema,
  selfProfileSchema,
  threadSchema,
  userSchema,
} from './api-schemas';
import type { PlatformProfileRow } from '../../db/repositories/platform-profiles-repository';
import { freelancerIds } from './ids';
import { countryCode, instantFromMs, instantFromUnix, isoCurrency, languageTag, minorAmount, projectCategory } from './normalize';
import { type FreelancerRecordOf, type FreelancerRecordType, freelancerRecordSchemas } from './record-schemas';

export type MapContext = {
  /** The signed-in Freelancer user's id: own messages, own bids, the other member of a thread. */
  selfId: number;
  /** When the answer was read (ms since the epoch): the records' version and the clients' updated_at. */
  observedAtMs: number;
};

export type Mapped<T extends FreelancerRecordType> =
  | { ok: true; type: T; id: string; record: FreelancerRecordOf<T>; rawText: string }
  | { ok: false; type: T; id: string | null; reason: string; raw: unknown };

/** A page's related objects (`users`, `projects`), keyed by the id as a string. */
export type IdMap = Readonly<Record<string, unknown>>;

const reasonAt = (path: string, message: string): string => `✖ ${message}\n  → at ${path}`;

/** The numeric id of a raw record, for the quarantine's identity when the rest is unreadable. */
const rawId = (raw: unknown, key = 'id'): number | null => {
  const value = raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[key] : undefined;
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : null;
};

const cut = (text: string, max: number): string => (text.length > max ? text.slice(0, max) : text);

type Attempt = { candidate: unknown } | { reason: string };

/** Parses the API shape, builds the candidate, validates it against the workspace's schema. */
const mapWith = <T extends FreelancerRecordType, S extends z.ZodType>(
  type: T,
  raw: unknown,
  apiSchema: S,
  idOf: (raw: unknown) => string | null,
  build: (value: z.output<S>) => Attempt,
): Mapped<T> => {
  const id = idOf(raw);
  const parsed = apiSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, type, id, reason: z.prettifyError(parsed.error), raw };
  const attempt = build(parsed.data);
  if ('reason' in attempt) return { ok: false, type, id, reason: attempt.reason, raw };
  const checked = freelancerRecordSchemas[type].safeParse(attempt.candidate);
  if (!checked.success) return { ok: false, type, id, reason: z.prettifyError(checked.error), raw };
  // `type` picked the schema, so its output is FreelancerRecordOf<T>; TypeScript cannot follow the index.
  return { ok: true, type, id: checked.data.id, record: checked.data as FreelancerRecordOf<T>, rawText: JSON.stringify(raw ?? null) };
};

const lookupUser = (users: IdMap, id: number): FreelancerUser | null => {
  const parsed = userSchema.safeParse(users[String(id)]);
  return parsed.success ? parsed.data : null;
};

// ---- projects ---------------------------------------------------------------------------------------------

const projectStatus = (status: string): FreelancerRecordOf<'project'>['status'] | null => {
  const value = status.toLowerCase();
  if (value === 'active' || value === 'open') return 'open';
  if (value === 'closed' || value === 'frozen' || value === 'complete' || value === 'completed') return 'closed';
  if (value === 'awarded') return 'awarded';
  if (value === 'cancelled' || value === 'canceled' || value === 'rejected' || value === 'deleted') return 'cancelled';
  return null;
};

/** A project from a projects page; its owner (for the country) is looked up in the page's `users` map. */
export const mapProject = (raw: unknown, users: IdMap, context: MapContext): Mapped<'project'> =>
  mapWith('project', raw, projectSchema, (value) => (rawId(value) === null ? null : freelancerIds.project(rawId(value) as number)), (project) => {
    const currency = isoCurrency(project.currency.code);
    if (!currency) return { reason: reasonAt('currency.code', `not an ISO 4217 currency: ${JSON.stringify(project.currency.code)}`) };
    const owner = lookupUser(users, project.owner_id);
    const country = countryCode(owner?.location?.country?.code);
    if (!country) return { reason: reasonAt('owner_id', owner ? "the owner's country is missing or unreadable" : 'the owner is not in the page') };
    const jobs = project.jobs ?? [];
    const category = projectCategory(jobs.map((job) => job.category?.name));
    const kind = project.type === 'fixed' || project.type === 'hourly' ? project.type : null;
    if (!kind) return { reason: reasonAt('type', `not fixed or hourly: ${JSON.stringify(project.type)}`) };
    const status = projectStatus(project.status);
    if (!status) return { reason: reasonAt('status', `unknown status ${JSON.stringify(project.status)}`) };
    const min = minorAmount(project.budget?.minimum ?? 0, currency);
    const maxMajor = project.budget?.maximum ?? null;
    const max = maxMajor === null ? null : minorAmount(maxMajor, currency);
    if (min === null || (maxMajor !== null && max === null)) return { reason: reasonAt('budget', 'not an amount in minor units') };
    return {
      candidate: {
        id: freelancerIds.project(project.id),
        version: context.observedAtMs,
        client_id: freelancerIds.client(project.owner_id),
        title: cut(project.title.trim(), 300),
        // The full text when asked for (full_description), else the preview; raw keeps either whole.
        description: cut(project.description ?? project.preview_description ?? '', 20_000),
        language: languageTag(project.language),
        category,
        kind,
        budget: { min_minor: min, max_minor: max, currency },
        skills: [...new Set(jobs.map((job) => job.name.trim()).filter((name) => name !== ''))].slice(0, 50),
        country,
        remote: project.local !== true,
        bid_count: project.bid_stats?.bid_count ?? 0,
        status,
        deadline: null,
        questions: [],
        posted_at: instantFromUnix(project.time_submitted),
        updated_at: instantFromUnix(project.time_updated ?? project.time_submitted),
      },
    };
  });

// ---- clients ----------------------------------------------------------------------------------------------

/** A user who is not the signed-in one (a project owner, a thread's other member), with their employer reputation. */
export const mapClient = (raw: unknown, reputation: unknown, context: MapContext): Mapped<'client'> =>
  mapWith('client', raw, userSchema, (value) => (rawId(value) === null ? null : freelancerIds.client(rawId(value) as number)), (user) => {
    const parsedReputation = reputationSchema.safeParse(reputation);
    const record: FreelancerReputation | null = parsedReputation.success ? parsedReputation.data : (user.employer_reputation ?? null);
    const history = record?.entire_history ?? null;
    const country = countryCode(user.location?.country?.code);
    if (!country) return { reason: reasonAt('location.country.code', 'missing or unreadable') };
    const primary = languageTag(user.primary_language);
    const overall = history?.overall ?? 0;
    return {
      candidate: {
        id: freelancerIds.client(user.id),
        version: context.observedAtMs,
        name: cut((user.display_name ?? user.public_name ?? user.username).trim() || user.username, 200),
        company: null,
        country,
        city: user.location?.city ? cut(user.location.city, 100) : null,
        primary_language: primary,
        languages: [primary],
        reputation: Math.round(Math.min(5, Math.max(0, overall)) * 10) / 10,
        reviews_count: history?.reviews ?? 0,
        payment_verified: user.status?.payment_verified ?? false,
        projects_posted: history?.all ?? history?.complete ?? 0,
        registered_at: instantFromUnix(user.registration_date),
        updated_at: instantFromMs(context.observedAtMs),
      },
    };
  });

// ---- proposals --------------------------------------------------------------------------------------------

type ProposalStatus = FreelancerRecordOf<'proposal'>['status'];

/** Retracted wins; then the award (`awarded`; `pending` is the client's offer, shown as awarded); `rejected`/`revoked` declined. */
const proposalStatus = (bid: z.output<typeof bidSchema>): ProposalStatus | null => {
  if (bid.retracted) return 'withdrawn';
  const frontend = (bid.frontend_bid_status ?? '').toLowerCase();
  if (frontend === 'complete' || frontend === 'completed') return 'completed';
  const award = bid.award_status?.toLowerCase() ?? null;
  if (award === null || award === '' || award === 'none') return 'submitted';
  if (award === 'awarded' || award === 'pending') return 'awarded';
  if (award === 'rejected' || award === 'revoked' || award === 'declined' || award === 'canceled' || award === 'cancelled') return 'declined';
  return null;
};

/**
 * One of the signed-in user's bids. Currency, kind and language are the project's: from `projects` (the bids
 * page's map, asked with project_details) or from a project the caller already holds.
 */
export const mapProposal = (raw: unknown, projects: IdMap, context: MapContext): Mapped<'proposal'> =>
  mapWith('proposal', raw, bidSchema, (value) => (rawId(value) === null ? null : freelancerIds.proposal(rawId(value) as number)), (bid) => {
    if (bid.bidder_id !== context.selfId) return { reason: reasonAt('bidder_id', 'not a bid of the signed-in user') };
    const project = projectSchema.safeParse(projects[String(bid.project_id)]);
    if (!project.success) return { reason: reasonAt('project_id', 'the project is not in the page') };
    const data: FreelancerProject = project.data;
    const currency = isoCurrency(data.currency.code);
    if (!currency) return { reason: reasonAt('project.currency.code', `not an ISO 4217 currency: ${JSON.stringify(data.currency.code)}`) };
    const kind = data.type === 'fixed' || data.type === 'hourly' ? data.type : null;
    if (!kind) return { reason: reasonAt('project.type', `not fixed or hourly: ${JSON.stringify(data.type)}`) };
    const status = proposalStatus(bid);
    if (!status) return { reason: reasonAt('award_status', `unknown award status ${JSON.stringify(bid.award_status)}`) };
    const amount = minorAmount(bid.amount, currency);
    if (amount === null) return { reason: reasonAt('amount', 'not an amount in minor units') };
    // What the bid cost where the API says (`sponsored`: a paid upgrade, 0 for a plain bid); absent: not reported.
    const fee = bid.sponsored == null ? null : minorAmount(bid.sponsored, currency);
    if (bid.sponsored != null && fee === null) return { reason: reasonAt('sponsored', 'not an amount in minor units') };
    const submitted = instantFromUnix(bid.time_submitted ?? bid.submitdate);
    const decided = instantFromUnix(bid.time_awarded);
    const locale = languageTag(data.language);
    return {
      candidate: {
        id: freelancerIds.proposal(bid.id),
        version: context.observedAtMs,
        project_id: freelancerIds.project(bid.project_id),
        status,
        kind,
        amount_minor: amount,
        currency,
        period_days: bid.period,
        // Freelancer's milestone_percentage is an upfront share, not Bottega's milestones: raw keeps it.
        milestones: [],
        default_locale: locale,
        variants: { [locale]: { cover_letter: cut(bid.description ?? '', 20_000), source_locale: null, updated_at: submitted } },
        portfolio_item_ids: [],
        answers: [],
        sealed: false,
        paid_minor: 0,
        bid_fee_minor: fee,
        submitted_at: submitted,
        decided_at: decided,
        created_at: submitted,
        updated_at: decided ?? submitted,
      },
    };
  });

// ---- threads and messages ---------------------------------------------------------------------------------

/**
 * A thread (the `threads[]` item with the thread proper under `thread`). `projectTitles` names the subject of a
 * project thread when the caller knows the project; otherwise the subject is empty and the UI shows the client.
 */
export const mapThread = (raw: unknown, projectTitles: ReadonlyMap<number, string>, context: MapContext): Mapped<'thread'> =>
  mapWith(
    'thread',
    raw,
    threadSchema,
    (value) => {
      const inner = value && typeof value === 'object' ? (value as { thread?: unknown }).thread : undefined;
      const id = rawId(inner) ?? rawId(value);
      return id === null ? null : freelancerIds.thread(id);
    },
    (item) => {
      const thread = item.thread;
      const other = thread.owner !== undefined && thread.owner !== null && thread.owner !== context.selfId ? thread.owner : thread.members.find((member) => member !== context.selfId);
      if (other === undefined) return { reason: reasonAt('thread.members', 'no member other than the signed-in user') };
      const members = [...new Set([context.selfId, ...thread.members])].map((member) => freelancerIds.participant(member, context.selfId));
      const projectId = thread.context?.type === 'project' && thread.context.id ? thread.context.id : null;
      const lastMessage = messageSchema.safeParse(item.message);
      const lastAt = lastMessage.success ? lastMessage.data.time_created : (item.time_updated ?? null);
      const unread = item.is_read === false;
      return {
        candidate: {
          id: freelancerIds.thread(thread.id),
          version: context.observedAtMs,
          context: projectId === null ? 'general' : 'project',
          project_id: projectId === null ? null : freelancerIds.project(projectId),
          client_id: freelancerIds.client(other),
          subject: cut(projectId === null ? '' : (projectTitles.get(projectId) ?? ''), 300),
          members,
          // Freelancer says only whether the thread is read, not how many messages are new.
          unread_count: unread ? 1 : 0,
          read: !unread,
          muted: item.is_muted ?? false,
          message_count: item.message_count ?? 0,
          last_message_at: instantFromUnix(lastAt),
          created_at: instantFromUnix(thread.time_created),
          updated_at: instantFromUnix(item.time_updated ?? thread.time_created),
        },
      };
    },
  );

/** A message; its sender is `from_user` (lists) or `from_user_id` (the SDK's post answer). */
export const mapMessage = (raw: unknown, context: MapContext): Mapped<'message'> =>
  mapWith('message', raw, messageSchema, (value) => (rawId(value) === null ? null : freelancerIds.message(rawId(value) as number)), (message) => {
    const sender = message.from_user ?? message.from_user_id;
    if (sender === null || sender === undefined) return { reason: reasonAt('from_user', 'required') };
    return {
      candidate: {
        id: freelancerIds.message(message.id),
        version: context.observedAtMs,
        thread_id: freelancerIds.thread(message.thread_id),
        sender_id: freelancerIds.participant(sender, context.selfId),
        from_me: sender === context.selfId,
        body: cut(message.message ?? '', 20_000),
        // Freelancer attachments are links to its own storage, not uploads by hash: raw keeps them.
        attachments: [],
        sent_at: instantFromUnix(message.time_created),
        read_at: null,
      },
    };
  });

// ---- the signed-in user -----------------------------------------------------------------------------------

/** What an account needs from /users/0.1/self/: who it is, a label, and the feed's filter (jobs by id, as the search takes them). */
export type FreelancerAccountIdentity = { platformUserId: string; label: string; jobIds: number[]; jobNames: string[]; primaryLanguage: string };

export const mapAccountIdentity = (raw: unknown): { ok: true; identity: FreelancerAccountIdentity } | { ok: false; reason: string } => {
  const parsed = userSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: z.prettifyError(parsed.error) };
  const user = parsed.data;
  const jobs = user.jobs ?? [];
  return {
    ok: true,
    identity: {
      platformUserId: String(user.id),
      label: cut((user.display_name ?? user.public_name ?? '').trim() || user.username, 200),
      jobIds: jobs.map((job) => job.id),
      jobNames: jobs.map((job) => job.name),
      primaryLanguage: languageTag(user.primary_language),
    },
  };
};

// ---- the account's profile and portfolio on Freelancer ----------------------------------------------------------

/** What the Profile screen shows of the account on Freelancer: the platform_profiles row less account and time. */
export type FreelancerPlatformProfile = Omit<PlatformProfileRow, 'accountId' | 'fetchedAt'>;

/**
 * /self with the profile projections and the user's portfolio items (/users/0.1/portfolios/), as one read-only
 * record per account. Unreadable portfolio items are left out (the rest still shows); an unreadable /self is a reason.
 */
export const mapPlatformProfile = (
  self: unknown,
  portfolio: readonly unknown[],
): { ok: true; profile: FreelancerPlatformProfile } | { ok: false; reason: string } => {
  const parsed = selfProfileSchema.safeParse(self);
  if (!parsed.success) return { ok: false, reason: z.prettifyError(parsed.error) };
  const user = parsed.data;
  const currency = isoCurrency(user.primary_currency?.code);
  const rate = currency === null || user.hourly_rate == null ? null : minorAmount(user.hourly_rate, currency);
  const items = portfolio.flatMap((raw) => {
    const item = portfolioItemSchema.safeParse(raw);
    if (!item.success) return [];
    const files = (item.data.files ?? []).map((file) => cut((file.filename ?? '').trim(), 200)).filter((name) => name !== '');
    return [{ id: `fl-${item.data.id}`, title: cut((item.data.title ?? '').trim(), 200), description: cut(item.data.description ?? '', 10_000), files }];
  });
  return {
    ok: true,
    profile: {
      platformUserId: String(user.id),
      name: cut((user.display_name ?? user.public_name ?? '').trim() || user.username, 200),
      username: user.username,
      tagline: cut((user.tagline ?? '').trim(), 200),
      description: cut(user.profile_description ?? '', 10_000),
      hourlyRateMinor: rate,
      currency: rate === null ? null : currency,
      country: countryCode(user.location?.country?.code),
      city: user.location?.city?.trim() || null,
      skills: (user.jobs ?? []).map((job) => job.name),
      portfolio: items,
      raw: { self, portfolio },
    },
  };
};
