/**
 * Contract tests: every endpoint of shared/platform/endpoints.ts is called over real HTTP, and every answer is
 * validated against the schema the contract documents for its status. The last test checks the coverage.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changesPageSchema } from '../../../shared/platform/changes';
import { platformEndpoints, type Endpoint } from '../../../shared/platform/endpoints';
import { buildOpenApiDocument } from '../../../shared/platform/openapi';
import { proposalSchema, recordTypes, type Project, type Proposal } from '../../../shared/platform/records';
import type { PlatformServer } from '../../platform/server';
import { bootPlatform, call, newKey, observed, pullAll, signIn } from './helpers';

// A 1×1 transparent PNG.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

let server: PlatformServer;
let token: string;
let openProposal: Proposal;
let openProjectId: string;

beforeAll(async () => {
  server = await bootPlatform();
  token = (await signIn(server)).access_token;
  const { changes } = await pullAll(server, token);
  const proposal = changes.find((change) => change.type === 'proposal' && change.op === 'upsert' && change.data.status === 'submitted');
  openProposal = proposalSchema.parse(proposal?.data);
  const bidOn = new Set(changes.filter((change) => change.type === 'proposal').map((change) => (change.data as Proposal).project_id));
  const project = changes.find((change) => change.type === 'project' && change.op === 'upsert' && change.data.status === 'open' && !bidOn.has(change.id));
  openProjectId = project?.id ?? '';
});

afterAll(async () => {
  await server?.close();
});

describe('OpenAPI document', () => {
  it('is served as OpenAPI 3.1 with every endpoint under its full /v1 path', async () => {
    const result = await call(server, 'getOpenApi', '/v1/openapi.json');
    const document = result.json as { openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, unknown> } };
    expect(document.openapi).toBe('3.1.0');
    for (const endpoint of platformEndpoints as readonly Endpoint[]) {
      expect(endpoint.path.startsWith('/v1/')).toBe(true);
      expect(document.paths[endpoint.path]?.[endpoint.method], `${endpoint.method} ${endpoint.path}`).toBeDefined();
    }
    const events = document.paths['/v1/events']?.get as { responses: Record<string, { content?: Record<string, unknown> }> };
    expect(Object.keys(events.responses['200']?.content ?? {})).toEqual(['text/event-stream']);
    // Every $ref points at a component that exists.
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([A-Za-z]+)"/g)].map((match) => match[1] as string);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) expect(document.components.schemas[ref], ref).toBeDefined();
    expect(document.components.schemas.Project).toMatchObject({ type: 'object' });
  });

  it('is generated purely and identically from the shared schemas', () => {
    expect(JSON.stringify(buildOpenApiDocument())).toBe(JSON.stringify(buildOpenApiDocument()));
  });
});

describe('auth', () => {
  it('issues tokens for form-encoded and JSON password grants and refreshes them', async () => {
    const json = await call(server, 'createToken', '/v1/oauth/token', {
      body: { grant_type: 'password', username: 'demo@bottega.test', password: 'bottega-demo' },
    });
    expect(json.status).toBe(200);
    expect(json.headers.get('cache-control')).toBe('no-store');
    const refreshed = await call(server, 'createToken', '/v1/oauth/token', {
      rawBody: `grant_type=refresh_token&refresh_token=${encodeURIComponent((json.json as { refresh_token: string }).refresh_token)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(refreshed.status).toBe(200);
    const me = await call(server, 'getMe', '/v1/me', { token: (refreshed.json as { access_token: string }).access_token });
    expect(me.json).toEqual({ id: 'usr_demo', email: 'demo@bottega.test', name: 'Elena Ferraro' });
    const terms = await call(server, 'getTerms', '/v1/terms', { token: (refreshed.json as { access_token: string }).access_token });
    expect(terms.json).toMatchObject({ proposal_fee_percent: 10 });
    expect((await call(server, 'getTerms', '/v1/terms')).status).toBe(401);
  });

  it('answers OAuth2 errors for wrong credentials and unknown grants', async () => {
    const wrong = await call(server, 'createToken', '/v1/oauth/token', {
      rawBody: 'grant_type=password&username=demo%40bottega.test&password=nope',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json).toMatchObject({ error: 'invalid_grant' });
    const grant = await call(server, 'createToken', '/v1/oauth/token', { body: { grant_type: 'client_credentials' } });
    expect(grant.json).toMatchObject({ error: 'unsupported_grant_type' });
    const missing = await call(server, 'createToken', '/v1/oauth/token', { body: { grant_type: 'password', username: 'demo@bottega.test' } });
    expect(missing.json).toMatchObject({ error: 'invalid_request' });
  });

  it('refuses calls without a token or with a made-up one', async () => {
    const none = await call(server, 'getMe', '/v1/me');
    expect(none.status).toBe(401);
    expect(none.json).toMatchObject({ error: 'unauthorized' });
    const bogus = await call(server, 'listChanges', '/v1/changes', { token: 'not-a-token' });
    expect(bogus.status).toBe(401);
    expect(bogus.headers.get('www-authenticate')).toContain('invalid_token');
  });
});

describe('change feed', () => {
  it('delivers every record type of the contract, all valid, each once', async () => {
    const { changes } = await pullAll(server, token, { limit: 50 });
    const types = new Set(changes.map((change) => change.type));
    expect([...types].sort()).toEqual([...recordTypes].sort());
    const keys = changes.map((change) => `${change.type}/${change.id}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const change of changes) {
      expect(change.op).toBe('upsert');
      if (change.op === 'upsert') expect(change.data.version).toBe(change.version);
    }
    const statuses = new Set(changes.filter((change) => change.type === 'proposal').map((change) => (change.data as Proposal).status));
    expect([...statuses].sort()).toEqual(['awarded', 'completed', 'declined', 'shortlisted', 'submitted', 'withdrawn']);
    const threads = changes.filter((change) => change.type === 'thread').map((change) => change.data as { unread_count: number });
    expect(threads.some((thread) => thread.unread_count > 0)).toBe(true);
  });

  it('defaults to 200 changes per page and keeps next_cursor a string on the last page', async () => {
    const first = await call(server, 'listChanges', '/v1/changes', { token });
    const page = changesPageSchema.parse(first.json);
    expect(page.changes).toHaveLength(200);
    expect(page.has_more).toBe(true);
    const rest = await call(server, 'listChanges', `/v1/changes?cursor=${page.next_cursor}&limit=1000`, { token });
    const last = changesPageSchema.parse(rest.json);
    expect(last.has_more).toBe(false);
    expect(typeof last.next_cursor).toBe('string');
    const after = changesPageSchema.parse((await call(server, 'listChanges', `/v1/changes?cursor=${last.next_cursor}`, { token })).json);
    expect(after.changes).toEqual([]);
    expect(after.has_more).toBe(false);
  });

  it('rejects malformed cursors and limits with 400 naming the parameter', async () => {
    const cursor = await call(server, 'listChanges', '/v1/changes?cursor=%%%', { token });
    expect(cursor.status).toBe(400);
    expect(cursor.json).toMatchObject({ field: 'cursor' });
    const limit = await call(server, 'listChanges', '/v1/changes?limit=0', { token });
    expect(limit.status).toBe(400);
    expect(limit.json).toMatchObject({ field: 'limit' });
  });

  it('streams Server-Sent Events', async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.url}/v1/events`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body?.getReader();
    const first = await reader?.read();
    expect(new TextDecoder().decode(first?.value)).toContain(': connected');
    controller.abort();
    observed.add('streamEvents 200');
    const unauthorized = await call(server, 'streamEvents', '/v1/events');
    expect(unauthorized.status).toBe(401);
  });
});

describe('writes', () => {
  const write = (operationId: string, path: string, options: Parameters<typeof call>[3] = {}) =>
    call(server, operationId, path, { token, idempotencyKey: newKey(operationId), ...options });

  it('creates, edits and withdraws a proposal', async () => {
    const created = await write('createProposal', '/v1/proposals', {
      body: {
        id: 'prp_contract1',
        project_id: openProjectId,
        amount_minor: 120_000,
        period_days: 14,
        default_locale: 'it',
        variants: { it: { cover_letter: 'Buongiorno, posso aiutarla.' }, en: { cover_letter: 'Hello, I can help.', source_locale: 'it' } },
        milestones: [{ title: 'Bozza', amount_minor: 60_000, due_in_days: 7 }],
      },
    });
    expect(created.status).toBe(201);
    const proposal = proposalSchema.parse(created.json);
    expect(proposal).toMatchObject({ id: 'prp_contract1', version: 1, status: 'submitted', project_id: openProjectId });
    expect(proposal.milestones[0]?.id).toMatch(/^mst_/);

    const again = await write('createProposal', '/v1/proposals', { body: { project_id: openProjectId, amount_minor: 1000, period_days: 3, default_locale: 'en', variants: { en: { cover_letter: 'Hi' } } } });
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({ error: 'already_exists', current: { id: 'prp_contract1' } });

    const patched = await write('updateProposal', '/v1/proposals/prp_contract1', {
      ifMatch: 1,
      body: { amount_minor: 130_000, variants: { en: null, de: { cover_letter: 'Guten Tag!' } } },
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ version: 2, amount_minor: 130_000 });
    expect(Object.keys((patched.json as Proposal).variants).sort()).toEqual(['de', 'it']);

    const withdrawn = await write('withdrawProposal', '/v1/proposals/prp_contract1/withdraw', { ifMatch: '"2"' });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.json).toMatchObject({ status: 'withdrawn', version: 3 });
    const twice = await write('withdrawProposal', '/v1/proposals/prp_contract1/withdraw', { ifMatch: 3, body: {} });
    expect(twice.status).toBe(422);
    expect(twice.json).toMatchObject({ error: 'invalid_state' });
  });

  it('takes answers to the project\'s questions only, once each, and keeps them across edits', async () => {
    const posted = await call(server, 'simulateProject', '/v1/simulation/projects', {
      body: { language: 'de', title: 'Shop für eine Bäckerei', questions: ['Wann könnten Sie beginnen?', 'Ähnliche Projekte?'] },
    });
    const project = (posted.json as { data: Project }).data;
    expect(project.questions).toEqual([
      { id: 'q1', text: 'Wann könnten Sie beginnen?' },
      { id: 'q2', text: 'Ähnliche Projekte?' },
    ]);
    const base = { project_id: project.id, amount_minor: 50_000, period_days: 10, default_locale: 'de', variants: { de: { cover_letter: 'Guten Tag!' } } };
    const unknown = await write('createProposal', '/v1/proposals', { body: { ...base, answers: [{ question_id: 'q9', text: 'Sofort.' }] } });
    expect(unknown.status).toBe(422);
    expect(unknown.json).toMatchObject({ error: 'unknown_reference', field: 'answers.0.question_id' });
    const twice = await write('createProposal', '/v1/proposals', {
      body: { ...base, answers: [{ question_id: 'q1', text: 'Sofort.' }, { question_id: 'q1', text: 'Montag.' }] },
    });
    expect(twice.status).toBe(422);
    const created = await write('createProposal', '/v1/proposals', { body: { ...base, id: 'prp_answers1', answers: [{ question_id: 'q1', text: 'Ab Montag.' }] } });
    expect(created.status).toBe(201);
    expect(proposalSchema.parse(created.json).answers).toEqual([{ question_id: 'q1', text: 'Ab Montag.' }]);
    const patched = await write('updateProposal', '/v1/proposals/prp_answers1', { ifMatch: 1, body: { period_days: 12 } });
    expect(patched.json).toMatchObject({ answers: [{ question_id: 'q1', text: 'Ab Montag.' }] });
    const answered = await write('updateProposal', '/v1/proposals/prp_answers1', {
      ifMatch: 2,
      body: { answers: [{ question_id: 'q1', text: 'Ab Montag.' }, { question_id: 'q2', text: 'Drei Shops.' }] },
    });
    expect((answered.json as Proposal).answers).toHaveLength(2);
  });

  it('refuses proposals on unknown or closed projects and in another currency', async () => {
    const unknown = await write('createProposal', '/v1/proposals', {
      body: { project_id: 'prj_nope', amount_minor: 1000, period_days: 3, default_locale: 'en', variants: { en: { cover_letter: 'Hi' } } },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.json).toMatchObject({ error: 'unknown_reference', field: 'project_id' });
    const currency = await write('createProposal', '/v1/proposals', {
      body: { project_id: openProposal.project_id, currency: 'JPY', amount_minor: 1000, period_days: 3, default_locale: 'en', variants: { en: { cover_letter: 'Hi' } } },
    });
    expect(currency.status).toBe(422);
    expect(currency.json).toMatchObject({ field: 'currency' });
    const variants = await write('createProposal', '/v1/proposals', {
      body: { project_id: openProjectId, amount_minor: 1000, period_days: 3, default_locale: 'fr', variants: { en: { cover_letter: 'Hi' } } },
    });
    expect(variants.status).toBe(422);
    expect(variants.json).toMatchObject({ error: 'validation_failed', field: 'variants' });
  });

  it('needs If-Match on existing records, 404s unknown ids and names bad fields', async () => {
    const missing = await write('updateProposal', `/v1/proposals/${openProposal.id}`, { body: { period_days: 9 } });
    expect(missing.status).toBe(428);
    expect(missing.json).toMatchObject({ error: 'precondition_required', field: 'If-Match' });
    const unknown = await write('updateProposal', '/v1/proposals/prp_unknown', { ifMatch: 1, body: { period_days: 9 } });
    expect(unknown.status).toBe(404);
    const invalid = await write('updateProposal', `/v1/proposals/${openProposal.id}`, {
      ifMatch: openProposal.version,
      body: { milestones: [{ title: 'x', amount_minor: -5 }] },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.json).toMatchObject({ field: 'milestones.0.amount_minor' });
    const extra = await write('updateProposal', `/v1/proposals/${openProposal.id}`, { ifMatch: openProposal.version, body: { hourly: true } });
    expect(extra.json).toMatchObject({ field: 'hourly' });
    const stale = await write('updateProposal', `/v1/proposals/${openProposal.id}`, { ifMatch: openProposal.version + 5, body: { period_days: 9 } });
    expect(stale.status).toBe(409);
    expect(stale.json).toMatchObject({ error: 'conflict', current: { id: openProposal.id, version: openProposal.version } });
    const withdrawUnknown = await write('withdrawProposal', '/v1/proposals/prp_unknown/withdraw', { ifMatch: 1 });
    expect(withdrawUnknown.status).toBe(404);
  });

  it('sends messages into own threads only', async () => {
    const sent = await write('postMessage', '/v1/threads/thr_000001/messages', { body: { body: 'Ciao, ecco i file.' } });
    expect(sent.status).toBe(201);
    expect(sent.json).toMatchObject({ thread_id: 'thr_000001', body: 'Ciao, ecco i file.', from_me: true, sender_id: 'usr_demo' });
    const unknown = await write('postMessage', '/v1/threads/thr_nope/messages', { body: { body: 'x' } });
    expect(unknown.status).toBe(404);
    const empty = await write('postMessage', '/v1/threads/thr_000001/messages', { body: { body: '   ' } });
    expect(empty.status).toBe(422);
    expect(empty.json).toMatchObject({ field: 'body' });
    const duplicate = await write('postMessage', '/v1/threads/thr_000001/messages', { body: { id: (sent.json as { id: string }).id, body: 'again' } });
    expect(duplicate.status).toBe(409);
  });

  it('marks a thread read on every device, once, and only the user’s own', async () => {
    server.actors.clientMessage('thr_000004', 'Hai visto il preventivo?');
    const read = await write('markThreadRead', '/v1/threads/thr_000004/read');
    expect(read.status).toBe(200);
    expect(read.json).toMatchObject({ id: 'thr_000004', unread_count: 0, read: true });
    const version = (read.json as { version: number }).version;
    const again = await write('markThreadRead', '/v1/threads/thr_000004/read', { body: {} });
    expect(again.json).toMatchObject({ version });
    expect((await write('markThreadRead', '/v1/threads/thr_nope/read')).status).toBe(404);
    expect((await write('markThreadRead', '/v1/threads/thr_000004/read', { body: { upTo: 'x' } })).status).toBe(422);
  });

  it('uploads images by content hash and attaches them', async () => {
    const hash = createHash('sha256').update(png).digest('hex');
    const uploaded = await write('createUpload', '/v1/uploads', { rawBody: png, headers: { 'content-type': 'image/png', 'x-content-sha256': hash } });
    expect(uploaded.status).toBe(201);
    expect(uploaded.json).toMatchObject({ id: hash, sha256: hash, size: png.length, mime: 'image/png' });
    const again = await write('createUpload', '/v1/uploads', { rawBody: png, headers: { 'content-type': 'image/png' } });
    expect(again.status).toBe(200);
    const mismatch = await write('createUpload', '/v1/uploads', { rawBody: png, headers: { 'content-type': 'image/png', 'x-content-sha256': '0'.repeat(64) } });
    expect(mismatch.status).toBe(422);
    expect(mismatch.json).toMatchObject({ error: 'hash_mismatch', field: 'X-Content-SHA256' });
    const notImage = await write('createUpload', '/v1/uploads', { rawBody: Buffer.from('hello'), headers: { 'content-type': 'image/png' } });
    expect(notImage.status).toBe(422);
    const text = await write('createUpload', '/v1/uploads', { rawBody: 'hello', headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(415);
    const huge = Buffer.concat([png, Buffer.alloc(10 * 1024 * 1024)]);
    const tooLarge = await write('createUpload', '/v1/uploads', { rawBody: huge, headers: { 'content-type': 'image/png' } });
    expect(tooLarge.status).toBe(413);

    const download = await call(server, 'getUpload', `/v1/uploads/${hash}`, { token });
    expect(download.status).toBe(200);
    expect(download.bytes.equals(png)).toBe(true);
    expect((await call(server, 'getUpload', `/v1/uploads/${'a'.repeat(64)}`, { token })).status).toBe(404);

    const withAttachment = await write('postMessage', '/v1/threads/thr_000002/messages', { body: { body: 'Logo', attachments: [{ upload_id: hash, name: 'logo.png' }] } });
    expect(withAttachment.json).toMatchObject({ attachments: [{ upload_id: hash, name: 'logo.png', mime: 'image/png', size: png.length }] });
    const badAttachment = await write('postMessage', '/v1/threads/thr_000002/messages', { body: { body: 'x', attachments: [{ upload_id: 'b'.repeat(64), name: 'x.png' }] } });
    expect(badAttachment.json).toMatchObject({ error: 'unknown_reference', field: 'attachments.0.upload_id' });
  });

  it('creates, replaces and deletes portfolio items', async () => {
    const body = {
      skills: ['figma'],
      default_locale: 'en',
      variants: { en: { title: 'Wine labels' }, it: { title: 'Etichette vino', source_locale: 'en' } },
    };
    const created = await write('putPortfolioItem', '/v1/portfolio/items/pfi_contract', { body });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ id: 'pfi_contract', version: 1, visibility: 'public', image_ids: [] });
    const noIfMatch = await write('putPortfolioItem', '/v1/portfolio/items/pfi_contract', { body });
    expect(noIfMatch.status).toBe(428);
    const replaced = await write('putPortfolioItem', '/v1/portfolio/items/pfi_contract', { ifMatch: 1, body: { ...body, visibility: 'private' } });
    expect(replaced.status).toBe(200);
    expect(replaced.json).toMatchObject({ version: 2, visibility: 'private' });
    const stale = await write('putPortfolioItem', '/v1/portfolio/items/pfi_contract', { ifMatch: 1, body });
    expect(stale.status).toBe(409);
    const invalid = await write('putPortfolioItem', '/v1/portfolio/items/pfi_other', { body: { ...body, links: ['javascript:alert(1)'] } });
    expect(invalid.status).toBe(422);
    expect(invalid.json).toMatchObject({ field: 'links.0' });
    const replaceUnknown = await write('putPortfolioItem', '/v1/portfolio/items/pfi_ghost', { ifMatch: 1, body });
    expect(replaceUnknown.status).toBe(404);

    const staleDelete = await write('deletePortfolioItem', '/v1/portfolio/items/pfi_contract', { ifMatch: 1 });
    expect(staleDelete.status).toBe(409);
    const deleted = await write('deletePortfolioItem', '/v1/portfolio/items/pfi_contract', { ifMatch: 2 });
    expect(deleted.status).toBe(200);
    expect(deleted.json).toEqual({ id: 'pfi_contract', version: 3, deleted: true });
    const gone = await write('deletePortfolioItem', '/v1/portfolio/items/pfi_contract', { ifMatch: 3 });
    expect(gone.status).toBe(404);
  });

  it('keeps the revisions a client numbers its variants with, and counts them for a client that sends none', async () => {
    const body = (it: Record<string, unknown>, en: Record<string, unknown>) => ({ default_locale: 'it', variants: { it: { title: 'Etichette', ...it }, en: { title: 'Labels', source_locale: 'it', ...en } } });
    const created = await write('putPortfolioItem', '/v1/portfolio/items/pfi_revisions', { body: body({ revision: 3 }, { revision: 2, source_revision: 3 }) });
    expect(created.json).toMatchObject({ variants: { it: { revision: 3, source_revision: null }, en: { revision: 2, source_revision: 3 } } });
    // A client without revisions changes the Italian text only: one more revision there, English untouched.
    const counted = await write('putPortfolioItem', '/v1/portfolio/items/pfi_revisions', {
      ifMatch: 1,
      body: { default_locale: 'it', variants: { it: { title: 'Etichette e scatole' }, en: { title: 'Labels', source_locale: 'it' } } },
    });
    expect(counted.json).toMatchObject({ variants: { it: { revision: 4, source_revision: null }, en: { revision: 2, source_revision: 3 } } });
    const record = counted.json as { variants: { en: { updated_at: string } } };
    expect(record.variants.en.updated_at).toBe((created.json as { variants: { en: { updated_at: string } } }).variants.en.updated_at);
    const invalid = await write('putPortfolioItem', '/v1/portfolio/items/pfi_revisions', { ifMatch: 2, body: body({ revision: 0 }, {}) });
    expect(invalid.json).toMatchObject({ error: 'validation_failed', field: 'variants.it.revision' });
  });

  it('replaces the profile under If-Match', async () => {
    const { changes } = await pullAll(server, token, { limit: 1000 });
    const profile = changes.find((change) => change.type === 'profile');
    const version = profile?.version ?? 0;
    const body = {
      name: 'Elena Ferraro',
      country: 'IT',
      hourly_rate_minor: 5000,
      currency: 'EUR',
      skills: ['wordpress'],
      languages: [{ tag: 'it', level: 'native' }],
      default_locale: 'it',
      variants: { it: { headline: 'Siti web', bio: 'Bologna' }, es: { headline: 'Webs', bio: 'Bolonia', source_locale: 'it' } },
    };
    const stale = await write('putProfile', '/v1/profile', { ifMatch: version + 1, body });
    expect(stale.status).toBe(409);
    const saved = await write('putProfile', '/v1/profile', { ifMatch: version, body });
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({ id: 'usr_demo', version: version + 1, hourly_rate_minor: 5000, city: null });
    const invalid = await write('putProfile', '/v1/profile', { ifMatch: version + 1, body: { ...body, currency: 'euro' } });
    expect(invalid.json).toMatchObject({ field: 'currency' });
  });

  it('replies in forum topics', async () => {
    const posted = await write('createForumPost', '/v1/forum/topics/ftp_000003/posts', { body: { body: 'Anch\'io chiedo il 30% di acconto.' } });
    expect(posted.status).toBe(201);
    expect(posted.json).toMatchObject({ topic_id: 'ftp_000003', author_id: 'usr_demo', reply_to: null });
    const reply = await write('createForumPost', '/v1/forum/topics/ftp_000003/posts', { body: { body: 'Sì!', reply_to: (posted.json as { id: string }).id } });
    expect(reply.status).toBe(201);
    const wrongParent = await write('createForumPost', '/v1/forum/topics/ftp_000004/posts', { body: { body: 'x', reply_to: (posted.json as { id: string }).id } });
    expect(wrongParent.json).toMatchObject({ error: 'unknown_reference', field: 'reply_to' });
    const unknown = await write('createForumPost', '/v1/forum/topics/ftp_nope/posts', { body: { body: 'x' } });
    expect(unknown.status).toBe(404);
  });

  it('answers 400 without an Idempotency-Key, 400 for malformed JSON, 413 over 1 MiB and 401 without a token', async () => {
    const noKey = await call(server, 'postMessage', '/v1/threads/thr_000001/messages', { token, body: { body: 'x' } });
    expect(noKey.status).toBe(400);
    expect(noKey.json).toMatchObject({ error: 'idempotency_key_missing', field: 'Idempotency-Key' });
    const malformed = await write('postMessage', '/v1/threads/thr_000001/messages', { rawBody: '{"body": "unterminated', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expect(malformed.json).toMatchObject({ error: 'malformed_json' });
    const big = await write('postMessage', '/v1/threads/thr_000001/messages', { body: { body: 'x'.repeat(1024 * 1024 + 10) } });
    expect(big.status).toBe(413);
    expect(big.json).toMatchObject({ error: 'payload_too_large' });
    const anonymous = await call(server, 'createForumPost', '/v1/forum/topics/ftp_000003/posts', { idempotencyKey: newKey(), body: { body: 'x' } });
    expect(anonymous.status).toBe(401);
  });
});

describe('simulation endpoints', () => {
  it('let a test act as the other side', async () => {
    const message = await call(server, 'simulateClientMessage', '/v1/simulation/threads/thr_000003/messages', { body: { body: 'Quando puoi iniziare?' } });
    expect(message.status).toBe(201);
    expect(message.json).toMatchObject({ type: 'message', data: { from_me: false, body: 'Quando puoi iniziare?' } });
    const project = await call(server, 'simulateProject', '/v1/simulation/projects', { body: { title: 'Sito per enoteca', language: 'it', category: 'web_development' } });
    expect(project.status).toBe(201);
    expect(project.json).toMatchObject({ type: 'project', data: { title: 'Sito per enoteca', status: 'open', language: 'it' } });
    const generated = await call(server, 'simulateProject', '/v1/simulation/projects');
    expect(generated.status).toBe(201);
    const edited = await call(server, 'simulateEdit', `/v1/simulation/records/project/${(project.json as { id: string }).id}/edit`, { body: { patch: { title: 'Sito per enoteca a Modena' } } });
    expect(edited.json).toMatchObject({ version: 2, data: { title: 'Sito per enoteca a Modena' } });
    const removed = await call(server, 'simulateDelete', `/v1/simulation/records/project/${(project.json as { id: string }).id}`);
    expect(removed.json).toMatchObject({ version: 3, data: null });
    const bids = await pullAll(server, token, { limit: 1000 });
    const submitted = bids.changes.filter((change) => change.type === 'proposal' && ['submitted', 'shortlisted'].includes((change.data as Proposal).status)).map((change) => change.id);
    const award = await call(server, 'simulateAward', `/v1/simulation/proposals/${submitted[0]}/award`);
    expect(award.json).toMatchObject({ data: { status: 'awarded' } });
    const decline = await call(server, 'simulateDecline', `/v1/simulation/proposals/${submitted[1]}/decline`);
    expect(decline.json).toMatchObject({ data: { status: 'declined' } });
    const undecidable = await call(server, 'simulateDecline', `/v1/simulation/proposals/${submitted[1]}/decline`);
    expect(undecidable.status).toBe(422);
    const clock = await call(server, 'simulateClock', '/v1/simulation/clock', { body: { advance_seconds: 0 } });
    expect(clock.status).toBe(200);
    const compact = await call(server, 'simulateCompact', '/v1/simulation/compact');
    expect(compact.status).toBe(200);
    expect((await call(server, 'simulateEdit', '/v1/simulation/records/project/prj_nope/edit', { body: { patch: {} } })).status).toBe(404);
    // Last: after this the feed holds a record that breaks the contract on purpose.
    const injected = await call(server, 'simulateInject', '/v1/simulation/inject', { body: { type: 'project', id: 'prj_hostile', data: { title: 42 } } });
    expect(injected.status).toBe(201);
  });

  it('are off unless enabled', async () => {
    const plain = await bootPlatform({ simulation: false });
    try {
      const result = await call(plain, 'simulateProject', '/v1/simulation/projects', { body: {} });
      expect(result.status).toBe(404);
    } finally {
      await plain.close();
    }
  });
});

describe('coverage', () => {
  it('every endpoint of the contract was answered successfully and validated', () => {
    const missing = platformEndpoints
      .filter((endpoint) => ![...observed].some((entry) => entry.startsWith(`${endpoint.operationId} 2`)))
      .map((endpoint) => endpoint.operationId);
    expect(missing).toEqual([]);
  });
});
