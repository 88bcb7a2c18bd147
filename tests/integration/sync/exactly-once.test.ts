import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract';
import { createBridge, createClient } from '../../../shared/rpc/bridge';
import { createInProcessPair } from '../../../shared/rpc/transport';
import { openCore, workspaceFileName } from '../../../electron/core/core';
import { startPlatformServer, type PlatformServer } from '../../platform/server';
import { waitForStatus } from '../../support/core-harness';
import { createKillLoop } from '../../support/kill-loop';
import { readServerFeed } from '../../support/platform-view';
import { useTempDirs } from '../../support/temp-dir';

const makeTempDir = useTempDirs();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A Tiptap document as the editor stores it. */
const doc = (text: string): string => JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

/**
 * The exactly-once promise under the worst timing: 200 writes made offline (messages in four threads,
 * proposals created and edited, portfolio items created and edited), then the real core pushes them in a
 * child process that is killed with SIGKILL again and again: right after the platform committed a write and
 * before its answer left (the write is done, the app does not know it), and at a moment picked by the clock.
 * Each restart must send the same writes with the same keys; the platform's records show each once.
 */
describe('exactly once through kills', () => {
  it('200 offline writes reach the platform once each, in order per thread, though the pushing process is killed 6 times', async () => {
    const platformDir = makeTempDir();
    let platform: PlatformServer = await startPlatformServer({ seed: 7, scale: 'demo', simulation: true, rateLimit: false, dataDir: platformDir });
    const { port } = platform;
    const user = platform.users.demo;
    const dataDir = makeTempDir();
    const core = await openCore({ dataDir, host: 'web', version: 'test', validateOutput: true, platformUrl: platform.url });
    const [near, far] = createInProcessPair();
    core.serve(far);
    const client = createClient(contract, createBridge(contract, near));
    await client.sync.signIn({ email: user.email, password: user.password });
    await waitForStatus(client, (s) => s.phase === 'idle' && s.lastSyncAt !== null);

    const ids = (sql: string): string[] => (core.db.prepare(sql).all() as { id: string }[]).map((row) => row.id);
    const threads = ids('SELECT id FROM threads ORDER BY id LIMIT 4');
    const openProjects = ids(
      `SELECT id FROM projects WHERE status = 'open' AND id NOT IN (SELECT project_id FROM proposals)
         AND json_array_length(COALESCE(json_extract(raw, '$.questions'), '[]')) = 0 ORDER BY id LIMIT 17`,
    );
    const submitted = ids("SELECT id FROM proposals WHERE status = 'submitted' AND version IS NOT NULL ORDER BY id LIMIT 3");
    const items = ids('SELECT id FROM portfolio_items WHERE version IS NOT NULL ORDER BY id LIMIT 5');
    expect([threads.length, openProjects.length, submitted.length, items.length]).toEqual([4, 17, 3, 5]);
    const versionsBefore = new Map(
      (core.db.prepare('SELECT id, version FROM proposals UNION ALL SELECT id, version FROM portfolio_items').all() as { id: string; version: number }[]).map(
        (row) => [row.id, row.version],
      ),
    );

    // Offline: 150 messages, 17 proposals drafted and submitted, 3 submitted ones changed, 25 items made, 5 edited.
    await platform.close();
    // Taken in turn (a kind that ran out is skipped), so every kind is spread over the outbox.
    const remaining = { create: 17, item: 25, edit: 3, 'edit item': 5 };
    const others: (keyof typeof remaining)[] = [];
    while (others.length < 50) {
      for (const kind of Object.keys(remaining) as (keyof typeof remaining)[]) {
        if (remaining[kind] > 0 && (kind.startsWith('edit') ? others.length % 3 === 0 : true)) {
          remaining[kind]--;
          others.push(kind);
        }
      }
    }
    const messages: { id: string; threadId: string; body: string }[] = [];
    const created: { id: string; periodDays: number; letter: string }[] = [];
    const edited: { id: string; periodDays: number }[] = [];
    const madeItems: { id: string; title: string }[] = [];
    const editedItems: { id: string; title: string }[] = [];
    for (let i = 0; messages.length < 150; i++) {
      const threadId = threads[i % threads.length]!;
      const body = `Offline #${i} — grazie, à bientôt, schöne Grüße`;
      messages.push({ id: (await client.messages.sendMessage({ threadId, body })).id, threadId, body });
      // After every third message, one of the other kinds of write, so the outbox interleaves them.
      if (i % 3 !== 2) continue;
      const kind = others[Math.floor(i / 3)];
      if (kind === 'create') {
        const projectId = openProjects[created.length]!;
        const { id } = await client.proposals.createDraft({ projectId, locale: 'en' });
        const letter = `Dear client, I would be glad to take on this project (${created.length}).`;
        await client.proposals.saveVariant({ id, locale: 'en', bodyJson: doc(letter), bodyText: letter });
        const periodDays = 10 + created.length;
        await client.proposals.saveTerms({ id, kind: 'fixed', amountMinor: 100_000 + created.length, periodDays, milestones: [] });
        expect(await client.proposals.submitProposal({ id })).toMatchObject({ queued: true });
        created.push({ id, periodDays, letter });
      } else if (kind === 'edit') {
        const id = submitted[edited.length]!;
        const before = (await client.proposals.getProposal({ id }))!;
        const periodDays = (before.periodDays ?? 7) + 3;
        await client.proposals.saveTerms({ id, kind: before.kind, amountMinor: before.amountMinor, periodDays, milestones: before.milestones });
        expect(await client.proposals.submitProposal({ id })).toMatchObject({ queued: true });
        edited.push({ id, periodDays });
      } else if (kind === 'item') {
        const title = `Offline item ${madeItems.length}`;
        const item = await client.portfolio.saveItem({
          id: null,
          defaultLocale: 'it',
          variants: [{ locale: 'it', title, role: 'Sviluppatrice', description: 'Fatto offline', goal: '', solution: '', sourceLocale: null }],
        });
        madeItems.push({ id: item.id, title });
      } else if (kind === 'edit item') {
        const id = items[editedItems.length]!;
        const item = (await client.portfolio.getItem({ id }))!;
        const title = `Edited offline ${editedItems.length}`;
        await client.portfolio.saveItem({
          id,
          defaultLocale: item.defaultLocale,
          skills: item.skills,
          links: item.links,
          imageHashes: item.imageHashes,
          visibility: item.visibility,
          completedOn: item.completedOn,
          variants: item.variants.map((variant) => ({
            locale: variant.locale,
            title: variant.locale === item.defaultLocale ? title : variant.title,
            role: variant.role,
            description: variant.description,
            goal: variant.goal,
            solution: variant.solution,
            sourceLocale: variant.sourceLocale,
          })),
        });
        editedItems.push({ id, title });
      }
    }
    expect([created.length, edited.length, madeItems.length, editedItems.length]).toEqual([17, 3, 25, 5]);
    const outbox = core.db.prepare('SELECT op, entity_id AS entityId, idempotency_key AS key FROM outbox ORDER BY seq').all() as {
      op: string;
      entityId: string;
      key: string;
    }[];
    expect(outbox).toHaveLength(200);
    expect(new Set(outbox.map((row) => row.op))).toEqual(new Set(['post_message', 'create_proposal', 'update_proposal', 'put_portfolio_item']));
    core.close();

    // Back online. The platform counts the writes it commits; the child is killed at chosen counts.
    platform = await startPlatformServer({ port, dataDir: platformDir, simulation: true, rateLimit: false });
    cleanups.push(() => platform.close());
    const keysBefore = new Set(
      (platform.store.db.prepare('SELECT key FROM idempotency WHERE user_id = ?').all(user.id) as { key: string }[]).map((row) => row.key),
    );
    const loop = createKillLoop(platform.url, dataDir);
    const saveIdempotent = platform.store.saveIdempotent.bind(platform.store);
    platform.store.saveIdempotent = (...args) => {
      saveIdempotent(...args);
      loop.noteCommitted();
    };

    const plan = [{ afterWrites: 1 }, { afterWrites: 17 }, { afterMs: 150, atMostWrites: 30 }, { afterWrites: 33 }, { afterWrites: 48 }, { afterWrites: 29 }];
    expect(await loop.runPlan(plan)).toEqual(Array<string>(plan.length).fill('killed'));
    expect(loop.committed).toBeLessThan(200);
    expect(await loop.finish()).toBe('done');

    // The platform applied each write once: exactly our 200 keys, every one accepted, no other.
    const applied = (platform.store.db.prepare('SELECT key, status FROM idempotency WHERE user_id = ?').all(user.id) as { key: string; status: number }[]).filter(
      (row) => !keysBefore.has(row.key),
    );
    expect(applied.map((row) => row.key).sort()).toEqual(outbox.map((row) => row.key).sort());
    expect(applied.filter((row) => row.status >= 300)).toEqual([]);

    const feed = await readServerFeed(platform.url, user);
    const serverMessages = [...feed.get('message')!.values()].map((record) => record.data as { id: string; thread_id: string; body: string; sent_at: string });
    for (const threadId of threads) {
      const onServer = serverMessages
        .filter((m) => m.thread_id === threadId && m.body.startsWith('Offline #'))
        .sort((a, b) => a.sent_at.localeCompare(b.sent_at) || a.id.localeCompare(b.id));
      const ours = messages.filter((m) => m.threadId === threadId);
      expect(onServer.map((m) => [m.id, m.body])).toEqual(ours.map((m) => [m.id, m.body]));
    }
    const proposals = feed.get('proposal')!;
    for (const proposal of created) {
      const record = proposals.get(proposal.id)!;
      expect(record.version).toBe(1);
      expect(record.data).toMatchObject({ status: 'submitted', period_days: proposal.periodDays, variants: { en: { cover_letter: proposal.letter } } });
    }
    for (const proposal of edited) {
      const record = proposals.get(proposal.id)!;
      expect(record.version).toBe(versionsBefore.get(proposal.id)! + 1);
      expect(record.data).toMatchObject({ period_days: proposal.periodDays });
    }
    const portfolio = feed.get('portfolio_item')!;
    for (const item of madeItems) {
      expect(portfolio.get(item.id)).toMatchObject({ version: 1, data: { variants: { it: { title: item.title } } } });
    }
    for (const item of editedItems) {
      const record = portfolio.get(item.id)!;
      expect(record.version).toBe(versionsBefore.get(item.id)! + 1);
      const data = record.data as { default_locale: string; variants: Record<string, { title: string }> };
      expect(data.variants[data.default_locale]!.title).toBe(item.title);
    }

    const check = new Database(path.join(dataDir, workspaceFileName));
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(check.prepare('SELECT count(*) AS n FROM outbox').get()).toEqual({ n: 0 });
    expect(check.prepare('SELECT count(*) AS n FROM conflicts').get()).toEqual({ n: 0 });
    expect(check.prepare("SELECT count(*) AS n FROM messages WHERE state != 'synced'").get()).toEqual({ n: 0 });
    check.close();
  }, 180_000);
});
