/**
 * The fixture's data: a seeded, deterministic Freelancer.com account (the signed-in freelancer, project owners,
 * active projects, the freelancer's own bids, threads and messages) plus what happened since it started (new
 * projects and client messages from the simulation API, the freelancer's writes through the API).
 *
 * Built to reach bench scale cheaply: project i and its text come from a PRNG keyed by (seed, i) and are built on
 * first use; seeded messages are three typed arrays sorted by time, their bodies drawn when a page needs them.
 * Everything that is seeded lies before the anchor instant; everything added later is stamped with the fixture
 * clock, which starts at the anchor and only moves forward, so time filters never miss a later addition.
 */
import { languagePacks, mainCategories } from '../content';
import { buildClient, buildProject, fillSlots, isContentLanguage } from '../generators';
import { createRng, hashString, type Rng } from '../prng';
import { countryObject, currencies, type FreelancerCurrency, type FreelancerJob, jobById, jobBySlug } from './catalog';

export type FixtureScale = { projects: number; threads: number; messages: number };

export const fixtureScales = {
  tiny: { projects: 30, threads: 6, messages: 40 },
  demo: { projects: 400, threads: 40, messages: 600 },
  bench: { projects: 20_000, threads: 2_000, messages: 100_000 },
} as const satisfies Record<string, FixtureScale>;

export type ScaleName = keyof typeof fixtureScales;

/** The seeded account spans this many days before the anchor. */
const spanSeconds = 60 * 86_400;
const projectIdBase = 40_000_000;
const ownerIdBase = 20_000_000;
const threadIdBase = 90_000_000;
const messageIdBase = 700_000_000;
const bidIdBase = 300_000_000;
export const selfUserId = 1_000_001;

export type ProjectRecord = {
  id: number;
  index: number;
  ownerId: number;
  title: string;
  description: string;
  language: string;
  type: 'fixed' | 'hourly';
  currency: FreelancerCurrency;
  budget: { minimum: number; maximum: number | null };
  jobIds: number[];
  bidCount: number;
  bidAvg: number;
  timeSubmitted: number;
  timeUpdated: number;
  status: 'active' | 'closed';
  seoUrl: string;
  /** Lower-cased title and description, for the `query` filter. */
  haystack: string;
};

export type OwnerRecord = {
  id: number;
  username: string;
  displayName: string;
  publicName: string;
  country: string;
  city: string | null;
  primaryLanguage: string;
  registrationDate: number;
  paymentVerified: boolean;
  emailVerified: boolean;
  overall: number;
  reviews: number;
  complete: number;
};

export type ThreadRecord = {
  id: number;
  index: number;
  projectId: number;
  clientId: number;
  timeCreated: number;
  timeUpdated: number;
  isRead: boolean;
  /** Global message ranks, oldest first. */
  messages: number[];
};

export type MessageRecord = { id: number; threadId: number; fromUser: number; message: string; timeCreated: number };

export type BidRecord = {
  id: number;
  projectId: number;
  projectOwnerId: number;
  bidderId: number;
  amount: number;
  period: number;
  milestonePercentage: number;
  description: string;
  timeSubmitted: number;
  retracted: boolean;
  awardStatus: null | 'pending' | 'awarded' | 'rejected' | 'revoked';
  timeAwarded: number | null;
  /** What the bidder paid to sponsor (upgrade) the bid, in the project's currency; 0 for a plain bid (*own*: amount in the bid's currency). */
  sponsored: number;
};

export type WriteRecord = {
  seq: number;
  kind: 'message' | 'bid' | 'bid_update' | 'bid_retract' | 'bid_accept';
  id: number;
  thread_id?: number;
  project_id?: number;
  message?: string;
  amount?: number;
  time: number;
};

export type SelfRecord = {
  id: number;
  username: string;
  displayName: string;
  country: string;
  city: string;
  primaryLanguage: string;
  languages: string[];
  jobIds: number[];
  registrationDate: number;
  hourlyRate: number;
  currency: FreelancerCurrency;
};

const selfJobSlugs = ['wordpress', 'php', 'react', 'javascript', 'woocommerce', 'translation', 'it-en-translation', 'en-it-translation', 'copywriting', 'content-writing', 'seo'];

const roundTo = (value: number, step: number): number => Math.max(step, Math.round(value / step) * step);

const slug = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

export type WorldOptions = { seed: number | string; scale: FixtureScale; anchorSeconds: number };

export class FreelancerWorld {
  readonly seed: string;
  readonly scale: FixtureScale;
  readonly anchor: number;
  readonly self: SelfRecord;
  private clockOffset = 0;
  private readonly startedMs = Date.now();

  private readonly projects: (ProjectRecord | undefined)[] = [];
  /** Seeded messages, each made once when first read (as projects are). */
  private readonly seededMessages: (MessageRecord | undefined)[] = [];
  private readonly owners = new Map<number, OwnerRecord>();
  private readonly ownerCount: number;
  private readonly threads: ThreadRecord[] = [];
  private readonly threadById = new Map<number, ThreadRecord>();
  private readonly bids = new Map<number, BidRecord>();
  private nextBidId: number;
  /** Seeded messages by global rank (time order): time, thread index, ordinal in the thread, sent by the freelancer. */
  private readonly messageTime: Float64Array;
  private readonly messageThread: Int32Array;
  private readonly messageOrdinal: Int32Array;
  private readonly messageFromMe: Uint8Array;
  /** Messages added after the start, rank = seeded count + position. */
  private readonly extraMessages: MessageRecord[] = [];
  readonly writes: WriteRecord[] = [];

  constructor(options: WorldOptions) {
    this.seed = String(options.seed);
    this.scale = options.scale;
    this.anchor = options.anchorSeconds;
    const { projects, threads, messages } = options.scale;
    if (threads > projects) throw new Error('a thread needs a project: threads must not exceed projects');
    if (threads === 0 && messages > 0) throw new Error('messages need threads');
    this.ownerCount = Math.max(3, Math.ceil(projects / 4));
    this.self = {
      id: selfUserId,
      username: 'bottega-demo',
      displayName: 'Giulia Bottega',
      country: 'IT',
      city: 'Bologna',
      primaryLanguage: 'it',
      languages: ['it', 'en'],
      jobIds: selfJobSlugs.map((name) => (jobBySlug.get(name) as FreelancerJob).id),
      registrationDate: this.anchor - 900 * 86_400,
      hourlyRate: 35,
      currency: currencies.EUR as FreelancerCurrency,
    };
    this.projects.length = projects;

    // Threads follow the freelancer's bids: thread k is about project p(k), spread evenly over the span.
    const threadProject = (k: number): number => Math.floor(((k + 0.5) * projects) / Math.max(1, threads));
    const threadProjects = new Set<number>();
    for (let k = 0; k < threads; k += 1) threadProjects.add(threadProject(k));
    const bidProjects = new Set(threadProjects);
    const extraBids = Math.ceil(threads / 2) + Math.min(5, projects);
    for (let j = 0; j < extraBids && bidProjects.size < projects; j += 1) {
      let candidate = (threadProject(j % Math.max(1, threads)) + 1 + Math.floor(j / Math.max(1, threads))) % projects;
      while (bidProjects.has(candidate)) candidate = (candidate + 1) % projects;
      bidProjects.add(candidate);
    }
    this.nextBidId = bidIdBase;
    for (const index of [...bidProjects].sort((a, b) => a - b)) this.seedBid(index, threadProjects.has(index));

    // Threads and their message counts: exactly `messages` in all.
    const base = threads === 0 ? 0 : Math.floor(messages / threads);
    const remainder = threads === 0 ? 0 : messages % threads;
    const ordinals: { time: number; thread: number; ordinal: number; fromMe: boolean }[] = [];
    for (let k = 0; k < threads; k += 1) {
      const project = this.projectAt(threadProject(k));
      const bid = this.ownBidOn(project.id);
      const rng = createRng(`${this.seed}/fl/thread/${k}`);
      const created = Math.min(this.anchor - 3600, (bid?.timeSubmitted ?? project.timeSubmitted) + rng.int(600, 2 * 86_400));
      const count = base + (k < remainder ? 1 : 0);
      const end = Math.min(this.anchor - 60, created + rng.int(1, 20) * 86_400);
      const thread: ThreadRecord = {
        id: threadIdBase + k,
        index: k,
        projectId: project.id,
        clientId: project.ownerId,
        timeCreated: created,
        timeUpdated: created,
        isRead: true,
        messages: [],
      };
      let fromMe = rng.chance(0.4);
      for (let j = 0; j < count; j += 1) {
        const time = created + Math.floor(((j + 1) * Math.max(1, end - created)) / (count + 1));
        ordinals.push({ time, thread: k, ordinal: j, fromMe });
        fromMe = rng.chance(0.3) ? fromMe : !fromMe;
      }
      this.threads.push(thread);
      this.threadById.set(thread.id, thread);
    }
    ordinals.sort((a, b) => a.time - b.time || a.thread - b.thread || a.ordinal - b.ordinal);
    this.messageTime = new Float64Array(ordinals.length);
    this.messageThread = new Int32Array(ordinals.length);
    this.messageOrdinal = new Int32Array(ordinals.length);
    this.messageFromMe = new Uint8Array(ordinals.length);
    ordinals.forEach((entry, rank) => {
      this.messageTime[rank] = entry.time;
      this.messageThread[rank] = entry.thread;
      this.messageOrdinal[rank] = entry.ordinal;
      this.messageFromMe[rank] = entry.fromMe ? 1 : 0;
      const thread = this.threads[entry.thread] as ThreadRecord;
      thread.messages.push(rank);
      thread.timeUpdated = entry.time;
    });
    // The last few threads whose last word is the client's are unread.
    for (const thread of this.threads.slice(-Math.ceil(threads / 8))) {
      const last = thread.messages[thread.messages.length - 1];
      if (last !== undefined && this.messageFromMe[last] === 0) thread.isRead = false;
    }
  }

  /** Seconds since the epoch on the fixture clock: the anchor, plus real time since start, plus any advance. */
  now(): number {
    return this.anchor + Math.floor((Date.now() - this.startedMs) / 1000) + this.clockOffset;
  }

  advanceClock(seconds: number): void {
    this.clockOffset += seconds;
  }

  // ---- projects -------------------------------------------------------------------------------------------

  get projectCount(): number {
    return this.projects.length;
  }

  /** Seeded project i is posted at anchor − span + i·step (+ jitter below step): time order is index order. */
  private seededTime(index: number, rng: Rng): number {
    const step = Math.max(1, Math.floor(spanSeconds / Math.max(1, this.scale.projects)));
    return this.anchor - spanSeconds + index * step + rng.int(0, step - 1);
  }

  owner(id: number): OwnerRecord | undefined {
    const index = id - ownerIdBase;
    if (!Number.isInteger(index) || index < 0 || index >= this.ownerCount) return undefined;
    const cached = this.owners.get(id);
    if (cached) return cached;
    const rng = createRng(`${this.seed}/fl/owner/${index}`);
    const client = buildClient(rng, { anchorMs: this.anchor * 1000 });
    const [first = 'user', last = ''] = client.name.split(' ');
    const record: OwnerRecord = {
      id,
      username: `${slug(first).toLowerCase()}${slug(last).toLowerCase().slice(0, 1)}${index}`,
      displayName: client.name,
      publicName: `${first} ${last.slice(0, 1)}.`,
      country: client.country,
      city: client.city,
      primaryLanguage: client.primary_language,
      registrationDate: Math.floor(Date.parse(client.registered_at) / 1000),
      paymentVerified: client.payment_verified,
      emailVerified: true,
      overall: client.reputation,
      reviews: client.reviews_count,
      complete: client.reviews_count + rng.int(0, 5),
    };
    this.owners.set(id, record);
    return record;
  }

  private ownerOf(index: number): OwnerRecord {
    const rng = createRng(`${this.seed}/fl/project-owner/${index}`);
    return this.owner(ownerIdBase + rng.int(0, this.ownerCount - 1)) as OwnerRecord;
  }

  projectAt(index: number): ProjectRecord {
    const cached = this.projects[index];
    if (cached) return cached;
    if (index < 0 || index >= this.scale.projects) throw new Error(`no project at ${index}`);
    const rng = createRng(`${this.seed}/fl/project/${index}`);
    const record = this.buildProjectRecord(index, this.ownerOf(index), this.seededTime(index, rng), rng, {});
    this.projects[index] = record;
    return record;
  }

  projectById(id: number): ProjectRecord | undefined {
    const index = id - projectIdBase;
    return Number.isInteger(index) && index >= 0 && index < this.projects.length ? this.projectAt(index) : undefined;
  }

  private buildProjectRecord(
    index: number,
    owner: OwnerRecord,
    time: number,
    rng: Rng,
    overrides: { title?: string; description?: string; jobSlugs?: string[]; language?: string; type?: 'fixed' | 'hourly' },
  ): ProjectRecord {
    const languages = overrides.language ? [overrides.language] : owner.primaryLanguage === 'en' ? ['en'] : [owner.primaryLanguage, 'en'];
    const built = buildProject(
      rng,
      { id: String(owner.id), country: owner.country, languages, city: owner.city },
      time * 1000,
      rng.chance(0.03) && !overrides.language ? { foreign: true } : {},
    );
    const id = projectIdBase + index;
    const title = overrides.title ?? built.title;
    const jobIds = (overrides.jobSlugs ?? built.skills).map((name) => (jobBySlug.get(name) as FreelancerJob | undefined)?.id).filter((value): value is number => value !== undefined);
    const currency = currencies[built.budget.currency] ?? (currencies.USD as FreelancerCurrency);
    const minimum = built.budget.min_minor / 100;
    const maximum = built.budget.max_minor === null ? null : built.budget.max_minor / 100;
    const description = overrides.description ?? built.description;
    const firstJob = jobById.get(jobIds[0] ?? -1);
    return {
      id,
      index,
      ownerId: owner.id,
      title,
      description,
      language: overrides.language ?? built.language,
      type: overrides.type ?? built.kind,
      currency,
      budget: { minimum, maximum },
      jobIds,
      bidCount: built.bid_count,
      bidAvg: built.bid_count === 0 ? 0 : roundTo((minimum + (maximum ?? minimum * 1.5)) / 2, minimum < 100 ? 1 : 5),
      timeSubmitted: time,
      timeUpdated: time,
      status: 'active',
      seoUrl: `${firstJob?.seo_url ?? 'projects'}/${slug(title)}-${id}`,
      haystack: `${title}\n${description}`.toLowerCase(),
    };
  }

  /** A new project posted now (simulation API). */
  addProject(input: { title?: string; description?: string; jobs?: string[]; language?: string; type?: 'fixed' | 'hourly'; ownerId?: number }): ProjectRecord {
    const index = this.projects.length;
    const rng = createRng(`${this.seed}/fl/project/${index}`);
    const owner = (input.ownerId === undefined ? undefined : this.owner(input.ownerId)) ?? this.ownerOf(index);
    const jobSlugs = input.jobs?.map((name) => {
      const job = jobBySlug.get(name) ?? [...jobBySlug.entries()].find(([, candidate]) => candidate.name === name)?.[1];
      if (!job) throw new Error(`unknown job "${name}"`);
      return [...jobBySlug.entries()].find(([, candidate]) => candidate === job)?.[0] as string;
    });
    const record = this.buildProjectRecord(index, owner, this.now(), rng, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(jobSlugs ? { jobSlugs } : {}),
      ...(input.language !== undefined ? { language: input.language } : {}),
      ...(input.type !== undefined ? { type: input.type } : {}),
    });
    record.bidCount = 0;
    record.bidAvg = 0;
    this.projects.push(record);
    return record;
  }

  /** First index whose time_submitted is ≥ time (projects are in time order). */
  firstProjectIndexFrom(time: number): number {
    let low = 0;
    let high = this.projects.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.projectAt(middle).timeSubmitted < time) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  // ---- bids -----------------------------------------------------------------------------------------------

  private seedBid(projectIndex: number, hasThread: boolean): void {
    const project = this.projectAt(projectIndex);
    const rng = createRng(`${this.seed}/fl/bid/${projectIndex}`);
    const pack = languagePacks[isContentLanguage(project.language) ? project.language : 'en'];
    const owner = this.owner(project.ownerId) as OwnerRecord;
    const high = project.budget.maximum ?? project.budget.minimum * 1.5;
    const amount = roundTo(project.budget.minimum + rng.next() * (high - project.budget.minimum), project.budget.minimum < 100 ? 1 : 5);
    const period = rng.pick([3, 5, 7, 10, 14, 21, 30]);
    const firstJob = jobById.get(project.jobIds[0] ?? -1);
    const description = fillSlots(rng.pick(pack.coverLetters), rng, {
      title: project.title,
      days: String(period),
      name: owner.displayName.split(' ')[0] ?? owner.displayName,
      skill: firstJob?.name ?? mainCategories[0],
    });
    const roll = rng.next();
    const awardStatus: BidRecord['awardStatus'] = hasThread ? (roll < 0.15 ? 'awarded' : roll < 0.25 ? 'rejected' : null) : roll < 0.1 ? 'rejected' : null;
    const timeSubmitted = Math.min(this.anchor - 7200, project.timeSubmitted + rng.int(600, 2 * 86_400));
    const bid: BidRecord = {
      id: this.nextBidId,
      projectId: project.id,
      projectOwnerId: project.ownerId,
      bidderId: selfUserId,
      amount,
      period,
      milestonePercentage: rng.pick([100, 50, 30]),
      description,
      timeSubmitted,
      retracted: awardStatus === null && hasThread && rng.chance(0.05),
      awardStatus,
      timeAwarded: awardStatus === 'awarded' ? timeSubmitted + rng.int(3600, 3 * 86_400) : null,
      // Drawn last, so every other field stays what the seed made before bids had a cost.
      sponsored: rng.chance(0.2) ? rng.pick([2, 3, 5, 8]) : 0,
    };
    this.nextBidId += 1;
    project.bidCount = Math.max(1, project.bidCount);
    if (project.bidAvg === 0) project.bidAvg = amount;
    this.bids.set(bid.id, bid);
  }

  ownBidOn(projectId: number): BidRecord | undefined {
    for (const bid of this.bids.values()) if (bid.projectId === projectId && bid.bidderId === selfUserId) return bid;
    return undefined;
  }

  bidById(id: number): BidRecord | undefined {
    return this.bids.get(id);
  }

  allBids(): BidRecord[] {
    return [...this.bids.values()];
  }

  placeBid(input: { projectId: number; amount: number; period: number; milestonePercentage: number; description: string }): BidRecord {
    const project = this.projectById(input.projectId) as ProjectRecord;
    const now = this.now();
    const bid: BidRecord = {
      id: this.nextBidId,
      projectId: project.id,
      projectOwnerId: project.ownerId,
      bidderId: selfUserId,
      amount: input.amount,
      period: input.period,
      milestonePercentage: input.milestonePercentage,
      description: input.description,
      timeSubmitted: now,
      retracted: false,
      awardStatus: null,
      timeAwarded: null,
      sponsored: 0,
    };
    this.nextBidId += 1;
    this.bids.set(bid.id, bid);
    project.bidAvg = Math.round(((project.bidAvg * project.bidCount + input.amount) / (project.bidCount + 1)) * 100) / 100;
    project.bidCount += 1;
    project.timeUpdated = now;
    this.recordWrite({ kind: 'bid', id: bid.id, project_id: project.id, amount: bid.amount, message: bid.description });
    return bid;
  }

  recordWrite(write: Omit<WriteRecord, 'seq' | 'time'>): void {
    this.writes.push({ seq: this.writes.length + 1, time: this.now(), ...write });
  }

  // ---- threads and messages -------------------------------------------------------------------------------

  allThreads(): readonly ThreadRecord[] {
    return this.threads;
  }

  threadFor(id: number): ThreadRecord | undefined {
    return this.threadById.get(id);
  }

  get messageCount(): number {
    return this.messageTime.length + this.extraMessages.length;
  }

  messageAt(rank: number): MessageRecord {
    const seeded = this.messageTime.length;
    if (rank >= seeded) return this.extraMessages[rank - seeded] as MessageRecord;
    const cached = this.seededMessages[rank];
    if (cached) return cached;
    const threadIndex = this.messageThread[rank] as number;
    const thread = this.threads[threadIndex] as ThreadRecord;
    const project = this.projectById(thread.projectId) as ProjectRecord;
    const fromMe = this.messageFromMe[rank] === 1;
    const pack = languagePacks[isContentLanguage(project.language) ? project.language : 'en'];
    const rng = createRng(`${this.seed}/fl/message/${threadIndex}/${this.messageOrdinal[rank]}`);
    const message: MessageRecord = {
      id: messageIdBase + rank,
      threadId: thread.id,
      fromUser: fromMe ? selfUserId : thread.clientId,
      message: rng.pick(fromMe ? pack.freelancerLines : pack.clientLines),
      timeCreated: this.messageTime[rank] as number,
    };
    this.seededMessages[rank] = message;
    return message;
  }

  /** The global rank of a message id, or undefined for an id the fixture never issued. */
  rankOfMessageId(id: number): number | undefined {
    const rank = id - messageIdBase;
    return Number.isInteger(rank) && rank >= 0 && rank < this.messageCount ? rank : undefined;
  }

  messageTimeAt(rank: number): number {
    const seeded = this.messageTime.length;
    return rank >= seeded ? (this.extraMessages[rank - seeded] as MessageRecord).timeCreated : (this.messageTime[rank] as number);
  }

  /** First global rank whose time is ≥ time (ranks are in time order). */
  firstMessageRankFrom(time: number): number {
    let low = 0;
    let high = this.messageCount;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.messageTimeAt(middle) < time) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  postMessage(thread: ThreadRecord, fromUser: number, text: string): MessageRecord {
    const now = this.now();
    const rank = this.messageCount;
    const message: MessageRecord = { id: messageIdBase + rank, threadId: thread.id, fromUser, message: text, timeCreated: now };
    this.extraMessages.push(message);
    thread.messages.push(rank);
    thread.timeUpdated = now;
    thread.isRead = fromUser === selfUserId;
    if (fromUser === selfUserId) this.recordWrite({ kind: 'message', id: message.id, thread_id: thread.id, message: text });
    return message;
  }

  /** A project thread opened by its owner (simulation), or the existing one. */
  threadForProject(project: ProjectRecord): ThreadRecord {
    const existing = this.threads.find((thread) => thread.projectId === project.id);
    if (existing) return existing;
    const now = this.now();
    const thread: ThreadRecord = {
      id: threadIdBase + this.threads.length,
      index: this.threads.length,
      projectId: project.id,
      clientId: project.ownerId,
      timeCreated: now,
      timeUpdated: now,
      isRead: false,
      messages: [],
    };
    this.threads.push(thread);
    this.threadById.set(thread.id, thread);
    return thread;
  }

  /** A stable fingerprint of the seeded content, for determinism checks. */
  fingerprint(): number {
    const parts: string[] = [];
    for (let index = 0; index < Math.min(50, this.scale.projects); index += 1) {
      const project = this.projectAt(index);
      parts.push(`${project.id}|${project.title}|${project.timeSubmitted}|${project.budget.minimum}`);
    }
    for (let rank = 0; rank < Math.min(50, this.messageTime.length); rank += 1) parts.push(this.messageAt(rank).message);
    return hashString(parts.join('\n'));
  }
}

export const ownerCountry = (owner: OwnerRecord): { name: string; code: string } => countryObject(owner.country);
