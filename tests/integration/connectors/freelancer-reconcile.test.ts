/**
 * Exactly once without idempotency keys (electron/core/connectors/freelancer/reconcile.ts) against the Freelancer
 * fixture: a message or bid whose answer is lost after the fixture stored it is found and adopted instead of
 * being sent again; a message that never arrived is not invented; a message sent twice on purpose adopts each once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createFreelancerClient } from '../../../electron/core/connectors/freelancer/api-client';
import { resolveFreelancerApiRoot } from '../../../electron/core/connectors/freelancer/base-url';
import { freelancerEndpoints } from '../../../electron/core/connectors/freelancer/endpoints';
import { bidLookup, findPlacedBid, findSentMessage, messageLookup, type SentMessageAttempt } from '../../../electron/core/connectors/freelancer/reconcile';
import { type FreelancerFixture, startFreelancerFixture } from '../../platform/freelancer/server';

const fixtures: FreelancerFixture[] = [];

afterEach(async () => {
  await Promise.all(fixtures.splice(0).map((fixture) => fixture.close()));
});

const boot = async () => {
  const fixture = await startFreelancerFixture({ seed: 9, scale: 'tiny' });
  fixtures.push(fixture);
  const root = resolveFreelancerApiRoot({ custom: fixture.url });
  if (!root.ok) throw new Error(root.reason);
  const token = fixture.token;
  const endpoints = freelancerEndpoints(createFreelancerClient({ apiRoot: root.apiRoot, token: () => token }));
  const queueFault = (rule: Record<string, unknown>) =>
    fetch(`${fixture.url}/__fixture/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ queue: [rule] }) });
  const writes = async () => ((await (await fetch(`${fixture.url}/__fixture/writes`)).json()) as { writes: { kind: string; id: number }[] }).writes;
  return { fixture, endpoints, queueFault, writes };
};

describe('Freelancer reconcile before retry', () => {
  it('a message stored but unanswered is found and adopted; one never stored is not', async () => {
    const { fixture, endpoints, queueFault, writes } = await boot();
    const thread = fixture.world.allThreads()[0];
    if (!thread) throw new Error('no thread');
    // Our clock: the fixture's (the lookup allows skew either way).
    const attempt: SentMessageAttempt = { threadId: thread.id, selfId: fixture.selfId, body: 'Le mando la bozza stasera.', startedAtMs: fixture.world.now() * 1000 };

    await queueFault({ fault: 'lost', method: 'POST', path: '/messages/0.1/threads/' });
    const sent = await endpoints.postMessage(thread.id, attempt.body);
    expect(sent.ok ? null : sent.error.kind).toBe('network');
    const lookup = await endpoints.getMessages(messageLookup(attempt));
    if (!lookup.ok) throw new Error(lookup.error.kind);
    const found = findSentMessage(lookup.value.messages, attempt, new Set());
    expect(found?.message).toBe(attempt.body);
    // Adopted, not sent again: the platform holds it once.
    expect((await writes()).filter((write) => write.kind === 'message')).toEqual([expect.objectContaining({ id: found?.id })]);

    // A send dropped before the platform handled it: nothing to adopt, so it is sent again.
    const other: SentMessageAttempt = { ...attempt, body: 'Mi scusi, un dettaglio ancora.' };
    await queueFault({ fault: 'drop', method: 'POST', path: '/messages/0.1/threads/' });
    expect((await endpoints.postMessage(thread.id, other.body)).ok).toBe(false);
    const none = await endpoints.getMessages(messageLookup(other));
    if (!none.ok) throw new Error(none.error.kind);
    expect(findSentMessage(none.value.messages, other, new Set())).toBeNull();
  });

  it('the same text sent twice on purpose: each outbox entry adopts its own message', async () => {
    const { fixture, endpoints, queueFault } = await boot();
    const thread = fixture.world.allThreads()[1];
    if (!thread) throw new Error('no thread');
    const attempt: SentMessageAttempt = { threadId: thread.id, selfId: fixture.selfId, body: 'Grazie!', startedAtMs: fixture.world.now() * 1000 };
    for (let send = 0; send < 2; send += 1) {
      await queueFault({ fault: 'lost', method: 'POST', path: '/messages/0.1/threads/' });
      await endpoints.postMessage(thread.id, attempt.body);
    }
    const lookup = await endpoints.getMessages(messageLookup(attempt));
    if (!lookup.ok) throw new Error(lookup.error.kind);
    const first = findSentMessage(lookup.value.messages, attempt, new Set());
    const second = findSentMessage(lookup.value.messages, attempt, new Set([first?.id ?? 0]));
    expect(first).not.toBeNull();
    expect(second).not.toBeNull();
    expect(second?.id).not.toBe(first?.id);
    expect(findSentMessage(lookup.value.messages, attempt, new Set([first?.id ?? 0, second?.id ?? 0]))).toBeNull();
  });

  it('a bid stored but unanswered is found on its project and adopted; sending it again would be refused', async () => {
    const { fixture, endpoints, queueFault, writes } = await boot();
    const bidOn = new Set(fixture.world.allBids().map((bid) => bid.projectId));
    const project = Array.from({ length: fixture.world.projectCount }, (_, index) => fixture.world.projectAt(index)).find((candidate) => !bidOn.has(candidate.id));
    if (!project) throw new Error('no project without a bid');
    const attempt = { projectId: project.id, selfId: fixture.selfId };
    const bid = { projectId: project.id, bidderId: fixture.selfId, amount: project.budget.minimum, period: 7, milestonePercentage: 50, description: 'Proposta' };

    await queueFault({ fault: 'lost', method: 'POST', path: '/projects/0.1/bids' });
    const placed = await endpoints.placeBid(bid);
    expect(placed.ok ? null : placed.error.kind).toBe('network');
    const lookup = await endpoints.getOwnBids(fixture.selfId, bidLookup(attempt));
    if (!lookup.ok) throw new Error(lookup.error.kind);
    const found = findPlacedBid(lookup.value.bids, attempt);
    expect(found).toMatchObject({ project_id: project.id, bidder_id: fixture.selfId, retracted: false });
    expect((await writes()).filter((write) => write.kind === 'bid')).toEqual([expect.objectContaining({ id: found?.id })]);
    // What a blind retry would have met.
    const again = await endpoints.placeBid(bid);
    expect(again.ok ? null : again.error).toMatchObject({ kind: 'refused', status: 409 });
  });
});
