import type {
  CommunityEventView,
  ForumPostView,
  ProfessionMap,
  StoryDetail,
  StoryFacets,
  StoryFilter,
  StorySector,
  StorySummary,
  TopicSummary,
} from '../../../../shared/contract/community';
import { prepare, type ReadableDB, type WritableDB } from '../database';

/**
 * What the user typed, as an FTS5 query that cannot fail to parse: every word quoted (so `"`, `-`, `OR`
 * are just text) and matched as a prefix; all words must match. Null when nothing searchable is left.
 */
export const toMatchQuery = (text: string): string | null => {
  const words = text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words
    .slice(0, 12)
    .map((word) => `"${word}"*`)
    .join(' ');
};

/** The signed-in user as the platform knows them (their profile), or null before the first sync. */
export const readMe = (db: ReadableDB): { id: string | null; name: string } => {
  const row = prepare(db, 'SELECT user_id AS id, name FROM profile WHERE id = 1').get() as { id: string | null; name: string } | undefined;
  return row ?? { id: null, name: '' };
};

// ---- stories

type StoryRow = {
  id: string;
  title: string;
  author_name: string;
  profession: string;
  sector: StorySector | null;
  author_country: string | null;
  region: string | null;
  language: string;
  excerpt: string;
  tools: string;
  likes: number;
  published_at: string;
  saved: number;
};

const storyColumns = `s.id, s.title, s.author_name, s.profession, s.sector, s.author_country, s.region, s.language,
  substr(s.body, 1, 240) AS excerpt, s.tools, s.likes, s.published_at,
  EXISTS (SELECT 1 FROM saved_stories v WHERE v.story_id = s.id) AS saved`;

const toStorySummary = (row: StoryRow): StorySummary => ({
  id: row.id,
  title: row.title,
  authorName: row.author_name,
  profession: row.profession,
  sector: row.sector,
  country: row.author_country,
  region: row.region,
  language: row.language,
  excerpt: row.excerpt,
  tools: JSON.parse(row.tools) as string[],
  likes: row.likes,
  publishedAt: row.published_at,
  saved: row.saved === 1,
});

/** One WHERE for the stories list, its count and its facets; values go in as named parameters. */
const storyWhere = (filter: Partial<StoryFilter>): { sql: string; params: Record<string, string> } => {
  const clauses: string[] = [];
  const params: Record<string, string> = {};
  const match = filter.text ? toMatchQuery(filter.text) : null;
  if (match) {
    clauses.push('s.pk IN (SELECT rowid FROM stories_fts WHERE stories_fts MATCH @match)');
    params.match = match;
  }
  for (const [key, column] of [
    ['profession', 's.profession'],
    ['sector', 's.sector'],
    ['country', 's.author_country'],
    ['language', 's.language'],
  ] as const) {
    const value = filter[key];
    if (value) {
      clauses.push(`${column} = @${key}`);
      params[key] = value;
    }
  }
  if (filter.savedOnly) clauses.push('EXISTS (SELECT 1 FROM saved_stories v WHERE v.story_id = s.id)');
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
};

export const listStories = (
  db: ReadableDB,
  filter: StoryFilter,
  page: { offset: number; limit: number },
): { total: number; items: StorySummary[] } => {
  const where = storyWhere(filter);
  const total = (prepare(db, `SELECT count(*) AS n FROM stories s ${where.sql}`).get(where.params) as { n: number }).n;
  const rows = prepare(
    db,
    `SELECT ${storyColumns} FROM stories s ${where.sql} ORDER BY s.published_at DESC, s.pk DESC LIMIT @limit OFFSET @offset`,
  ).all({ ...where.params, limit: page.limit, offset: page.offset }) as StoryRow[];
  return { total, items: rows.map(toStorySummary) };
};

export const getStory = (db: ReadableDB, id: string): StoryDetail | null => {
  const row = prepare(db, `SELECT ${storyColumns}, s.body, s.tags FROM stories s WHERE s.id = ?`).get(id) as
    | (StoryRow & { body: string; tags: string })
    | undefined;
  if (!row) return null;
  return { ...toStorySummary(row), body: row.body, tags: JSON.parse(row.tags) as string[] };
};

export const setStorySaved = (db: WritableDB, id: string, saved: boolean, now: Date): void => {
  if (saved) prepare(db, 'INSERT INTO saved_stories (story_id, saved_at) VALUES (?, ?) ON CONFLICT DO NOTHING').run(id, now.toISOString());
  else prepare(db, 'DELETE FROM saved_stories WHERE story_id = ?').run(id);
};

export const storyExists = (db: ReadableDB, id: string): boolean => prepare(db, 'SELECT 1 FROM stories WHERE id = ?').get(id) !== undefined;

export const getStoryFacets = (db: ReadableDB, language: string | null): StoryFacets => {
  const where = storyWhere({ language });
  const group = <T>(select: string, groupBy: string): T[] =>
    prepare(db, `SELECT ${select}, count(*) AS count FROM stories s ${where.sql} GROUP BY ${groupBy} ORDER BY count DESC, ${groupBy}`).all(
      where.params,
    ) as T[];
  return {
    professions: group('s.profession AS profession, s.sector AS sector', 's.profession, s.sector'),
    sectors: (group<{ sector: StorySector | null; count: number }>('s.sector AS sector', 's.sector')).flatMap((row) =>
      row.sector ? [{ sector: row.sector, count: row.count }] : [],
    ),
    countries: group('s.author_country AS country', 's.author_country'),
    // Which languages exist at all: not narrowed by the language chosen.
    languages: prepare(db, 'SELECT language, count(*) AS count FROM stories GROUP BY language ORDER BY count DESC, language').all() as {
      language: string;
      count: number;
    }[],
  };
};

export const getProfessionMap = (
  db: ReadableDB,
  filter: { profession: string | null; sector: StorySector | null; language: string | null },
): ProfessionMap => {
  const where = storyWhere(filter);
  const countries = prepare(
    db,
    `SELECT s.author_country AS country, count(*) AS count FROM stories s ${where.sql}
     GROUP BY s.author_country ORDER BY count DESC, country`,
  ).all(where.params) as { country: string; count: number }[];
  const chartWhere = storyWhere({ language: filter.language });
  const rows = prepare(
    db,
    `SELECT s.sector AS sector, s.profession AS profession, count(*) AS count FROM stories s ${chartWhere.sql}
     GROUP BY s.sector, s.profession ORDER BY s.sector NULLS LAST, count DESC, s.profession`,
  ).all(chartWhere.params) as { sector: StorySector | null; profession: string; count: number }[];
  const sectors: ProfessionMap['sectors'] = [];
  for (const row of rows) {
    const last = sectors.at(-1);
    const entry = last && last.sector === row.sector ? last : { sector: row.sector, professions: [] };
    if (entry !== last) sectors.push(entry);
    entry.professions.push({ profession: row.profession, count: row.count });
  }
  return { countries, sectors };
};

// ---- forum

type TopicRow = {
  id: string;
  title: string;
  category: TopicSummary['category'];
  language: string;
  author_name: string;
  post_count: number;
  unread_count: number;
  pinned: number;
  locked: number;
  last_post_at: string | null;
};

// Unread: posts after the topic's read mark that the user did not write; a pending reply is the user's own.
const topicSelect = `
  SELECT t.id, t.title, t.category, t.language, t.author_name, t.pinned, t.locked,
    (SELECT count(*) FROM forum_posts p WHERE p.topic_id = t.id) AS post_count,
    (SELECT count(*) FROM forum_posts p WHERE p.topic_id = t.id AND p.state = 'synced'
       AND p.created_at > COALESCE(r.read_at, '') AND (@me IS NULL OR p.author_id IS NOT @me)) AS unread_count,
    max(COALESCE(t.last_post_at, ''), COALESCE((SELECT max(p.created_at) FROM forum_posts p WHERE p.topic_id = t.id), '')) AS last_post_at
  FROM forum_topics t LEFT JOIN forum_topic_reads r ON r.topic_id = t.id`;

const toTopic = (row: TopicRow): TopicSummary => ({
  id: row.id,
  title: row.title,
  category: row.category,
  language: row.language,
  authorName: row.author_name,
  postCount: row.post_count,
  unreadCount: row.unread_count,
  pinned: row.pinned === 1,
  locked: row.locked === 1,
  lastPostAt: row.last_post_at || null,
});

export const listTopics = (
  db: ReadableDB,
  query: {
    text: string;
    language: string | null;
    category: TopicSummary['category'] | null;
    unreadOnly: boolean;
    offset: number;
    limit: number;
  },
): { total: number; unreadTopics: number; items: TopicSummary[] } => {
  const clauses: string[] = [];
  const params: Record<string, string | number | null> = { me: readMe(db).id };
  const match = toMatchQuery(query.text);
  if (match) {
    clauses.push(`(t.id IN (SELECT topic_id FROM forum_topics_fts WHERE forum_topics_fts MATCH @match)
      OR t.id IN (SELECT p.topic_id FROM forum_posts p WHERE p.pk IN (SELECT rowid FROM forum_posts_fts WHERE forum_posts_fts MATCH @match)))`);
    params.match = match;
  }
  if (query.language) {
    clauses.push('t.language = @language');
    params.language = query.language;
  }
  if (query.category) {
    clauses.push('t.category = @category');
    params.category = query.category;
  }
  const filtered = `WITH topics AS (${topicSelect} ${clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : ''})`;
  const unreadOnly = query.unreadOnly ? 'WHERE unread_count > 0' : '';
  const counts = prepare(
    db,
    `${filtered} SELECT count(*) AS total, count(*) FILTER (WHERE unread_count > 0) AS unread FROM topics ${unreadOnly}`,
  ).get(params) as { total: number; unread: number };
  const rows = prepare(
    db,
    `${filtered} SELECT * FROM topics ${unreadOnly} ORDER BY pinned DESC, last_post_at DESC, id LIMIT @limit OFFSET @offset`,
  ).all({ ...params, limit: query.limit, offset: query.offset }) as TopicRow[];
  return { total: counts.total, unreadTopics: counts.unread, items: rows.map(toTopic) };
};

export const getTopic = (db: ReadableDB, id: string): { topic: TopicSummary; posts: ForumPostView[] } | null => {
  const me = readMe(db).id;
  const topic = prepare(db, `${topicSelect} WHERE t.id = @id`).get({ id, me }) as TopicRow | undefined;
  if (!topic) return null;
  const posts = prepare(
    db,
    `SELECT p.id, p.author_name, p.body, p.reply_to, p.created_at, p.state,
       (@me IS NOT NULL AND p.author_id IS @me) AS mine,
       (p.state = 'synced' AND p.created_at > COALESCE(r.read_at, '') AND (@me IS NULL OR p.author_id IS NOT @me)) AS unread
     FROM forum_posts p LEFT JOIN forum_topic_reads r ON r.topic_id = p.topic_id
     WHERE p.topic_id = @id ORDER BY p.created_at, p.pk LIMIT 2000`,
  ).all({ id, me }) as {
    id: string;
    author_name: string;
    body: string;
    reply_to: string | null;
    created_at: string;
    state: ForumPostView['state'];
    mine: number;
    unread: number;
  }[];
  return {
    topic: toTopic(topic),
    posts: posts.map((row) => ({
      id: row.id,
      authorName: row.author_name,
      mine: row.mine === 1,
      body: row.body,
      replyTo: row.reply_to,
      createdAt: row.created_at,
      state: row.state,
      unread: row.unread === 1,
    })),
  };
};

export const readTopicState = (db: ReadableDB, id: string): { locked: boolean } | null => {
  const row = prepare(db, 'SELECT locked FROM forum_topics WHERE id = ?').get(id) as { locked: number } | undefined;
  return row ? { locked: row.locked === 1 } : null;
};

/** The read mark moves to the newest post the workspace holds (platform time, not this machine's clock). */
export const markTopicRead = (db: WritableDB, id: string): void => {
  prepare(
    db,
    `INSERT INTO forum_topic_reads (topic_id, read_at)
       SELECT t.id, max(COALESCE(t.last_post_at, ''), COALESCE((SELECT max(created_at) FROM forum_posts WHERE topic_id = t.id AND state = 'synced'), ''))
       FROM forum_topics t WHERE t.id = ?
     ON CONFLICT (topic_id) DO UPDATE SET read_at = max(read_at, excluded.read_at)`,
  ).run(id);
};

/** The user's reply, shown at once as pending (version 0, its topic's account's); the platform confirms it under the same id. */
export const insertPendingPost = (
  db: WritableDB,
  post: { id: string; topicId: string; body: string; replyTo: string | null; authorId: string | null; authorName: string; createdAt: Date },
): void => {
  const createdAt = post.createdAt.toISOString();
  prepare(
    db,
    `INSERT INTO forum_posts (id, version, topic_id, author_id, author_name, body, reply_to, created_at, state, raw, fetched_at, account_id)
     VALUES (?, 0, ?, ?, ?, ?, ?, ?, 'pending', '{}', ?, (SELECT account_id FROM forum_topics WHERE id = ?))`,
  ).run(post.id, post.topicId, post.authorId, post.authorName, post.body, post.replyTo, createdAt, createdAt, post.topicId);
};

export const markForumPostFailed = (db: WritableDB, id: string): void => {
  prepare(db, "UPDATE forum_posts SET state = 'failed' WHERE id = ? AND state = 'pending'").run(id);
};

export const postInTopic = (db: ReadableDB, postId: string, topicId: string): boolean =>
  prepare(db, 'SELECT 1 FROM forum_posts WHERE id = ? AND topic_id = ?').get(postId, topicId) !== undefined;

// ---- events

type EventRow = {
  id: string;
  title: string;
  description: string;
  language: string;
  format: CommunityEventView['format'];
  starts_at: string;
  ends_at: string;
  time_zone: string;
  venue: string | null;
  city: string | null;
  country: string | null;
  online_url: string | null;
  organizer_name: string;
  cancelled: number;
  version: number;
};

const toEvent = (row: EventRow): CommunityEventView => ({
  id: row.id,
  title: row.title,
  description: row.description,
  language: row.language,
  format: row.format,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  timeZone: row.time_zone,
  venue: row.venue,
  city: row.city,
  country: row.country,
  onlineUrl: row.online_url,
  organizerName: row.organizer_name,
  cancelled: row.cancelled === 1,
});

const eventColumns = `id, version, title, description, language, format, starts_at, ends_at, time_zone, venue, city, country,
  online_url, organizer_name, cancelled`;

export const listEvents = (db: ReadableDB, query: { language: string | null; includePast: boolean; now: Date }): CommunityEventView[] =>
  (
    prepare(
      db,
      `SELECT ${eventColumns} FROM events
       WHERE (@includePast = 1 OR ends_at >= @now) AND (@language IS NULL OR language = @language)
       ORDER BY starts_at, pk LIMIT 500`,
    ).all({ includePast: query.includePast ? 1 : 0, now: query.now.toISOString(), language: query.language }) as EventRow[]
  ).map(toEvent);

export const getEvent = (db: ReadableDB, id: string): (CommunityEventView & { version: number }) | null => {
  const row = prepare(db, `SELECT ${eventColumns} FROM events WHERE id = ?`).get(id) as EventRow | undefined;
  return row ? { ...toEvent(row), version: row.version } : null;
};
