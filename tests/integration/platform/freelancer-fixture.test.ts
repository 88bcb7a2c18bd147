/**
 * The Freelancer.com fixture (tests/platform/freelancer) over real loopback HTTP. Answers are checked against
 * small schemas written from the official SDK (freelancer/freelancer-sdk-python: resources/{projects,messages,users} and tests/)
 * — the same sources tests/platform/freelancer/README.md names for each shape — so that a connector built against
 * the fixture is built against the documented API.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type FreelancerFixture, type FreelancerFixtureOptions, startFreelancerFixture } from '../../platform/freelancer/server';

// ---- schemas from the SDK -------------------------------------------------------------------------------------

const requestId = z.string().regex(/^[0-9a-f]{32}$/);
/** tests/test_projects.py (FakeGetTrackGetResponse, FakePostTrackPostResponse): status, result, request_id. */
const success = <T extends z.ZodType>(result: T) => z.object({ status: z.literal('success'), result, request_id: requestId }).strict();
/** Every SDK resource raises with json_data['message'], ['error_code'], ['request_id'] (PR #43, #44, #46). */
const errorEnvelope = z.object({ status: z.literal('error'), message: z.string().min(1), error_code: z.string().min(1), request_id: requestId }).strict();
/** tests/test_projects.py: FakeAwardBidPutResponse & co. answer just the status. */
const actionEnvelope = z.object({ status: z.literal('success'), request_id: requestId }).strict();

/** resources/projects/helpers.py create_currency_object. */
const currency = z.object({ id: z.number().int(), code: z.string().length(3), sign: z.string(), name: z.string(), exchange_rate: z.number().positive() }).loose();
/** create_job_object; tests/test_projects.py FakeGetJobsGetResponse. */
const job = z.object({ id: z.number().int(), name: z.string().min(1), seo_url: z.string().min(1) }).loose();
/** create_budget_object, create_hourly_project_info_object, ProjectType; search results in tests/test_projects.py. */
const project = z
  .object({
    id: z.number().int(),
    owner_id: z.number().int(),
    title: z.string().min(1),
    seo_url: z.string().min(1),
    currency,
    description: z.string().nullable(),
    preview_description: z.string(),
    type: z.enum(['fixed', 'hourly']),
    budget: z.object({ minimum: z.number().positive(), maximum: z.number().positive().nullable() }),
    hourly_project_info: z.object({ commitment: z.object({ hours: z.number(), interval: z.string() }) }).loose().nullable(),
    bid_stats: z.object({ bid_count: z.number().int().min(0), bid_avg: z.number().min(0) }),
    time_submitted: z.number().int(),
    time_updated: z.number().int(),
    language: z.string().min(2),
    status: z.string(),
    jobs: z.array(job).nullable(),
  })
  .loose();
/** create_get_projects_user_details_object projections; user maps keyed by id (FakeGetProjectsGetResponse). */
const user = z
  .object({
    id: z.number().int(),
    username: z.string().min(1),
    location: z.object({ country: z.object({ name: z.string(), code: z.string() }).loose(), city: z.string().nullable() }).nullable().optional(),
  })
  .loose();
/** An empty users map comes as [] (FakeSearchProjectsGetResponse: 'users': []). */
const users = z.union([z.record(z.string().regex(/^\d+$/), user), z.array(z.never()).length(0)]);
const projectsResult = z.object({ projects: z.array(project), users, total_count: z.number().int().min(0) }).loose();
/** FakePlaceBidPostResponse (+ award_status, as bid lists are read by clients). */
const bid = z
  .object({
    id: z.number().int(),
    bidder_id: z.number().int(),
    project_id: z.number().int(),
    project_owner_id: z.number().int(),
    retracted: z.boolean(),
    amount: z.number().positive(),
    period: z.number().int(),
    milestone_percentage: z.number(),
    description: z.string(),
    submitdate: z.number().int(),
    time_submitted: z.number().int(),
    award_status: z.string().nullable(),
  })
  .loose();
const bidsResult = z.object({ bids: z.array(bid), users: z.unknown(), projects: z.unknown(), total_count: z.number().int() }).loose();
/** tests/test_messages.py FakePostMessagePostResponse / FakeGetMessagesGetResponse. */
const message = z
  .object({ id: z.number().int(), thread_id: z.number().int(), from_user: z.number().int(), message: z.string(), time_created: z.number().int(), attachments: z.array(z.unknown()), message_source: z.string() })
  .loose();
const messagesResult = z.object({ messages: z.array(message), unfiltered_count: z.number().int().min(0) }).loose();
/** tests/test_messages.py FakeGetThreadsGetResponse. */
const thread = z
  .object({
    time_updated: z.number().int(),
    is_read: z.boolean(),
    is_muted: z.boolean(),
    thread: z
      .object({
        id: z.number().int(),
        thread_type: z.string(),
        time_created: z.number().int(),
        members: z.array(z.number().int()).min(2),
        owner: z.number().int(),
        context: z.object({ type: z.literal('project'), id: z.number().int() }),
      })
      .loose(),
  })
  .loose();
const threadsResult = z.object({ threads: z.array(thread) }).loose();
/** tests/test_users.py FakeGetSelfGetResponse + create_get_users_details_object projections. */
const self = z.object({ id: z.number().int(), username: z.string(), primary_language: z.string(), jobs: z.array(job).nullable() }).loose();

// ---- helpers ----------------------------------------------------------------------------------------------

type Answer = { status: number; headers: Headers; text: string; json: unknown };

const fixtures: FreelancerFixture[] = [];

const boot = async (options: FreelancerFixtureOptions = {}): Promise<FreelancerFixture> => {
  const fixture = await startFreelancerFixture({ seed: 5, scale: 'demo', ...options });
  fixtures.push(fixture);
  return fixture;
};

afterEach(async () => {
  await Promise.all(fixtures.splice(0).map((fixture) => fixture.close()));
});

const api = async (
  fixture: FreelancerFixture,
  method: string,
  path: string,
  options: { token?: string | null; form?: Record<string, string>; json?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> => {
  const headers: Record<string, string> = { ...options.headers };
  const token = options.token === undefined ? fixture.token : options.token;
  if (token !== null) headers['freelancer-oauth-v1'] = token;
  let body: string | undefined;
  if (options.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(options.form).toString();
  } else if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  const response = await fetch(`${fixture.url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
};

const ok = async <T extends z.ZodType>(fixture: FreelancerFixture, path: string, result: T): Promise<z.output<T>> => {
  const answer = await api(fixture, 'GET', path);
  expect(answer.status, answer.text.slice(0, 300)).toBe(200);
  // The envelope first, then what it carries (a generic schema's output does not type-check through .object()).
  const envelope = success(z.unknown()).parse(answer.json);
  return result.parse(envelope.result);
};

const simulate = async (fixture: FreelancerFixture, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> => {
  const response = await fetch(`${fixture.url}/__fixture/${path}`, {
    method,
    ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as unknown };
};

const writes = async (fixture: FreelancerFixture): Promise<{ kind: string; id: number; message?: string }[]> =>
  ((await simulate(fixture, 'GET', 'writes')).json as { writes: { kind: string; id: number; message?: string }[] }).writes;

const fixtureNow = async (fixture: FreelancerFixture): Promise<number> => ((await simulate(fixture, 'GET', 'state')).json as { now: number }).now;

// ---- tests ------------------------------------------------------------------------------------------------

describe('Freelancer fixture: envelopes and shapes', () => {
  it('answers the signed-in user, projects with owners, bids, threads and messages in the SDK shapes', async () => {
    const fixture = await boot();
    const me = await ok(fixture, '/api/users/0.1/self/?jobs=true&country_details=true', self);
    expect(me.id).toBe(fixture.selfId);
    expect(me.jobs?.length).toBeGreaterThan(3);

    const page = await ok(fixture, '/api/projects/0.1/projects/active/?limit=20&full_description=true&job_details=true&user_details=true&user_country_details=true', projectsResult);
    expect(page.projects).toHaveLength(20);
    for (const item of page.projects) {
      expect(item.description).not.toBeNull();
      expect(item.jobs?.length).toBeGreaterThan(0);
      // Every owner is in the users map, keyed by its id as a string, with a country.
      const owner = (page.users as Record<string, z.output<typeof user>>)[String(item.owner_id)];
      expect(owner?.id).toBe(item.owner_id);
      expect(owner?.location?.country.name).toMatch(/\w/);
    }
    // Content in the five languages of the seeded owners.
    const all = await ok(fixture, '/api/projects/0.1/projects/active/?limit=100', projectsResult);
    expect([...new Set(all.projects.map((item) => item.language))]).toEqual(expect.arrayContaining(['it', 'en', 'de', 'fr', 'es']));

    const bids = await ok(fixture, `/api/projects/0.1/bids/?bidders[]=${fixture.selfId}&limit=100`, bidsResult);
    expect(bids.bids.length).toBeGreaterThan(0);
    expect(new Set(bids.bids.map((item) => item.award_status))).toEqual(new Set([null, 'awarded', 'rejected']));

    const threads = await ok(fixture, '/api/messages/0.1/threads/?limit=100&last_message=true', threadsResult);
    expect(threads.threads).toHaveLength(40);
    for (const item of threads.threads) expect(item.thread.members).toContain(fixture.selfId);

    const messages = await ok(fixture, `/api/messages/0.1/messages/?threads[]=${threads.threads[0]?.thread.id}&limit=100`, messagesResult);
    expect(messages.messages.length).toBe(messages.unfiltered_count);
    expect(messages.messages.length).toBeGreaterThan(0);
  });

  it('without projections: no description, no jobs, users as an empty list; compact leaves nulls out', async () => {
    const fixture = await boot();
    const plain = await ok(fixture, '/api/projects/0.1/projects/active/?limit=3', projectsResult);
    expect(plain.users).toEqual([]);
    for (const item of plain.projects) {
      expect(item.description).toBeNull();
      expect(item.jobs).toBeNull();
    }
    const compact = await api(fixture, 'GET', '/api/projects/0.1/projects/active/?limit=3&compact=true');
    const first = (compact.json as { result: { projects: Record<string, unknown>[] } }).result.projects[0] as Record<string, unknown>;
    expect('description' in first).toBe(false);
    expect('jobs' in first).toBe(false);
    expect(first.title).toEqual(plain.projects[0]?.title);
  });

  it('refuses a missing, wrong or Bearer token with the error envelope and 401', async () => {
    const fixture = await boot();
    for (const options of [{ token: null }, { token: 'not-the-token' }, { token: null, headers: { authorization: `Bearer ${fixture.token}` } }]) {
      const answer = await api(fixture, 'GET', '/api/users/0.1/self/', options);
      expect(answer.status).toBe(401);
      expect(errorEnvelope.parse(answer.json).error_code).toBe('RestExceptionCodes.NOT_AUTHENTICATED');
    }
    // A revoked token (simulation) signs the account out.
    const before = fixture.token;
    await simulate(fixture, 'PUT', 'token', { token: 'rotated' });
    expect((await api(fixture, 'GET', '/api/users/0.1/self/', { token: before })).status).toBe(401);
    expect((await api(fixture, 'GET', '/api/users/0.1/self/', { token: 'rotated' })).status).toBe(200);
  });
});

describe('Freelancer fixture: offset pagination and time filters', () => {
  it('pages of at most 100 add up to total_count, each project once; a larger limit is refused', async () => {
    const fixture = await boot();
    const me = await ok(fixture, '/api/users/0.1/self/?jobs=true', self);
    const filter = `${(me.jobs ?? []).map((item) => `jobs[]=${item.id}`).join('&')}&languages[]=it&languages[]=en`;
    const first = await ok(fixture, `/api/projects/0.1/projects/active/?${filter}&limit=30&job_details=true`, projectsResult);
    const ids = new Set<number>();
    for (let offset = 0; offset < first.total_count; offset += 30) {
      const page = await ok(fixture, `/api/projects/0.1/projects/active/?${filter}&limit=30&offset=${offset}&job_details=true`, projectsResult);
      expect(page.total_count).toBe(first.total_count);
      expect(page.projects).toHaveLength(Math.min(30, first.total_count - offset));
      for (const item of page.projects) {
        ids.add(item.id);
        expect(['it', 'en']).toContain(item.language);
        expect(item.jobs?.some((candidate) => me.jobs?.some((mine) => mine.id === candidate.id))).toBe(true);
      }
    }
    expect(ids.size).toBe(first.total_count);
    expect(first.total_count).toBeGreaterThan(60);
    const everything = await ok(fixture, '/api/projects/0.1/projects/active/?limit=100&offset=350', projectsResult);
    expect(everything.total_count).toBe(400);
    expect(everything.projects).toHaveLength(50);
    expect(first.total_count).toBeLessThan(everything.total_count);

    const tooMany = await api(fixture, 'GET', '/api/projects/0.1/projects/active/?limit=101');
    expect(tooMany.status).toBe(400);
    errorEnvelope.parse(tooMany.json);
  });

  it('from_time / from_updated_time return only what is new, and nothing when nothing is', async () => {
    const fixture = await boot();
    const now = await fixtureNow(fixture);
    const since = `from_time=${now}`;
    expect((await ok(fixture, `/api/projects/0.1/projects/active/?${since}`, projectsResult)).total_count).toBe(0);
    expect((await ok(fixture, `/api/messages/0.1/messages/?from_updated_time=${now}`, messagesResult)).messages).toEqual([]);
    expect((await ok(fixture, `/api/messages/0.1/threads/?from_updated_time=${now}`, threadsResult)).threads).toEqual([]);

    const added = (await simulate(fixture, 'POST', 'projects', { title: 'Sito per agriturismo in Toscana', jobs: ['wordpress'], language: 'it' })).json as { id: number };
    const [thread] = (await ok(fixture, '/api/messages/0.1/threads/?limit=1', threadsResult)).threads;
    await simulate(fixture, 'POST', 'messages', { thread_id: thread?.thread.id, message: 'Ciao, ci sei domani?' });

    const projects = await ok(fixture, `/api/projects/0.1/projects/active/?${since}&job_details=true`, projectsResult);
    expect(projects.projects.map((item) => item.id)).toEqual([added.id]);
    expect(projects.projects[0]?.jobs?.map((item) => item.name)).toEqual(['WordPress']);
    const messages = await ok(fixture, `/api/messages/0.1/messages/?from_updated_time=${now}`, messagesResult);
    expect(messages.messages.map((item) => item.message)).toEqual(['Ciao, ci sei domani?']);
    const threads = await ok(fixture, `/api/messages/0.1/threads/?from_updated_time=${now}`, threadsResult);
    expect(threads.threads.map((item) => item.thread.id)).toEqual([thread?.thread.id]);

    // Everything seeded lies before the anchor; an old watermark sees the seeded content too.
    const older = await ok(fixture, `/api/projects/0.1/projects/active/?from_time=${now - 7 * 86_400}&reverse_sort=true&limit=100`, projectsResult);
    expect(older.projects.every((item) => item.time_submitted >= now - 7 * 86_400)).toBe(true);
    expect(older.projects.map((item) => item.time_submitted)).toEqual([...older.projects.map((item) => item.time_submitted)].sort((a, b) => a - b));
  });
});

describe('Freelancer fixture: writes without idempotency', () => {
  it('posts a form-encoded message; a JSON body or an empty message is refused and stores nothing; the same post twice is stored twice', async () => {
    const fixture = await boot();
    const [thread] = (await ok(fixture, '/api/messages/0.1/threads/?limit=1', threadsResult)).threads;
    const path = `/api/messages/0.1/threads/${thread?.thread.id}/messages/`;

    const refusedJson = await api(fixture, 'POST', path, { json: { message: 'Buongiorno' } });
    expect(refusedJson.status).toBe(400);
    errorEnvelope.parse(refusedJson.json);
    const refusedEmpty = await api(fixture, 'POST', path, { form: { message: '  ' } });
    expect(refusedEmpty.status).toBe(400);
    expect(await writes(fixture)).toEqual([]);

    const sent = await api(fixture, 'POST', path, { form: { message: 'Buongiorno! Posso iniziare lunedì.' } });
    expect(sent.status).toBe(200);
    const stored = success(message).parse(sent.json).result;
    expect(stored).toMatchObject({ thread_id: thread?.thread.id, from_user: fixture.selfId, message: 'Buongiorno! Posso iniziare lunedì.' });
    const again = success(message).parse((await api(fixture, 'POST', path, { form: { message: 'Buongiorno! Posso iniziare lunedì.' } })).json).result;
    expect(again.id).not.toBe(stored.id);

    const listed = await ok(fixture, `/api/messages/0.1/messages/?threads[]=${thread?.thread.id}&limit=2`, messagesResult);
    expect(listed.messages.map((item) => item.id)).toEqual([again.id, stored.id]);
    const byId = await ok(fixture, `/api/messages/0.1/messages/?messages[]=${stored.id}`, messagesResult);
    expect(byId.messages.map((item) => item.id)).toEqual([stored.id]);
    expect((await writes(fixture)).map((write) => write.kind)).toEqual(['message', 'message']);
  });

  it('places a bid as JSON, refuses a second one on the same project and a form-encoded one, retracts with action=retract', async () => {
    const fixture = await boot();
    const [target] = (await ok(fixture, '/api/projects/0.1/projects/active/?limit=1', projectsResult)).projects;
    const body = { project_id: target?.id, bidder_id: fixture.selfId, amount: 450, period: 7, milestone_percentage: 100, description: 'Posso farlo in una settimana.' };

    const asForm = await api(fixture, 'POST', '/api/projects/0.1/bids/', { form: Object.fromEntries(Object.entries(body).map(([key, value]) => [key, String(value)])) });
    expect(asForm.status).toBe(400);
    const placed = success(bid).parse((await api(fixture, 'POST', '/api/projects/0.1/bids/', { json: body })).json).result;
    expect(placed).toMatchObject({ project_id: target?.id, bidder_id: fixture.selfId, amount: 450, retracted: false, award_status: null });

    const twice = await api(fixture, 'POST', '/api/projects/0.1/bids/', { json: body });
    expect(twice.status).toBe(409);
    errorEnvelope.parse(twice.json);
    const refreshed = await ok(fixture, `/api/projects/0.1/projects/${target?.id}/`, project);
    expect(refreshed.bid_stats.bid_count).toBe((target?.bid_stats.bid_count ?? 0) + 1);

    const retract = await api(fixture, 'PUT', `/api/projects/0.1/bids/${placed.id}/?action=retract`, { headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(retract.status).toBe(200);
    actionEnvelope.parse(retract.json);
    const listed = await ok(fixture, `/api/projects/0.1/bids/?projects[]=${target?.id}&bidders[]=${fixture.selfId}`, bidsResult);
    expect(listed.bids.map((item) => [item.id, item.retracted])).toEqual([[placed.id, true]]);
    expect((await writes(fixture)).map((write) => write.kind)).toEqual(['bid', 'bid_retract']);
  });

  it('an award (simulation) can be accepted, and an accepted bid cannot be retracted', async () => {
    const fixture = await boot();
    const [target] = (await ok(fixture, '/api/projects/0.1/projects/active/?limit=1', projectsResult)).projects;
    const placed = success(bid).parse(
      (await api(fixture, 'POST', '/api/projects/0.1/bids/', { json: { project_id: target?.id, bidder_id: fixture.selfId, amount: 90, period: 3, milestone_percentage: 50, description: 'Ok' } })).json,
    ).result;
    expect((await simulate(fixture, 'POST', `bids/${placed.id}/award`)).status).toBe(200);
    expect((await ok(fixture, `/api/projects/0.1/bids/?bids[]=${placed.id}`, bidsResult)).bids[0]?.award_status).toBe('pending');
    actionEnvelope.parse((await api(fixture, 'PUT', `/api/projects/0.1/bids/${placed.id}/?action=accept`)).json);
    expect((await ok(fixture, `/api/projects/0.1/bids/?bids[]=${placed.id}`, bidsResult)).bids[0]?.award_status).toBe('awarded');
    const retract = await api(fixture, 'PUT', `/api/projects/0.1/bids/${placed.id}/?action=retract`);
    expect(retract.status).toBe(409);
    errorEnvelope.parse(retract.json);
  });
});

describe('Freelancer fixture: faults', () => {
  it('loses the answer after storing the message: the client sees a broken connection, the write is there once, a blind retry makes two', async () => {
    const fixture = await boot();
    const [thread] = (await ok(fixture, '/api/messages/0.1/threads/?limit=1', threadsResult)).threads;
    const path = `/api/messages/0.1/threads/${thread?.thread.id}/messages/`;
    await simulate(fixture, 'PUT', 'faults', { queue: [{ fault: 'lost', method: 'POST', path: '/messages/' }] });
    await expect(api(fixture, 'POST', path, { form: { message: 'Eccomi' } })).rejects.toThrow();
    expect((await writes(fixture)).map((write) => write.message)).toEqual(['Eccomi']);
    // What a connector must reconcile before retrying: the message is already in the thread.
    const listed = await ok(fixture, `/api/messages/0.1/messages/?threads[]=${thread?.thread.id}&limit=1`, messagesResult);
    expect(listed.messages[0]).toMatchObject({ message: 'Eccomi', from_user: fixture.selfId });
    await api(fixture, 'POST', path, { form: { message: 'Eccomi' } });
    expect((await writes(fixture)).map((write) => write.message)).toEqual(['Eccomi', 'Eccomi']);
  });

  it('drops a request before handling it: nothing is stored', async () => {
    const fixture = await boot();
    const [target] = (await ok(fixture, '/api/projects/0.1/projects/active/?limit=1', projectsResult)).projects;
    await simulate(fixture, 'PUT', 'faults', { queue: [{ fault: 'drop', method: 'POST' }] });
    await expect(
      api(fixture, 'POST', '/api/projects/0.1/bids/', { json: { project_id: target?.id, bidder_id: fixture.selfId, amount: 100, period: 5, milestone_percentage: 100, description: 'x' } }),
    ).rejects.toThrow();
    expect(await writes(fixture)).toEqual([]);
  });

  it('answers 429 with Retry-After (or without it), error envelopes with a chosen status, and truncated bodies', async () => {
    const fixture = await boot();
    await simulate(fixture, 'PUT', 'faults', {
      queue: [
        { fault: 'ratelimit', path: '/self/', retry_after: 7 },
        { fault: 'ratelimit', path: '/self/', retry_after: 0 },
        { fault: 'error', path: '/self/', status: 503, error_code: 'RestExceptionCodes.SERVICE_UNAVAILABLE' },
        { fault: 'truncate', path: '/self/' },
      ],
    });
    const limited = await api(fixture, 'GET', '/api/users/0.1/self/');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    errorEnvelope.parse(limited.json);
    const limitedBare = await api(fixture, 'GET', '/api/users/0.1/self/');
    expect(limitedBare.status).toBe(429);
    expect(limitedBare.headers.get('retry-after')).toBeNull();
    const unavailable = await api(fixture, 'GET', '/api/users/0.1/self/');
    expect(unavailable.status).toBe(503);
    expect(errorEnvelope.parse(unavailable.json).error_code).toBe('RestExceptionCodes.SERVICE_UNAVAILABLE');
    // The truncated answer declares its full length and stops half way: reading it fails.
    await expect(api(fixture, 'GET', '/api/users/0.1/self/')).rejects.toThrow();
    // The queue is used up: the next call is answered normally.
    expect((await api(fixture, 'GET', '/api/users/0.1/self/')).status).toBe(200);
    // Simulation calls are never faulted.
    await simulate(fixture, 'PUT', 'faults', { spec: 'error=1@502' });
    expect((await api(fixture, 'GET', '/api/users/0.1/self/')).status).toBe(502);
    expect((await simulate(fixture, 'GET', 'state')).status).toBe(200);
  });

  it('a fault SPEC decides the same faults for the same seed and sequence of requests', async () => {
    const statuses = async (): Promise<number[]> => {
      const fixture = await boot({ faults: 'ratelimit=0.3@1,error=0.2' });
      const seen: number[] = [];
      for (let index = 0; index < 30; index += 1) seen.push((await api(fixture, 'GET', '/api/users/0.1/self/')).status);
      return seen;
    };
    const first = await statuses();
    expect(new Set(first)).toEqual(new Set([200, 429, 500]));
    expect(await statuses()).toEqual(first);
  });
});

describe('Freelancer fixture: determinism and scale', () => {
  it('the same seed and anchor give the same account; another seed a different one', async () => {
    const snapshot = async (seed: number): Promise<unknown[]> => {
      const fixture = await boot({ seed, anchor: '2026-11-01T00:00:00Z' });
      return [
        await ok(fixture, '/api/projects/0.1/projects/active/?limit=50&full_description=true&user_details=true', projectsResult),
        await ok(fixture, '/api/messages/0.1/threads/?limit=20&last_message=true', threadsResult),
        await ok(fixture, '/api/messages/0.1/messages/?limit=50', messagesResult),
        await ok(fixture, `/api/projects/0.1/bids/?bidders[]=${fixture.selfId}&limit=50`, bidsResult),
      ];
    };
    const first = await snapshot(11);
    expect(await snapshot(11)).toEqual(first);
    expect(await snapshot(12)).not.toEqual(first);
  });

  it('builds the bench account (20k projects, 2k threads, 100k messages) with messages in time order', async () => {
    const fixture = await boot({ scale: 'bench' });
    const state = (await simulate(fixture, 'GET', 'state')).json as { projects: number; threads: number; messages: number };
    expect(state).toMatchObject({ projects: 20_000, threads: 2_000, messages: 100_000 });
    const newest = await ok(fixture, '/api/messages/0.1/messages/?limit=100', messagesResult);
    expect(newest.unfiltered_count).toBe(100_000);
    const times = newest.messages.map((item) => item.time_created);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const threads = await ok(fixture, '/api/messages/0.1/threads/?limit=100&message_count=true', z.object({ threads: z.array(thread.extend({ message_count: z.number().int() })) }).loose());
    expect(threads.threads.every((item) => item.message_count === 50)).toBe(true);
  });
});
