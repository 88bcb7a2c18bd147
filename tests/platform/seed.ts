/**
 * Deterministic seed generator: the same seed, scale and anchor always produce the same records, ids, versions
 * and feed order. Everything is inserted through prepared statements in one transaction.
 */
import { readFileSync } from 'node:fs';
import type {
  CommunityEvent,
  ForumPost,
  ForumTopic,
  Message,
  Milestone,
  PortfolioItem,
  Profile,
  Proposal,
  Story,
  Thread,
} from '../../shared/platform/records';
import {
  type ContentLanguage,
  type CountryProfile,
  countryProfiles,
  eventTemplates,
  forumReplies,
  forumTopics,
  languagePacks,
  projectQuestions,
  regionsByCountry,
  skillsByCategory,
  stories,
  womenFirstNames,
} from './content';
import {
  buildClient,
  buildMessage,
  buildProject,
  contentLanguages,
  countryProfileOf,
  fillSlots,
  isContentLanguage,
  serialId,
} from './generators';
import { portfolioPictureNames } from './images';
import { createRng, type Rng } from './prng';
import { sha256, type PlatformStore } from './store';

export type ScaleCounts = {
  clients: number;
  projects: number;
  threads: number;
  messages: number;
  proposals: number;
  portfolioItems: number;
  stories: number;
  forumTopics: number;
  forumPosts: number;
  /** Community events (meetups, webinars), some past, most upcoming. */
  events: number;
  /** Community members who write stories and forum posts. */
  members: number;
};

export const demoUser = {
  id: 'usr_demo',
  email: 'demo@bottega.test',
  password: 'bottega-demo',
  name: 'Elena Ferraro',
  skills: [
    ...skillsByCategory.web_development,
    ...skillsByCategory.design,
    ...skillsByCategory.translation,
    ...skillsByCategory.copywriting,
    ...skillsByCategory.seo,
    ...skillsByCategory.mobile_apps,
  ],
  languages: ['it', 'en', 'de', 'fr', 'es'],
} as const;

/** A second account, so that per-user scoping (feeds, idempotency keys) can be tested. */
export const secondUser = {
  id: 'usr_second',
  email: 'second@bottega.test',
  password: 'bottega-second',
  name: 'Jonas Weber',
  skills: [...skillsByCategory.translation, ...skillsByCategory.copywriting],
  languages: ['de', 'en'],
} as const;

export const seedAnchorDefault = '2026-11-16T09:00:00.000Z';

/** `demo`: small and readable; `large`: 100k projects, 10k clients, 50k threads, 500k messages; a number: that many projects. */
export const resolveScale = (scale: string | number): ScaleCounts => {
  if (scale === 'demo') {
    return { clients: 25, projects: 60, threads: 10, messages: 70, proposals: 8, portfolioItems: 5, stories: 14, forumTopics: 10, forumPosts: 40, events: 6, members: 20 };
  }
  if (scale === 'large') {
    return {
      clients: 10_000,
      projects: 100_000,
      threads: 50_000,
      messages: 500_000,
      proposals: 2_000,
      portfolioItems: 30,
      stories: 1_000,
      forumTopics: 2_000,
      forumPosts: 20_000,
      events: 200,
      members: 2_000,
    };
  }
  const projects = typeof scale === 'number' ? scale : Number(scale);
  if (!Number.isInteger(projects) || projects < 1) throw new Error(`scale must be demo, large or a positive integer, not "${scale}"`);
  const ratio = (per: number, min: number): number => Math.max(min, Math.round(projects * per));
  const threads = ratio(0.5, 2);
  return {
    clients: ratio(0.1, 3),
    projects,
    threads,
    messages: Math.max(threads, Math.round(projects * 5)),
    proposals: Math.min(projects, ratio(0.02, 3)),
    portfolioItems: Math.min(30, ratio(0.05, 3)),
    stories: ratio(0.01, 3),
    forumTopics: ratio(0.02, 3),
    forumPosts: ratio(0.2, 6),
    events: ratio(0.005, 3),
    members: ratio(0.02, 5),
  };
};

const day = 86_400_000;

const timeZones: Readonly<Record<string, string>> = {
  IT: 'Europe/Rome', DE: 'Europe/Berlin', AT: 'Europe/Vienna', CH: 'Europe/Zurich', FR: 'Europe/Paris', BE: 'Europe/Brussels',
  ES: 'Europe/Madrid', MX: 'America/Mexico_City', AR: 'America/Argentina/Buenos_Aires', GB: 'Europe/London', IE: 'Europe/Dublin',
  US: 'America/New_York', CA: 'America/Toronto', AU: 'Australia/Sydney', NL: 'Europe/Amsterdam', PT: 'Europe/Lisbon',
  PL: 'Europe/Warsaw', SE: 'Europe/Stockholm',
};
const timeZoneOf = (country: string): string => timeZones[country] ?? 'UTC';
const iso = (ms: number): string => new Date(ms).toISOString();
const proposalStatusPlan: readonly (readonly [Proposal['status'], number])[] = [
  ['submitted', 5],
  ['shortlisted', 1],
  ['awarded', 1.5],
  ['declined', 2],
  ['withdrawn', 0.7],
  ['completed', 1.2],
];

/** Splits `total` into `parts` counts between min and max, adding up exactly. */
const distribute = (rng: Rng, total: number, parts: number, spread: number): number[] => {
  const base = Math.floor(total / parts);
  const counts = Array.from({ length: parts }, () => Math.max(1, base + rng.int(-spread, spread)));
  let diff = total - counts.reduce((sum, count) => sum + count, 0);
  for (let index = 0; diff !== 0; index = (index + 1) % parts) {
    const count = counts[index] as number;
    if (diff > 0) {
      counts[index] = count + 1;
      diff -= 1;
    } else if (count > 1) {
      counts[index] = count - 1;
      diff += 1;
    }
  }
  return counts;
};

export type SeedResult = { rows: number; counts: ScaleCounts };

/** The seeded portfolio's pictures, one per template (committed PNGs that tests/platform/images.ts draws), read once. */
const portfolioPictures = new Map<number, Buffer>();
const readPortfolioPicture = (index: number): Buffer => {
  const at = index % portfolioPictureNames.length;
  const known = portfolioPictures.get(at);
  if (known) return known;
  const bytes = readFileSync(new URL(`./pictures/${portfolioPictureNames[at]}`, import.meta.url));
  portfolioPictures.set(at, bytes);
  return bytes;
};

export const seedPlatform = (
  store: PlatformStore,
  options: { seed: number | string; scale: string | number; anchor?: string },
): SeedResult => {
  const counts = resolveScale(options.scale);
  const anchorMs = Date.parse(options.anchor ?? seedAnchorDefault);
  if (Number.isNaN(anchorMs)) throw new Error(`invalid seed anchor "${options.anchor}"`);
  const root = createRng(options.seed);
  let rows = 0;
  const insert = (type: string, id: string, data: Record<string, unknown>, owner: string | null, version = 1): void => {
    store.bulkInsert(type, id, data, owner, version);
    rows += 1;
  };

  store.addUser({ ...demoUser, skills: [...demoUser.skills], languages: [...demoUser.languages] });
  store.addUser({ ...secondUser, skills: [...secondUser.skills], languages: [...secondUser.languages] });
  store.setMeta('seed', JSON.stringify({ seed: options.seed, scale: options.scale, anchor: iso(anchorMs) }));

  store.transact(() => {
    // Profiles and portfolio first: a first sync shows "who am I" before anything else.
    insert('profile', demoUser.id, buildDemoProfile(anchorMs), demoUser.id, 3);
    insert('profile', secondUser.id, buildSecondProfile(anchorMs), secondUser.id, 1);
    const portfolioRng = root.fork('portfolio');
    const portfolioIds: string[] = [];
    // Each item shows its work: a picture drawn for it (tests/platform/images.ts), stored as an upload.
    const pictureOf = (index: number): string => {
      const picture = readPortfolioPicture(index);
      const hash = sha256(picture);
      store.saveUpload(hash, 'image/png', picture);
      return hash;
    };
    for (let index = 0; index < counts.portfolioItems; index += 1) {
      const id = serialId('pfi', index + 1);
      portfolioIds.push(id);
      insert('portfolio_item', id, { ...buildPortfolioItem(portfolioRng, index, anchorMs), image_ids: [pictureOf(index)] }, demoUser.id, portfolioRng.int(1, 4));
    }
    insert('portfolio_item', 'pfi_second1', { ...buildPortfolioItem(portfolioRng, 2, anchorMs, ['de', 'en']), image_ids: [pictureOf(2)] }, secondUser.id, 1);

    const clientRng = root.fork('clients');
    const clients: { id: string; country: string; languages: readonly string[]; city: string | null; name: string }[] = [];
    const projectsOfClient: number[][] = [];
    for (let index = 0; index < counts.clients; index += 1) {
      const id = serialId('cli', index + 1);
      const client = buildClient(clientRng, { anchorMs });
      clients.push({ id, country: client.country, languages: client.languages, city: client.city, name: client.name });
      projectsOfClient.push([]);
      insert('client', id, { ...client, projects_posted: clientRng.int(1, 40) }, null, clientRng.int(1, 3));
    }

    // Which projects the demo user bid on, decided before the projects exist so their status can follow.
    const projectRng = root.fork('projects');
    const bidRng = root.fork('bids');
    const bidPlan = new Map<number, Proposal['status']>();
    // A small seed shows every state (in a seed-dependent order); a large one follows realistic proportions.
    const statusCycle = bidRng.pickSome(proposalStatusPlan.map(([status]) => status), proposalStatusPlan.length);
    while (bidPlan.size < Math.min(counts.proposals, counts.projects)) {
      const status = counts.proposals <= 12 ? (statusCycle[bidPlan.size] ?? 'submitted') : bidRng.weighted(proposalStatusPlan);
      const projectIndex = bidRng.int(0, counts.projects - 1);
      if (!bidPlan.has(projectIndex)) bidPlan.set(projectIndex, status);
    }
    // Its own stream: questions came later, and drawing them from projectRng would have changed every later value.
    const questionRng = root.fork('questions');
    const projectIds: string[] = [];
    const projectInfo: { id: string; clientIndex: number; title: string; language: string; kind: 'fixed' | 'hourly'; currency: string; budgetMin: number; budgetMax: number | null; postedMs: number; skills: string[] }[] = [];
    const spanDays = counts.projects > 1000 ? 365 : 45;
    for (let index = 0; index < counts.projects; index += 1) {
      const id = serialId('prj', index + 1);
      // Older first, so the feed (and a first sync) runs forward in time.
      const postedMs = anchorMs - Math.round(((counts.projects - index) / counts.projects) * spanDays * day) - projectRng.int(0, 3600_000);
      const clientIndex = projectRng.int(0, clients.length - 1);
      const client = clients[clientIndex] as (typeof clients)[number];
      const bidStatus = bidPlan.get(index);
      const status =
        bidStatus === 'awarded' ? 'awarded' : bidStatus === 'completed' ? 'closed' : bidStatus ? 'open'
          : projectRng.weighted([['open', 90], ['closed', 4], ['awarded', 4], ['cancelled', 2]] as const);
      const foreign = !bidStatus && ['PT', 'NL', 'PL'].includes(client.country) && projectRng.chance(0.5);
      const project = buildProject(projectRng, client, postedMs, {
        status,
        foreign,
        ...(bidStatus ? { category: projectRng.pick(['web_development', 'design', 'translation', 'seo'] as const), language: client.languages.find(isContentLanguage) ?? 'en' } : {}),
      });
      if (bidStatus && project.bid_count === 0) project.bid_count = 1;
      // Some open projects ask bidders questions; the seeded bids' projects do not (their bids predate them).
      if (!bidStatus && status === 'open' && isContentLanguage(project.language) && questionRng.chance(0.3)) {
        const asked = questionRng.pickSome(projectQuestions[project.language], questionRng.int(1, 3));
        project.questions = asked.map((text, at) => ({ id: `q${at + 1}`, text }));
      }
      projectIds.push(id);
      projectsOfClient[clientIndex]?.push(index);
      projectInfo.push({ id, clientIndex, title: project.title, language: project.language, kind: project.kind, currency: project.budget.currency, budgetMin: project.budget.min_minor, budgetMax: project.budget.max_minor, postedMs, skills: project.skills });
      insert('project', id, project, null, status === 'open' ? projectRng.int(1, 2) : projectRng.int(2, 4));
      if (bidStatus) store.bulkShare('project', id, demoUser.id);
    }

    let proposalIndex = 0;
    // Proposals a client answered (shortlisted, awarded, completed, declined): their conversations come first.
    const answered: { projectIndex: number; submittedMs: number }[] = [];
    for (const [projectIndex, status] of [...bidPlan.entries()].sort((a, b) => a[0] - b[0])) {
      proposalIndex += 1;
      const project = projectInfo[projectIndex] as (typeof projectInfo)[number];
      const client = clients[project.clientIndex] as (typeof clients)[number];
      const proposal = buildProposal(bidRng, { project, client, status, portfolioIds, anchorMs, index: proposalIndex });
      insert('proposal', serialId('prp', proposalIndex), proposal, demoUser.id, status === 'submitted' ? bidRng.int(1, 3) : bidRng.int(2, 5));
      const submittedMs = Date.parse(proposal.submitted_at ?? '');
      if (['shortlisted', 'awarded', 'completed', 'declined'].includes(status) && submittedMs < anchorMs - 3 * 3600_000) answered.push({ projectIndex, submittedMs });
    }

    const threadRng = root.fork('threads');
    const messageCounts = distribute(threadRng, counts.messages, counts.threads, counts.messages / counts.threads > 4 ? 6 : 2);
    let messageIndex = 0;
    const recentThreads = Math.max(3, Math.round(counts.threads * 0.05));
    for (let index = 0; index < counts.threads; index += 1) {
      const id = serialId('thr', index + 1);
      // The client of an answered proposal writes first, a few hours after it was submitted, about its project.
      const answering = index < counts.threads - recentThreads ? answered[index] : undefined;
      const answeredProject = answering ? projectInfo[answering.projectIndex] : undefined;
      const clientIndex = answeredProject ? answeredProject.clientIndex : threadRng.int(0, clients.length - 1);
      const client = clients[clientIndex] as (typeof clients)[number];
      // A thread is in the client's own language: its subject, and every message. A project thread is about one of
      // the client's postings in that language (a Swiss client writing German does not title a thread in French).
      const language = client.languages.find(isContentLanguage) ?? 'en';
      const messageCount = messageCounts[index] as number;
      // Recent threads (the last in the feed) get recent messages; some end with unread client messages.
      const replyMs = answering ? Math.min(answering.submittedMs + threadRng.int(2, 30) * 3600_000, anchorMs - 2 * 3600_000) : 0;
      const endMs = answering
        ? Math.min(anchorMs - 3600_000, replyMs + threadRng.int(2, 12) * day)
        : anchorMs - Math.round(((counts.threads - index) / counts.threads) * 120 * day) - threadRng.int(0, 7200_000);
      // About a posting made at least a day before its last message (a conversation cannot predate its project,
      // and one squeezed into no time showed every message at the same minute).
      const clientProjects = (projectsOfClient[clientIndex] ?? []).filter((candidate) => {
        const info = projectInfo[candidate];
        return info?.language === language && info.postedMs < endMs - day;
      });
      const projectIndex = answering ? answering.projectIndex : clientProjects.length > 0 && threadRng.chance(0.75) ? threadRng.pick(clientProjects) : undefined;
      const project = projectIndex === undefined ? undefined : projectInfo[projectIndex];
      const pack = languagePacks[language as ContentLanguage];
      // Messages are spread after the start: the client's reply is the first of them.
      const startMs = answering ? replyMs - (endMs - replyMs) / Math.max(1, messageCount - 1) : Math.max(project?.postedMs ?? endMs - 20 * day, endMs - 20 * day);
      const recent = index >= counts.threads - recentThreads;
      // The newest thread always waits for an answer, so a fresh workspace has something unread.
      const unreadTail = recent && (threadRng.chance(0.6) || index === counts.threads - 1) ? threadRng.int(1, Math.min(3, messageCount)) : 0;
      const messages: (Omit<Message, 'id' | 'version'> & { id: string })[] = [];
      for (let position = 0; position < messageCount; position += 1) {
        const fromClient = position >= messageCount - unreadTail ? true : position % 2 === (answering ? 0 : 1);
        const sentMs = startMs + Math.round(((position + 1) / messageCount) * (endMs - startMs));
        messageIndex += 1;
        messages.push({
          id: serialId('msg', messageIndex),
          ...buildMessage(threadRng, {
            threadId: id,
            senderId: fromClient ? client.id : demoUser.id,
            fromMe: !fromClient,
            language,
            sentMs,
            read: position < messageCount - unreadTail,
          }),
        });
      }
      const last = messages[messages.length - 1];
      const thread: Omit<Thread, 'id' | 'version'> = {
        context: project ? 'project' : 'general',
        project_id: project?.id ?? null,
        client_id: client.id,
        subject: project ? project.title : threadRng.pick(pack.generalSubjects),
        members: [demoUser.id, client.id],
        unread_count: unreadTail,
        read: unreadTail === 0,
        muted: threadRng.chance(0.04),
        message_count: messageCount,
        last_message_at: last?.sent_at ?? null,
        created_at: iso(startMs - 3600_000),
        updated_at: last?.sent_at ?? iso(startMs),
      };
      insert('thread', id, thread, demoUser.id, Math.min(messageCount + 1, 50));
      for (const { id: messageId, ...message } of messages) insert('message', messageId, message, demoUser.id, 1);
    }

    const communityRng = root.fork('community');
    // Every template once before any comes back, languages taking turns: a small seed repeats no story and no topic.
    const storyPlan = interleaveByLanguage(stories);
    const topicPlan = interleaveByLanguage(forumTopics);
    const communityProfiles = countryProfiles.filter((candidate) => candidate.languages.some(isContentLanguage));
    const languageOf = (profile: CountryProfile): ContentLanguage => (profile.languages.find(isContentLanguage) ?? 'en') as ContentLanguage;
    const usedNames = new Set<string>();
    // The first members are the stories' authors, one story each, from a country that writes the story's language.
    const members = Array.from({ length: Math.max(counts.members, counts.stories) }, (_, index) => {
      const planned = index < counts.stories ? storyPlan[index % storyPlan.length] : undefined;
      const profile = communityRng.pick(planned ? communityProfiles.filter((candidate) => languageOf(candidate) === planned.language) : communityProfiles);
      const author = planned?.template.author;
      const firstNames = author ? profile.first.filter((first) => womenFirstNames.has(first) === (author === 'woman')) : profile.first;
      // A name nobody has yet, where the country's names allow (a large seed runs out of them).
      let name = '';
      for (let attempt = 0; attempt < 20 && (name === '' || usedNames.has(name)); attempt += 1) {
        name = `${communityRng.pick(firstNames.length > 0 ? firstNames : profile.first)} ${communityRng.pick(profile.last)}`;
      }
      usedNames.add(name);
      return { id: `usr_m${(index + 1).toString(36).padStart(5, '0')}`, name, country: profile.country, language: languageOf(profile) };
    });
    const regionRng = root.fork('story-regions');
    for (let index = 0; index < counts.stories; index += 1) {
      const member = members[index] as (typeof members)[number];
      const template = (storyPlan[index % storyPlan.length] as { template: (typeof stories)[ContentLanguage][number] }).template;
      const city = communityRng.pick(countryProfileOf(member.country).cities);
      const publishedMs = anchorMs - Math.round(((counts.stories - index) / counts.stories) * 400 * day);
      const regions = regionsByCountry[member.country];
      const story: Omit<Story, 'id' | 'version'> = {
        author_name: member.name,
        author_country: member.country,
        // Its own fork, so that adding the field did not reshuffle the rest of the community seed.
        region: regions ? regionRng.pick(regions) : null,
        profession: template.profession,
        sector: template.sector,
        language: member.language,
        title: fillSlots(template.title, communityRng, { city }),
        body: fillSlots(template.body, communityRng, { city }),
        tags: [...template.tags],
        tools: [...template.tools],
        likes: communityRng.int(0, 900),
        published_at: iso(publishedMs),
        updated_at: iso(publishedMs),
      };
      insert('story', serialId('sty', index + 1), story, null, 1);
    }

    const postCounts = distribute(communityRng, counts.forumPosts, counts.forumTopics, 3);
    let postIndex = 0;
    for (let index = 0; index < counts.forumTopics; index += 1) {
      const planned = topicPlan[index % topicPlan.length] as { language: ContentLanguage; template: (typeof forumTopics)[ContentLanguage][number] };
      const speakers = members.filter((member) => member.language === planned.language);
      const starter = speakers.length > 0 ? communityRng.pick(speakers) : communityRng.pick(members);
      const template = speakers.length > 0 ? planned.template : communityRng.pick(forumTopics[starter.language]);
      const topicId = serialId('ftp', index + 1);
      const createdMs = anchorMs - Math.round(((counts.forumTopics - index) / counts.forumTopics) * 200 * day) - communityRng.int(0, 86_399_000);
      const posts: (Omit<ForumPost, 'id' | 'version'> & { id: string })[] = [];
      const postCount = postCounts[index] as number;
      for (let position = 0; position < postCount; position += 1) {
        const byDemo = position > 0 && communityRng.chance(0.06);
        const author = position === 0 ? starter : communityRng.pick(members);
        postIndex += 1;
        const atMs = createdMs + position * communityRng.int(600_000, 36 * 3600_000);
        posts.push({
          id: serialId('fps', postIndex),
          topic_id: topicId,
          author_id: byDemo ? demoUser.id : author.id,
          author_name: byDemo ? demoUser.name : author.name,
          body: position === 0 ? `${template.title}\n\n${communityRng.pick(forumReplies[starter.language])}` : communityRng.pick(forumReplies[starter.language]),
          reply_to: position > 1 && communityRng.chance(0.3) ? (posts[communityRng.int(0, posts.length - 1)]?.id ?? null) : null,
          created_at: iso(atMs),
          updated_at: iso(atMs),
        });
      }
      const topic: Omit<ForumTopic, 'id' | 'version'> = {
        category: template.category,
        language: starter.language,
        title: template.title,
        author_id: starter.id,
        author_name: starter.name,
        post_count: postCount,
        pinned: index < 2,
        locked: communityRng.chance(0.03),
        created_at: iso(createdMs),
        last_post_at: posts[posts.length - 1]?.created_at ?? iso(createdMs),
        updated_at: posts[posts.length - 1]?.created_at ?? iso(createdMs),
      };
      insert('forum_topic', topicId, topic, null, Math.min(postCount, 30));
      for (const { id: postId, ...post } of posts) insert('forum_post', postId, post, null, 1);
    }

    // Events span a month before the anchor to three months after it: a few past, most upcoming.
    const eventRng = root.fork('events');
    for (let index = 0; index < counts.events; index += 1) {
      const organizer = eventRng.pick(members);
      const template = eventRng.pick(eventTemplates[organizer.language]);
      const profile = countryProfileOf(organizer.country);
      const city = eventRng.pick(profile.cities);
      const startMs = anchorMs + Math.round((index / counts.events - 0.25) * 120 * day) + eventRng.int(0, 6) * day;
      // Whole hours in UTC, late afternoon or evening in Europe.
      const startsAt = Math.floor(startMs / day) * day + eventRng.int(15, 18) * 3600_000;
      const event: Omit<CommunityEvent, 'id' | 'version'> = {
        title: fillSlots(template.title, eventRng, { city }),
        description: template.description,
        language: organizer.language,
        format: template.format,
        starts_at: iso(startsAt),
        ends_at: iso(startsAt + template.hours * 3600_000),
        time_zone: timeZoneOf(organizer.country),
        venue: template.format === 'online' ? null : template.venue,
        city: template.format === 'online' ? null : city,
        country: template.format === 'online' ? null : organizer.country,
        online_url: template.format === 'in_person' ? null : `https://meet.wwworkers.example/${serialId('evt', index + 1)}`,
        organizer_name: organizer.name,
        cancelled: index > 0 && eventRng.chance(0.05),
        created_at: iso(startsAt - 30 * day),
        updated_at: iso(startsAt - 30 * day),
      };
      insert('event', serialId('evt', index + 1), event, null, 1);
    }
  });
  return { rows, counts };
};

/** Templates of every language taking turns (it, en, de, fr, es, then each one's second...), each with its language. */
const interleaveByLanguage = <T>(byLanguage: Record<ContentLanguage, readonly T[]>): { language: ContentLanguage; template: T }[] => {
  const rounds = Math.max(...contentLanguages.map((language) => byLanguage[language].length));
  return Array.from({ length: rounds }, (_, round) =>
    contentLanguages.flatMap((language) => (round < byLanguage[language].length ? [{ language, template: byLanguage[language][round] as T }] : [])),
  ).flat();
};

const buildProposal = (
  rng: Rng,
  context: {
    project: { id: string; title: string; language: string; kind: 'fixed' | 'hourly'; currency: string; budgetMin: number; budgetMax: number | null; postedMs: number; skills: string[] };
    client: { name: string };
    status: Proposal['status'];
    portfolioIds: string[];
    anchorMs: number;
    index: number;
  },
): Omit<Proposal, 'id' | 'version'> => {
  const { project, status } = context;
  const high = project.budgetMax ?? project.budgetMin * 2;
  const amount = Math.max(100, Math.round((project.budgetMin + rng.next() * (high - project.budgetMin)) / 1000) * 1000);
  const periodDays = rng.pick([5, 7, 10, 14, 21, 30, 45]);
  const submittedMs = Math.min(context.anchorMs - 3600_000, project.postedMs + rng.int(1, 72) * 3600_000);
  const primary = isContentLanguage(project.language) ? project.language : 'en';
  const locales = [primary, ...(primary === 'en' ? [] : ['en']), ...(rng.chance(0.3) ? [rng.pick(contentLanguages)] : [])];
  const variants: Proposal['variants'] = {};
  for (const locale of new Set(locales)) {
    const pack = languagePacks[locale as ContentLanguage];
    variants[locale] = {
      cover_letter: fillSlots(rng.pick(pack.coverLetters), rng, {
        title: project.title,
        name: context.client.name.split(' ')[0] ?? context.client.name,
        days: String(periodDays),
        skill: project.skills[0] ?? 'web',
      }),
      source_locale: locale === primary ? null : primary,
      updated_at: iso(submittedMs),
    };
  }
  const milestones: Milestone[] = [];
  if (project.kind === 'fixed' && rng.chance(0.6)) {
    const parts = rng.int(2, 3);
    const titles: Record<ContentLanguage, readonly string[]> = {
      it: ['Analisi e bozza', 'Sviluppo', 'Consegna finale'],
      en: ['Discovery and draft', 'Build', 'Final delivery'],
      de: ['Konzept und Entwurf', 'Umsetzung', 'Abnahme'],
      fr: ['Analyse et maquette', 'Réalisation', 'Livraison finale'],
      es: ['Análisis y borrador', 'Desarrollo', 'Entrega final'],
    };
    let remaining = amount;
    for (let part = 0; part < parts; part += 1) {
      const share = part === parts - 1 ? remaining : Math.round(amount / parts / 100) * 100;
      remaining -= share;
      milestones.push({
        id: `mst_${context.index}x${part + 1}`,
        title: titles[primary as ContentLanguage][part] ?? `Milestone ${part + 1}`,
        amount_minor: share,
        due_in_days: Math.round(((part + 1) / parts) * periodDays),
        status: status === 'completed' ? 'released' : status === 'awarded' && part === 0 ? 'funded' : 'planned',
      });
    }
  }
  const decided = ['awarded', 'declined', 'completed', 'withdrawn'].includes(status)
    ? iso(Math.min(context.anchorMs - 60_000, submittedMs + rng.int(1, 10) * day))
    : null;
  return {
    project_id: project.id,
    status,
    kind: project.kind,
    amount_minor: amount,
    currency: project.currency,
    period_days: periodDays,
    answers: [],
    milestones,
    default_locale: primary,
    variants,
    portfolio_item_ids: rng.pickSome(context.portfolioIds, rng.int(0, 2)),
    sealed: rng.chance(0.1),
    paid_minor: status === 'completed' ? amount : 0,
    submitted_at: iso(submittedMs),
    decided_at: decided,
    created_at: iso(submittedMs - rng.int(10, 300) * 60_000),
    updated_at: decided ?? iso(submittedMs),
  };
};

type PortfolioTemplate = { skills: string[]; link: string; completed: string; variants: Partial<Record<ContentLanguage, [string, string, string, string, string]>> };

/** [title, role, description, goal, solution] per language. */
const portfolioTemplates: readonly PortfolioTemplate[] = [
  {
    skills: ['wordpress', 'woocommerce', 'seo'],
    link: 'https://example.com/cantina-dei-colli',
    completed: '2026-03-20',
    variants: {
      it: ['E-commerce per Cantina dei Colli', 'Sviluppo e SEO', 'Negozio online WooCommerce per una cantina dei Colli Bolognesi, con spedizioni in tutta Europa.', 'Vendere direttamente ai clienti esteri.', 'Catalogo in tre lingue, pagamenti Stripe, regole di spedizione per paese.'],
      en: ['Online shop for Cantina dei Colli', 'Development and SEO', 'WooCommerce store for a winery near Bologna, shipping across Europe.', 'Sell directly to customers abroad.', 'Three-language catalogue, Stripe payments, per-country shipping rules.'],
      de: ['Onlineshop für Cantina dei Colli', 'Entwicklung und SEO', 'WooCommerce-Shop für ein Weingut bei Bologna mit Versand in ganz Europa.', 'Direktverkauf an Kunden im Ausland.', 'Katalog in drei Sprachen, Stripe-Zahlungen, Versandregeln pro Land.'],
    },
  },
  {
    skills: ['figma', 'ui-design', 'flutter'],
    link: 'https://example.com/prenota-padel',
    completed: '2025-11-05',
    variants: {
      it: ['App di prenotazione campi da padel', 'UI design e sviluppo Flutter', 'App iOS/Android per prenotare campi in 12 circoli sportivi.', 'Ridurre le telefonate alla reception.', 'Prenotazione in tre tocchi, pagamento anticipato, promemoria push.'],
      en: ['Padel court booking app', 'UI design and Flutter development', 'iOS/Android app for booking courts at 12 sports clubs.', 'Cut phone calls to the front desk.', 'Three-tap booking, prepayment, push reminders.'],
      es: ['App de reservas de pistas de pádel', 'Diseño UI y desarrollo Flutter', 'App iOS/Android para reservar pistas en 12 clubes.', 'Reducir las llamadas a recepción.', 'Reserva en tres toques, pago anticipado y recordatorios.'],
    },
  },
  {
    skills: ['translation', 'localization', 'de-it-translation'],
    link: 'https://example.com/manuale-macchine',
    completed: '2026-06-12',
    variants: {
      it: ['Localizzazione manuali macchine agricole', 'Traduzione DE>IT', 'Oltre 120.000 parole di manuali tecnici tradotti e impaginati.', 'Lancio sul mercato italiano entro la fiera di primavera.', 'Glossario condiviso, memoria di traduzione, revisione con i tecnici.'],
      en: ['Localising farm machinery manuals', 'German to Italian translation', 'Over 120,000 words of technical manuals translated and typeset.', 'Launch in Italy in time for the spring trade fair.', 'Shared glossary, translation memory, review with the engineers.'],
      de: ['Lokalisierung von Landmaschinen-Handbüchern', 'Übersetzung DE>IT', 'Über 120.000 Wörter technischer Handbücher übersetzt und gesetzt.', 'Markteinführung in Italien zur Frühjahrsmesse.', 'Gemeinsames Glossar, Translation Memory, Prüfung mit den Technikern.'],
      fr: ['Localisation de manuels de machines agricoles', 'Traduction allemand > italien', 'Plus de 120 000 mots de manuels techniques traduits et mis en page.', 'Lancement en Italie pour le salon de printemps.', 'Glossaire partagé, mémoire de traduction, relecture avec les techniciens.'],
    },
  },
  {
    skills: ['logo-design', 'branding'],
    link: 'https://example.com/forno-bianchi',
    completed: '2025-09-30',
    variants: {
      it: ['Identità visiva Forno Bianchi', 'Logo e branding', 'Logo, insegna, sacchetti e grafiche social per un forno storico di Modena.', 'Rinnovare senza perdere i clienti affezionati.', 'Un marchio che riprende la vecchia insegna del 1962.'],
      en: ['Brand identity for Forno Bianchi', 'Logo and branding', 'Logo, shop sign, bags and social graphics for a historic bakery in Modena.', 'Refresh the brand without losing loyal customers.', 'A mark that echoes the original 1962 shop sign.'],
      fr: ['Identité visuelle Forno Bianchi', 'Logo et image de marque', 'Logo, enseigne, sachets et visuels pour une boulangerie historique de Modène.', 'Moderniser sans perdre la clientèle fidèle.', 'Un logo qui reprend l\'enseigne d\'origine de 1962.'],
    },
  },
  {
    skills: ['seo', 'local-seo', 'content-writing'],
    link: 'https://example.com/studio-dentistico',
    completed: '2026-08-01',
    variants: {
      it: ['SEO locale per studio dentistico', 'Consulenza SEO e contenuti', 'Da pagina 4 a primi tre risultati per "dentista Bologna" in otto mesi.', 'Più prenotazioni dal sito.', 'Scheda Google curata, articoli utili, recensioni dei pazienti.'],
      en: ['Local SEO for a dental practice', 'SEO and content', 'From page 4 to the top three for "dentist Bologna" in eight months.', 'More bookings from the website.', 'Well-kept Google profile, useful articles, patient reviews.'],
      es: ['SEO local para clínica dental', 'SEO y contenidos', 'De la página 4 a los tres primeros resultados en ocho meses.', 'Más citas desde la web.', 'Ficha de Google cuidada, artículos útiles y reseñas.'],
    },
  },
];

const buildPortfolioItem = (rng: Rng, index: number, anchorMs: number, only?: ContentLanguage[]): Omit<PortfolioItem, 'id' | 'version'> => {
  const template = portfolioTemplates[index % portfolioTemplates.length] as PortfolioTemplate;
  const round = Math.floor(index / portfolioTemplates.length);
  const variants: PortfolioItem['variants'] = {};
  const updated = iso(anchorMs - rng.int(5, 200) * day);
  for (const [locale, fields] of Object.entries(template.variants) as [ContentLanguage, [string, string, string, string, string]][]) {
    if (only && !only.includes(locale)) continue;
    const [title, role, description, goal, solution] = fields;
    variants[locale] = {
      title: round > 0 ? `${title} (${round + 1})` : title,
      role,
      description,
      goal,
      solution,
      source_locale: locale === 'it' ? null : 'it',
      revision: 1,
      source_revision: locale === 'it' ? null : 1,
      updated_at: updated,
    };
  }
  const firstLocale = Object.keys(variants)[0] ?? 'en';
  return {
    skills: template.skills,
    links: [template.link],
    image_ids: [],
    visibility: rng.chance(0.85) ? 'public' : 'private',
    position: index,
    completed_on: template.completed,
    default_locale: 'it' in variants ? 'it' : firstLocale,
    variants,
    created_at: iso(anchorMs - 400 * day + index * day),
    updated_at: updated,
  };
};

const buildDemoProfile = (anchorMs: number): Omit<Profile, 'id' | 'version'> => {
  const updated = iso(anchorMs - 12 * day);
  const variant = (headline: string, bio: string, source: string | null) => ({
    headline,
    bio,
    source_locale: source,
    revision: 1,
    source_revision: source === null ? null : 1,
    updated_at: updated,
  });
  return {
    name: demoUser.name,
    country: 'IT',
    city: 'Bologna',
    hourly_rate_minor: 4500,
    currency: 'EUR',
    skills: ['wordpress', 'react', 'figma', 'seo', 'translation', 'de-it-translation', 'copywriting', 'flutter'],
    languages: [
      { tag: 'it', level: 'native' },
      { tag: 'en', level: 'fluent' },
      { tag: 'de', level: 'professional' },
      { tag: 'fr', level: 'conversational' },
      { tag: 'es', level: 'conversational' },
    ],
    avatar_id: null,
    default_locale: 'it',
    variants: {
      it: variant('Siti web, app e traduzioni per piccole imprese', 'Sviluppatrice e traduttrice freelance a Bologna. Da dieci anni aiuto cantine, studi professionali e negozi a farsi trovare online, in più lingue.', null),
      en: variant('Websites, apps and translations for small businesses', 'Freelance developer and translator based in Bologna. For ten years I have helped wineries, practices and shops get found online, in several languages.', 'it'),
      de: variant('Websites, Apps und Übersetzungen für kleine Unternehmen', 'Freiberufliche Entwicklerin und Übersetzerin in Bologna. Seit zehn Jahren helfe ich Weingütern, Praxen und Läden, online gefunden zu werden – mehrsprachig.', 'it'),
      fr: variant('Sites web, applications et traductions pour petites entreprises', 'Développeuse et traductrice indépendante à Bologne. Depuis dix ans, j\'aide domaines viticoles, cabinets et boutiques à être trouvés en ligne.', 'it'),
      es: variant('Webs, apps y traducciones para pequeñas empresas', 'Desarrolladora y traductora freelance en Bolonia. Desde hace diez años ayudo a bodegas, despachos y tiendas a aparecer en internet.', 'it'),
    },
    updated_at: updated,
  };
};

const buildSecondProfile = (anchorMs: number): Omit<Profile, 'id' | 'version'> => {
  const updated = iso(anchorMs - 40 * day);
  return {
    name: secondUser.name,
    country: 'DE',
    city: 'Leipzig',
    hourly_rate_minor: 5000,
    currency: 'EUR',
    skills: ['translation', 'copywriting', 'proofreading'],
    languages: [
      { tag: 'de', level: 'native' },
      { tag: 'en', level: 'fluent' },
    ],
    avatar_id: null,
    default_locale: 'de',
    variants: {
      de: { headline: 'Texter und Übersetzer EN>DE', bio: 'Ich schreibe und übersetze Marketingtexte für Software-Firmen.', source_locale: null, revision: 1, source_revision: null, updated_at: updated },
      en: { headline: 'Copywriter and EN>DE translator', bio: 'I write and translate marketing copy for software companies.', source_locale: 'de', revision: 1, source_revision: 1, updated_at: updated },
    },
    updated_at: updated,
  };
};
