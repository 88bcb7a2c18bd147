/**
 * The community through the core, against the reference platform over real HTTP: stories searched and filtered
 * offline, the professions map, forum unread tracking, a reply written offline that reaches the platform exactly
 * once though answers get lost, and events exported to .ics.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { readServerFeed } from '../../support/platform-view';
import { useCoreHarness, waitForStatus } from '../../support/core-harness';

const { makeTempDir, openSignedIn, startPlatform } = useCoreHarness();

describe('community', () => {
  it('finds stories offline by words, profession, sector, country and language, and keeps saved ones', async () => {
    const platform = await startPlatform();
    const { client } = await openSignedIn(platform);
    await platform.close();

    const all = await client.community.listStories({});
    expect(all.total).toBe(14);
    const story = all.items[0]!;
    expect(story.excerpt.length).toBeGreaterThan(0);

    // Words from the body, typed without accents, find the story.
    const detail = await client.community.getStory({ id: story.id });
    const word = detail.body.split(/\s+/).find((w) => w.length > 6)!.replace(/[^\p{L}]/gu, '');
    const found = await client.community.listStories({ filter: { text: word.normalize('NFD').replace(/\p{M}/gu, '') } });
    expect(found.items.map((item) => item.id)).toContain(story.id);

    for (const filter of [{ profession: story.profession }, { sector: story.sector }, { country: story.country }, { language: story.language }]) {
      const result = await client.community.listStories({ filter });
      expect(result.items.map((item) => item.id)).toContain(story.id);
      const [key, value] = Object.entries(filter)[0]!;
      const field = { profession: 'profession', sector: 'sector', country: 'country', language: 'language' }[key] as 'profession';
      expect(result.items.every((item) => item[field] === value)).toBe(true);
    }
    expect((await client.community.listStories({ filter: { text: '"unbalanced OR -' } })).total).toBe(0);

    await client.community.setStorySaved({ id: story.id, saved: true });
    const saved = await client.community.listStories({ filter: { savedOnly: true } });
    expect(saved.items.map((item) => ({ id: item.id, saved: item.saved }))).toEqual([{ id: story.id, saved: true }]);
    await client.community.setStorySaved({ id: story.id, saved: false });
    expect((await client.community.listStories({ filter: { savedOnly: true } })).total).toBe(0);
    await expect(client.community.setStorySaved({ id: 'sty_nope', saved: true })).rejects.toMatchObject({ code: 'not_found' });

    const facets = await client.community.getStoryFacets({ language: null });
    expect(facets.professions.reduce((sum, p) => sum + p.count, 0)).toBe(14);
    expect(facets.languages.map((l) => l.language).sort()).toEqual([...new Set(all.items.map((item) => item.language))].sort());

    const map = await client.community.getProfessionMap({ profession: story.profession });
    expect(map.countries.reduce((sum, c) => sum + c.count, 0)).toBe(all.items.filter((item) => item.profession === story.profession).length);
    const chartTotal = map.sectors.flatMap((s) => s.professions).reduce((sum, p) => sum + p.count, 0);
    expect(chartTotal).toBe(14);
  });

  it('posts a reply written offline exactly once when back online, though answers get lost, and tracks unread posts', async () => {
    const platformDir = makeTempDir();
    let platform = await startPlatform({ dataDir: platformDir });
    const { client, core } = await openSignedIn(platform);
    const { port, users } = platform;
    const topics = await client.community.listTopics({});
    const topic = topics.items.find((item) => !item.locked)!;
    expect(topics.unreadTopics).toBe(topics.total);

    // Opening a topic reads it; a new post from someone else makes it unread again.
    const opened = await client.community.getTopic({ id: topic.id });
    expect(opened.posts.length).toBe(topic.postCount);
    expect(await client.community.markTopicRead({ id: topic.id })).toEqual({ unreadCount: 0 });
    expect((await client.community.listTopics({ unreadOnly: true })).items.map((t) => t.id)).not.toContain(topic.id);

    await platform.close();
    const body = 'Anch’io chiedo un acconto del 30 %, scritto offline — grazie!';
    const reply = await client.community.replyToTopic({ topicId: topic.id, body, replyTo: opened.posts[0]!.id });
    expect(reply.state).toBe('pending');
    const pending = await client.community.getTopic({ id: topic.id });
    expect(pending.posts.at(-1)).toMatchObject({ id: reply.id, body, state: 'pending', mine: true, unread: false });
    expect((await client.community.listTopics({ text: 'acconto offline' })).items.map((t) => t.id)).toContain(topic.id);
    expect((await client.sync.getStatus()).pending).toBe(1);
    await expect(client.community.replyToTopic({ topicId: 'ftp_nope', body: 'x' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(client.community.replyToTopic({ topicId: topic.id, body: '   ' })).rejects.toMatchObject({ code: 'invalid_input' });

    // Back, but flaky: the post may be applied and its answer cut off; the retry must not post it twice.
    platform = await startPlatform({ port, dataDir: platformDir, faults: 'truncate=0.5,drop=0.1', seed: 3 });
    client.sync.syncNow();
    await waitForStatus(client, (s) => s.pending === 0 && s.phase === 'idle');

    const server = await readServerFeed(platform.url, users.demo);
    const onServer = [...server.get('forum_post')!.values()].filter((record) => (record.data as { body: string }).body === body);
    expect(onServer).toHaveLength(1);
    expect(onServer[0]!.data).toMatchObject({ id: reply.id, topic_id: topic.id, author_id: users.demo.id, reply_to: opened.posts[0]!.id });
    const synced = await client.community.getTopic({ id: topic.id });
    expect(synced.posts.filter((post) => post.body === body)).toEqual([expect.objectContaining({ id: reply.id, state: 'synced', mine: true, unread: false })]);
    expect(synced.topic.unreadCount).toBe(0);
    expect(core.db.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });

    // Someone else answers: the topic is unread again, by exactly that post.
    const later = new Date(Date.parse(synced.posts.at(-1)!.createdAt) + 60_000).toISOString();
    const injected = await fetch(`${platform.url}/v1/simulation/inject`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'forum_post',
        id: 'fps_otherreply',
        version: 1,
        data: { id: 'fps_otherreply', version: 1, topic_id: topic.id, author_id: 'usr_m00001', author_name: 'Giulia Rossi', body: 'Concordo!', reply_to: reply.id, created_at: later, updated_at: later },
      }),
    });
    expect(injected.status).toBe(201);
    const before = (await client.sync.getStatus()).lastSyncAt;
    client.sync.syncNow();
    await waitForStatus(client, (s) => s.phase === 'idle' && s.lastSyncAt !== before);
    const unread = await client.community.getTopic({ id: topic.id });
    expect(unread.topic.unreadCount).toBe(1);
    expect(unread.posts.filter((post) => post.unread).map((post) => post.id)).toEqual(['fps_otherreply']);
  });

  it('lists upcoming events by language and exports one as an .ics that parses back', async () => {
    const { client } = await openSignedIn(await startPlatform());
    const all = await client.community.listEvents({ includePast: true });
    expect(all.length).toBe(6);
    const upcoming = await client.community.listEvents({});
    expect(upcoming.every((event) => Date.parse(event.endsAt) >= Date.now())).toBe(true);
    const language = all[0]!.language;
    expect((await client.community.listEvents({ language, includePast: true })).every((event) => event.language === language)).toBe(true);

    const event = all.find((candidate) => candidate.format !== 'online') ?? all[0]!;
    const { fileName, content } = await client.community.exportEventIcs({ id: event.id });
    expect(fileName).toMatch(/^[\p{L}\p{N}-]+\.ics$/u);
    const vevent = new ICAL.Component(ICAL.parse(content)).getFirstSubcomponent('vevent')!;
    const parsed = new ICAL.Event(vevent);
    expect(parsed.summary).toBe(event.title);
    expect(parsed.uid).toBe(`${event.id}@community.bottega`);
    expect(parsed.startDate.toJSDate().toISOString()).toBe(event.startsAt);
    expect(parsed.endDate.toJSDate().toISOString()).toBe(event.endsAt);
    if (event.city) expect(parsed.location).toContain(event.city);
    await expect(client.community.exportEventIcs({ id: 'evt_nope' })).rejects.toMatchObject({ code: 'not_found' });
  });
});
