/**
 * Contract tests for the community records: stories carry sector, region and tools; events travel in the change
 * feed like every other record, are everyone's, and disappear with a tombstone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseChange } from '../../../shared/platform/changes';
import { communityEventSchema, storySchema, type CommunityEvent, type Story } from '../../../shared/platform/records';
import type { PlatformServer } from '../../platform/server';
import { bootPlatform, pullAll, signIn, simulate } from './helpers';

let server: PlatformServer;

beforeAll(async () => {
  server = await bootPlatform();
});

afterAll(async () => {
  await server?.close();
});

describe('community records', () => {
  it('seeds stories with sector, region and tools, and events of every format', async () => {
    const { access_token } = await signIn(server);
    const { changes } = await pullAll(server, access_token);
    const stories = changes.flatMap((change) => (change.type === 'story' && change.op === 'upsert' ? [change.data as Story] : []));
    expect(stories.length).toBeGreaterThan(5);
    for (const story of stories) {
      expect(story.sector).not.toBeNull();
      expect(story.tools.length).toBeGreaterThan(0);
    }
    expect(stories.some((story) => story.region !== null)).toBe(true);
    const events = changes.flatMap((change) => (change.type === 'event' && change.op === 'upsert' ? [change.data as CommunityEvent] : []));
    expect(events.length).toBe(server.seed?.counts.events);
    for (const event of events) {
      expect(Date.parse(event.ends_at)).toBeGreaterThan(Date.parse(event.starts_at));
      if (event.format !== 'in_person') expect(event.online_url).toMatch(/^https:\/\//);
      if (event.format !== 'online') expect(event.city).not.toBeNull();
      expect(() => new Intl.DateTimeFormat('en', { timeZone: event.time_zone })).not.toThrow();
    }
  });

  it('shows events to every user, and a deleted event becomes a tombstone in both feeds', async () => {
    const demo = await signIn(server);
    const second = await signIn(server, 'second@bottega.test', 'bottega-second');
    const demoFeed = await pullAll(server, demo.access_token);
    const secondFeed = await pullAll(server, second.access_token);
    const eventIds = (feed: typeof demoFeed) => feed.changes.filter((change) => change.type === 'event').map((change) => change.id).sort();
    expect(eventIds(secondFeed)).toEqual(eventIds(demoFeed));

    const victim = eventIds(demoFeed)[0] as string;
    expect((await simulate(server, 'DELETE', `/v1/simulation/records/event/${victim}`)).status).toBe(200);
    for (const [token, feed] of [[demo.access_token, demoFeed], [second.access_token, secondFeed]] as const) {
      const { changes } = await pullAll(server, token, { cursor: feed.cursor });
      expect(changes).toEqual([expect.objectContaining({ type: 'event', id: victim, op: 'delete', data: null })]);
    }
  });

  it('accepts a story from before sector, region and tools existed, and refuses inconsistent events', () => {
    const legacy = {
      id: 'sty_legacy',
      version: 1,
      author_name: 'Ada',
      author_country: 'IT',
      profession: 'Traduttrice',
      language: 'it',
      title: 'Titolo',
      body: 'Testo',
      tags: [],
      likes: 0,
      published_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-01T00:00:00.000Z',
    };
    expect(storySchema.parse(legacy)).toMatchObject({ sector: null, region: null, tools: [] });

    const event: CommunityEvent = {
      id: 'evt_x',
      version: 1,
      title: 'Meetup',
      description: '',
      language: 'en',
      format: 'hybrid',
      starts_at: '2026-12-01T18:00:00.000Z',
      ends_at: '2026-12-01T20:00:00.000Z',
      time_zone: 'Europe/Rome',
      venue: null,
      city: 'Bologna',
      country: 'IT',
      online_url: 'https://meet.example/x',
      organizer_name: 'Ada',
      cancelled: false,
      created_at: '2026-11-01T00:00:00.000Z',
      updated_at: '2026-11-01T00:00:00.000Z',
    };
    expect(communityEventSchema.safeParse(event).success).toBe(true);
    expect(communityEventSchema.safeParse({ ...event, ends_at: '2026-12-01T17:00:00.000Z' }).success).toBe(false);
    expect(communityEventSchema.safeParse({ ...event, online_url: null }).success).toBe(false);
    expect(communityEventSchema.safeParse({ ...event, format: 'in_person', city: null }).success).toBe(false);
    expect(communityEventSchema.safeParse({ ...event, online_url: 'javascript:alert(1)' }).success).toBe(false);
    const parsed = parseChange({ type: 'event', op: 'upsert', id: event.id, version: 1, data: { ...event, online_url: null } });
    expect(parsed.ok).toBe(false);
  });
});
