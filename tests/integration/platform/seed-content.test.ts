/**
 * The demo platform's seed reads as a real marketplace (issue #15): threads in their client's language, skills that
 * match the posting, one story per community member, no forum topic twice, portfolio items with pictures that
 * decode. Checked on the demo scale for the demo's seed and two others, straight from the platform's store.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, inflateSync } from 'node:zlib';
import PNG from 'png-js';
import { afterAll, describe, expect, it } from 'vitest';
import type { Client, ForumTopic, Message, PortfolioItem, Project, Proposal, Story, Thread } from '../../../shared/platform/records';
import { forumTopics, languagePacks, skillsByCategory, stories, type Category, type ContentLanguage } from '../../platform/content';
import { drawPortfolioPicture, portfolioImageSize, portfolioPictureNames } from '../../platform/images';
import { seedPlatform } from '../../platform/seed';
import { PlatformStore } from '../../platform/store';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

type Seeded = {
  records: <T>(type: string) => T[];
  record: <T>(type: string, id: string) => T | undefined;
  upload: (hash: string) => { mime: string; bytes: Buffer } | undefined;
};

const seeded = (seed: number): Seeded => {
  const folder = mkdtempSync(path.join(tmpdir(), 'bottega-seed-'));
  folders.push(folder);
  const store = new PlatformStore(path.join(folder, 'platform.sqlite'));
  seedPlatform(store, { seed, scale: 'demo' });
  const records = <T>(type: string): T[] => {
    const rows: T[] = [];
    for (const change of store.readFeed('usr_demo', 0, Number.MAX_SAFE_INTEGER, 100_000)) {
      if (change.type === type && change.data !== null) rows.push(JSON.parse(change.data) as T);
    }
    return rows;
  };
  const record = <T>(type: string, id: string): T | undefined => {
    const stored = store.getRecord(type, id);
    return stored?.data ? (stored.data as T) : undefined;
  };
  return { records, record, upload: (hash) => store.getUpload(hash) };
};

const seeds = [7, 1, 42] as const;

describe.each(seeds)('the demo seed %i', (seed) => {
  const platform = seeded(seed);

  it("titles each thread in its client's language and writes its messages in it, at different moments after its project", () => {
    const clients = new Map(platform.records<Client>('client').map((client) => [client.id, client]));
    const threads = platform.records<Thread>('thread');
    const messages = platform.records<Message>('message');
    expect(threads.length).toBeGreaterThan(0);
    for (const thread of threads) {
      const client = clients.get(thread.client_id ?? '');
      expect(client, thread.id).toBeDefined();
      const language = client!.primary_language as ContentLanguage;
      const pack = languagePacks[language];
      if (thread.project_id === null) expect(pack.generalSubjects, thread.id).toContain(thread.subject);
      else {
        // Read from the store: a thread may be about a posting outside the demo user's feed.
        const project = platform.record<Project>('project', thread.project_id);
        expect(project?.language, `${thread.id}: ${thread.subject}`).toBe(language);
        expect(thread.subject).toBe(project?.title);
      }
      const own = messages.filter((candidate) => candidate.thread_id === thread.id);
      for (const message of own) {
        expect([...pack.clientLines, ...pack.freelancerLines], `${thread.id} ${message.id}`).toContain(message.body);
      }
      // A conversation takes time: its messages at different moments, none before its project was posted.
      if (own.length > 1) expect(new Set(own.map((message) => message.sent_at)).size, thread.id).toBe(own.length);
      const posted = thread.project_id === null ? undefined : platform.record<Project>('project', thread.project_id)?.posted_at;
      for (const message of own) if (posted) expect(Date.parse(message.sent_at), thread.id).toBeGreaterThan(Date.parse(posted));
    }
  });

  it('has the client of each answered proposal write in its project’s conversation after it was submitted', () => {
    const threads = platform.records<Thread>('thread');
    const messages = platform.records<Message>('message');
    const answered = platform.records<Proposal>('proposal').filter((proposal) => ['shortlisted', 'awarded', 'completed', 'declined'].includes(proposal.status));
    expect(answered.length).toBeGreaterThan(0);
    for (const proposal of answered) {
      const thread = threads.find((candidate) => candidate.project_id === proposal.project_id);
      expect(thread, proposal.id).toBeDefined();
      const replies = messages.filter((message) => message.thread_id === thread!.id && !message.from_me && Date.parse(message.sent_at) > Date.parse(proposal.submitted_at ?? ''));
      expect(replies.length, proposal.id).toBeGreaterThan(0);
    }
  });

  it("gives each project skills of its category, led by the technology or language pair its title names", () => {
    const named: readonly [RegExp, string][] = [
      [/wordpress/i, 'wordpress'],
      [/shopify/i, 'shopify'],
      [/laravel/i, 'laravel'],
      [/react native/i, 'react-native'],
      [/flutter/i, 'flutter'],
      [/kotlin/i, 'kotlin'],
      [/swift/i, 'swift'],
      [/logo/i, 'logo-design'],
      [/google ads/i, 'google-ads'],
    ];
    const pairSlugs = skillsByCategory.translation.filter((skill) => /^[a-z]{2}-[a-z]{2}-translation$/.test(skill));
    const projects = platform.records<Project>('project');
    expect(projects.length).toBeGreaterThan(20);
    for (const project of projects) {
      const label = `${project.id} ${project.category} "${project.title}" ${project.skills.join(',')}`;
      expect(project.skills.length, label).toBeGreaterThan(0);
      for (const skill of project.skills) expect(skillsByCategory[project.category as Category], label).toContain(skill);
      if (['web_development', 'mobile_apps', 'design', 'seo'].includes(project.category)) {
        for (const [pattern, skill] of named) if (pattern.test(project.title) && !(skill === 'swift' && /react native|flutter/i.test(project.title))) expect(project.skills, label).toContain(skill);
      }
      const pair = /\b([A-Z]{2})>([A-Z]{2})\b/.exec(project.title);
      if (project.category === 'translation' && pair) {
        const own = `${pair[1]!.toLowerCase()}-${pair[2]!.toLowerCase()}-translation`;
        // Never another pair's skill; its own where the platform has one.
        for (const skill of project.skills) if (pairSlugs.includes(skill)) expect(skill, label).toBe(own);
        if (pairSlugs.includes(own)) expect(project.skills, label).toContain(own);
      }
    }
  });

  it('has one story per community member, no story told twice, each in its author’s language', () => {
    const told = platform.records<Story>('story');
    expect(told.length).toBe(14);
    expect(new Set(told.map((story) => story.author_name)).size).toBe(told.length);
    expect(new Set(told.map((story) => story.title)).size).toBe(told.length);
    for (const story of told) {
      const templates = stories[story.language as ContentLanguage];
      expect(templates.map((template) => template.profession), story.title).toContain(story.profession);
    }
  });

  it('repeats no forum topic, each started in its own language', () => {
    const topics = platform.records<ForumTopic>('forum_topic');
    expect(topics.length).toBe(10);
    expect(new Set(topics.map((topic) => topic.title)).size).toBe(topics.length);
    for (const topic of topics) expect(forumTopics[topic.language as ContentLanguage].map((template) => template.title)).toContain(topic.title);
  });

  it('shows every portfolio item with a picture the platform serves as a PNG that decodes', async () => {
    const items = platform.records<PortfolioItem>('portfolio_item');
    expect(items.length).toBe(5);
    const hashes = new Set<string>();
    for (const item of items) {
      expect(item.image_ids.length, item.id).toBeGreaterThan(0);
      for (const hash of item.image_ids) {
        const upload = platform.upload(hash);
        expect(upload?.mime, item.id).toBe('image/png');
        const pixels = await decodePng(upload!.bytes);
        expect(pixels.width * pixels.height).toBe(portfolioImageSize.width * portfolioImageSize.height);
        // A picture, not a flat box: many colours.
        expect(pixels.colours).toBeGreaterThan(20);
        hashes.add(hash);
      }
    }
    expect(hashes.size).toBe(items.length);
  });
});

describe('the committed portfolio pictures', () => {
  it('are what tests/platform/images.ts draws (npm run platform:pictures writes them)', () => {
    portfolioPictureNames.forEach((name, index) => {
      expect(readFileSync(path.join(import.meta.dirname, '../../platform/pictures', name)).equals(drawPortfolioPicture(index)), name).toBe(true);
    });
  });
});

/** Decodes with png-js (pdfkit's decoder) after checking every chunk's CRC and the stream; counts distinct colours. */
const decodePng = async (bytes: Buffer): Promise<{ width: number; height: number; colours: number }> => {
  expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
  const data: Buffer[] = [];
  for (let at = 8; at < bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.subarray(at + 4, at + 8).toString('ascii');
    expect(crc32(bytes.subarray(at + 4, at + 8 + length)), type).toBe(bytes.readUInt32BE(at + 8 + length));
    if (type === 'IDAT') data.push(bytes.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  expect(inflateSync(Buffer.concat(data)).length).toBeGreaterThan(0);
  const png = new PNG(bytes);
  const pixels = await new Promise<Uint8Array>((resolve) => png.decode(resolve));
  const colours = new Set<number>();
  for (let at = 0; at < pixels.length; at += 4) colours.add(((pixels[at] as number) << 16) | ((pixels[at + 1] as number) << 8) | (pixels[at + 2] as number));
  expect(pixels.length).toBe(png.width * png.height * 4);
  return { width: png.width, height: png.height, colours: colours.size };
};
