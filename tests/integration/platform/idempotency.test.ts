/** Idempotency-Key and If-Match semantics of the write endpoints. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changesPageSchema } from '../../../shared/platform/changes';
import type { Proposal } from '../../../shared/platform/records';
import type { PlatformServer } from '../../platform/server';
import { bootPlatform, call, newKey, pullAll, rawCall, signIn, simulate } from './helpers';

let server: PlatformServer;
let token: string;
let secondToken: string;

beforeAll(async () => {
  server = await bootPlatform();
  token = (await signIn(server)).access_token;
  secondToken = (await signIn(server, 'second@bottega.test', 'bottega-second')).access_token;
});

afterAll(async () => {
  await server?.close();
});

const submittedProposal = async (): Promise<Proposal> => {
  const { changes } = await pullAll(server, token, { limit: 1000 });
  const found = changes.filter((change) => change.type === 'proposal').map((change) => change.data as Proposal);
  const open = found.filter((proposal) => proposal.status === 'submitted');
  const proposal = open[open.length - 1];
  if (!proposal) throw new Error('the demo seed has submitted proposals');
  return proposal;
};

describe('Idempotency-Key', () => {
  it('replays the first answer byte for byte and changes nothing', async () => {
    const { cursor } = await pullAll(server, token, { limit: 1000 });
    const key = newKey('replay');
    const options = { token, idempotencyKey: key, body: { body: 'Le mando il preventivo in giornata.' } };
    const first = await call(server, 'postMessage', '/v1/threads/thr_000005/messages', options);
    const second = await call(server, 'postMessage', '/v1/threads/thr_000005/messages', options);
    const third = await call(server, 'postMessage', '/v1/threads/thr_000005/messages', options);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.bytes.equals(first.bytes)).toBe(true);
    expect(third.bytes.equals(first.bytes)).toBe(true);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const since = await pullAll(server, token, { cursor });
    expect(since.changes.filter((change) => change.type === 'message')).toHaveLength(1);
    expect(since.changes.filter((change) => change.type === 'thread')).toHaveLength(1);
  });

  it('stores the first answer whatever its status', async () => {
    const key = newKey('error-first');
    const first = await call(server, 'postMessage', '/v1/threads/thr_unknown/messages', { token, idempotencyKey: key, body: { body: 'x' } });
    expect(first.status).toBe(404);
    const again = await call(server, 'postMessage', '/v1/threads/thr_unknown/messages', { token, idempotencyKey: key, body: { body: 'x' } });
    expect(again.status).toBe(404);
    expect(again.bytes.equals(first.bytes)).toBe(true);
    const malformedKey = newKey('malformed');
    const malformed = await rawCall(server, 'POST', '/v1/threads/thr_000001/messages', {
      token,
      idempotencyKey: malformedKey,
      rawBody: '{oops',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status).toBe(400);
    // The same key with a corrected body is a different request: refused, not applied.
    const corrected = await call(server, 'postMessage', '/v1/threads/thr_000001/messages', { token, idempotencyKey: malformedKey, body: { body: 'ok' } });
    expect(corrected.status).toBe(422);
    expect(corrected.json).toMatchObject({ error: 'idempotency_key_reused', field: 'Idempotency-Key' });
  });

  it('refuses the same key with a different body and applies nothing', async () => {
    const { cursor } = await pullAll(server, token, { limit: 1000 });
    const key = newKey('reuse');
    await call(server, 'postMessage', '/v1/threads/thr_000006/messages', { token, idempotencyKey: key, body: { body: 'first' } });
    const reused = await call(server, 'postMessage', '/v1/threads/thr_000006/messages', { token, idempotencyKey: key, body: { body: 'second' } });
    expect(reused.status).toBe(422);
    const elsewhere = await call(server, 'postMessage', '/v1/threads/thr_000007/messages', { token, idempotencyKey: key, body: { body: 'first' } });
    expect(elsewhere.status).toBe(422);
    const since = await pullAll(server, token, { cursor });
    expect(since.changes.filter((change) => change.type === 'message').map((change) => (change.data as { body: string }).body)).toEqual(['first']);
  });

  it('scopes keys to the user', async () => {
    const key = newKey('shared');
    const demo = await call(server, 'createForumPost', '/v1/forum/topics/ftp_000002/posts', { token, idempotencyKey: key, body: { body: 'Io uso Toggl.' } });
    const other = await call(server, 'createForumPost', '/v1/forum/topics/ftp_000002/posts', { token: secondToken, idempotencyKey: key, body: { body: 'Io uso Toggl.' } });
    expect(demo.status).toBe(201);
    expect(other.status).toBe(201);
    expect(other.headers.get('idempotent-replayed')).toBeNull();
    expect((other.json as { author_id: string }).author_id).toBe('usr_second');
    expect((other.json as { id: string }).id).not.toBe((demo.json as { id: string }).id);
  });

  it('makes a retried create with a client-generated id safe even under a new key', async () => {
    const body = { id: 'msg_client_generated_1', body: 'Retry-safe' };
    const first = await call(server, 'postMessage', '/v1/threads/thr_000008/messages', { token, idempotencyKey: newKey(), body });
    expect(first.status).toBe(201);
    const retry = await call(server, 'postMessage', '/v1/threads/thr_000008/messages', { token, idempotencyKey: newKey(), body });
    expect(retry.status).toBe(409);
    expect(retry.json).toMatchObject({ error: 'already_exists', current: { id: 'msg_client_generated_1', version: 1 } });
  });
});

describe('If-Match', () => {
  it('accepts the bare and the quoted version', async () => {
    const proposal = await submittedProposal();
    const bare = await call(server, 'updateProposal', `/v1/proposals/${proposal.id}`, { token, idempotencyKey: newKey(), ifMatch: proposal.version, body: { period_days: 12 } });
    expect(bare.status).toBe(200);
    const quoted = await call(server, 'updateProposal', `/v1/proposals/${proposal.id}`, { token, idempotencyKey: newKey(), ifMatch: `"${proposal.version + 1}"`, body: { period_days: 13 } });
    expect(quoted.status).toBe(200);
    expect(quoted.json).toMatchObject({ version: proposal.version + 2, period_days: 13 });
    const garbage = await call(server, 'updateProposal', `/v1/proposals/${proposal.id}`, { token, idempotencyKey: newKey(), ifMatch: 'yesterday', body: { period_days: 14 } });
    expect(garbage.status).toBe(400);
    expect(garbage.json).toMatchObject({ field: 'If-Match' });
  });

  it('answers 409 with the current record after a server-side edit, before looking at the body', async () => {
    const proposal = await submittedProposal();
    const edited = await simulate(server, 'POST', `/v1/simulation/records/proposal/${proposal.id}/edit`, { patch: { status: 'shortlisted' } });
    const currentVersion = (edited.json as { version: number }).version;
    expect(currentVersion).toBe(proposal.version + 1);

    const { cursor } = await pullAll(server, token, { limit: 1000 });
    const cases = [
      { body: { amount_minor: 99_900 } },
      { body: { amount_minor: 'lots', unknown_field: true } },
      { rawBody: '{not json', headers: { 'content-type': 'application/json' } },
    ];
    for (const options of cases) {
      const stale = await call(server, 'updateProposal', `/v1/proposals/${proposal.id}`, { token, idempotencyKey: newKey(), ifMatch: proposal.version, ...options });
      expect(stale.status).toBe(409);
      expect(stale.json).toMatchObject({ error: 'conflict', current: { id: proposal.id, version: currentVersion, status: 'shortlisted' } });
    }
    const withdraw = await call(server, 'withdrawProposal', `/v1/proposals/${proposal.id}/withdraw`, { token, idempotencyKey: newKey(), ifMatch: proposal.version, rawBody: '[[[' });
    expect(withdraw.status).toBe(409);
    const since = await pullAll(server, token, { cursor });
    expect(since.changes).toEqual([]);

    const merged = await call(server, 'updateProposal', `/v1/proposals/${proposal.id}`, { token, idempotencyKey: newKey(), ifMatch: currentVersion, body: { amount_minor: 99_900 } });
    expect(merged.status).toBe(200);
    expect(merged.json).toMatchObject({ version: currentVersion + 1, amount_minor: 99_900, status: 'shortlisted' });
  });

  it('refuses to change a decided proposal', async () => {
    const proposal = await submittedProposal();
    const declined = await simulate(server, 'POST', `/v1/simulation/proposals/${proposal.id}/decline`);
    const version = (declined.json as { version: number }).version;
    const patch = await call(server, 'updateProposal', `/v1/proposals/${proposal.id}`, { token, idempotencyKey: newKey(), ifMatch: version, body: { period_days: 3 } });
    expect(patch.status).toBe(422);
    expect(patch.json).toMatchObject({ error: 'invalid_state', field: 'status' });
    const page = changesPageSchema.parse((await call(server, 'listChanges', '/v1/changes?limit=1000', { token })).json);
    expect(page.changes.find((change) => change.id === proposal.id)?.version).toBe(version);
  });
});
