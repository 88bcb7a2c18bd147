/**
 * Exactly once without idempotency keys (issue #14): 200 messages and 20 confirmed bids written offline to a
 * Freelancer account reach the fixture once each, although every fifth write's answer is dropped after the
 * fixture committed it, and the core pushing them is killed with SIGKILL again and again: right after the
 * fixture stored a write (before its answer left) and at a moment picked by the clock. Each restart reconciles a
 * write that may have landed before sending it again (electron/core/connectors/freelancer/push.ts).
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { workspaceFileName } from '../../../electron/core/core';
import type { FaultDecision } from '../../platform/freelancer/faults';
import { type FreelancerFixture, startFreelancerFixture } from '../../platform/freelancer/server';
import { useCoreHarness, waitForStatus } from '../../support/core-harness';
import { createKillLoop } from '../../support/kill-loop';

const { openWorkspace } = useCoreHarness();
const fixtures: FreelancerFixture[] = [];
afterEach(async () => {
  await Promise.all(fixtures.splice(0).map((fixture) => fixture.close()));
});

const doc = (text: string): string => JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

type FixtureWrite = { seq: number; kind: string; id: number; thread_id?: number; project_id?: number; message?: string };

describe('Freelancer writes exactly once through lost answers and kills', () => {
  it('200 messages and 20 bids written offline arrive once each while answers are lost and the core is killed 7 times', async () => {
    const fixture = await startFreelancerFixture({ seed: 11, scale: 'demo', anchor: 'now' });
    fixtures.push(fixture);
    const { core, client, dataDir } = await openWorkspace();
    const added = await client.accounts.addAccount({ platform: 'freelancer', baseUrl: fixture.url, credentials: { kind: 'token', token: fixture.token } });
    if (!added.ok) throw new Error(added.reason);
    const accountId = added.account.id;
    await waitForStatus(client, (status) => status.accounts.some((account) => account.id === accountId && account.lastSyncAt !== null && account.phase === 'idle'));

    // Offline: the account paused, the writes queued through the contract as the UI makes them.
    await client.accounts.setAccountState({ id: accountId, state: 'paused' });
    const threads = fixture.world.allThreads().slice(0, 4).map((thread) => `thr_fl-${thread.id}`);
    const messages: { threadId: string; body: string }[] = [];
    for (let i = 0; i < 200; i++) {
      const threadId = threads[i % threads.length]!;
      // Every twentieth message says the same as the one before it in its thread: each outbox entry adopts its own.
      const body = i % 20 === 19 ? messages[i - 4]!.body : `Offline #${i}: grazie, à bientôt, schöne Grüße`;
      await client.messages.sendMessage({ threadId, body });
      messages.push({ threadId, body });
    }
    const projects = core.db
      .prepare(
        `SELECT id, language, kind, currency FROM projects WHERE id LIKE 'prj_fl-%' AND status = 'open'
           AND id NOT IN (SELECT project_id FROM proposals) ORDER BY id LIMIT 20`,
      )
      .all() as { id: string; language: string; kind: 'fixed' | 'hourly'; currency: string }[];
    expect(projects).toHaveLength(20);
    const bids: { id: string; projectId: string; letter: string; amountMinor: number }[] = [];
    for (const [index, project] of projects.entries()) {
      const { id } = await client.proposals.createDraft({ projectId: project.id, locale: project.language });
      const letter = `Dear client, I would be glad to take this on (${index}).`;
      await client.proposals.saveVariant({ id, locale: project.language, bodyJson: doc(letter), bodyText: letter });
      const amountMinor = 10_000 + index * 100;
      await client.proposals.saveTerms({ id, kind: project.kind, amountMinor, periodDays: 7 + index, milestones: [] });
      const confirmation = { amountMinor, currency: project.currency, periodDays: 7 + index, coverLetter: letter };
      expect(await client.proposals.submitProposal({ id, confirmation })).toMatchObject({ queued: true });
      bids.push({ id, projectId: project.id, letter, amountMinor });
    }
    expect(core.db.prepare('SELECT count(*) AS n FROM outbox WHERE account_id = ?').get(accountId)).toEqual({ n: 220 });
    core.close();
    // Back online for the child: the account active again, as the user's resume would leave it.
    const offline = new Database(path.join(dataDir, workspaceFileName));
    offline.prepare("UPDATE accounts SET state = 'active' WHERE id = ?").run(accountId);
    offline.close();

    const writesBefore = ((await (await fetch(`${fixture.url}/__fixture/writes`)).json()) as { writes: FixtureWrite[] }).writes.length;
    // Every fifth write is stored and its answer dropped (the fixture's `lost`): the client sees a network error.
    let posts = 0;
    const decide = fixture.faults.decide.bind(fixture.faults);
    fixture.faults.decide = (method: string, pathname: string, number: number): FaultDecision => {
      if (method === 'POST' && ++posts % 5 === 0) return { delayMs: 0, fault: 'lost', status: 0, retryAfter: 0 };
      return decide(method, pathname, number);
    };
    // The child is killed synchronously inside the fixture's commit: the write is stored, its answer never leaves.
    const loop = createKillLoop(fixture.url, dataDir);
    const recordWrite = fixture.world.recordWrite.bind(fixture.world);
    fixture.world.recordWrite = (write) => {
      recordWrite(write);
      loop.noteCommitted();
    };

    const plan = [{ afterWrites: 1 }, { afterWrites: 17 }, { afterMs: 400, atMostWrites: 40 }, { afterWrites: 33 }, { afterWrites: 3 }, { afterWrites: 48 }, { afterWrites: 29 }];
    expect(await loop.runPlan(plan)).toEqual(Array<string>(plan.length).fill('killed'));
    expect(loop.committed).toBeLessThan(220);
    expect(await loop.finish()).toBe('done');

    // The fixture stored each write once: 200 messages (the repeated texts as often as they were written), 20 bids.
    const writes = ((await (await fetch(`${fixture.url}/__fixture/writes`)).json()) as { writes: FixtureWrite[] }).writes.slice(writesBefore);
    const sentMessages = writes.filter((write) => write.kind === 'message');
    expect(sentMessages).toHaveLength(200);
    for (const threadId of threads) {
      const numeric = Number(threadId.replace('thr_fl-', ''));
      expect(sentMessages.filter((write) => write.thread_id === numeric).map((write) => write.message)).toEqual(
        messages.filter((message) => message.threadId === threadId).map((message) => message.body),
      );
    }
    const sentBids = writes.filter((write) => write.kind === 'bid');
    expect(sentBids.map((write) => `prj_fl-${write.project_id}`).sort()).toEqual(bids.map((bid) => bid.projectId).sort());
    expect(writes.filter((write) => write.kind !== 'message' && write.kind !== 'bid')).toEqual([]);

    const check = new Database(path.join(dataDir, workspaceFileName));
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(check.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
    expect(check.prepare("SELECT count(*) AS n FROM messages WHERE state != 'synced'").get()).toEqual({ n: 0 });
    // Each message once in the workspace too, under Freelancer's id.
    for (const write of sentMessages) expect(check.prepare('SELECT count(*) AS n FROM messages WHERE id = ?').get(`msg_fl-${write.id}`), String(write.id)).toEqual({ n: 1 });
    // Each bid kept under the proposal drafted here (its letters and terms), submitted, and not twice.
    for (const bid of bids) {
      expect(check.prepare('SELECT status, amount_minor AS amountMinor FROM proposals WHERE id = ?').get(bid.id)).toEqual({ status: 'submitted', amountMinor: bid.amountMinor });
      expect(check.prepare('SELECT count(*) AS n FROM proposals WHERE project_id = ?').get(bid.projectId)).toEqual({ n: 1 });
    }
    check.close();
  }, 180_000);
});
