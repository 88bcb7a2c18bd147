/**
 * `npm run bench -- sync [--scale large|demo|N]`: the first sync end to end (HTTP on loopback, JSON,
 * validation, SQLite with indexes and FTS ready) against the physical limit of this machine measured in the
 * same run: the same pages parsed and loaded by the plainest code (1,000-row transactions, FTS built after,
 * no HTTP, no validation). Then realtime latency (a message posted on the platform until it is committed here)
 * and push throughput (1,000 queued writes drained).
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { changesEnvelopePageSchema } from '../../../shared/platform/changes';
import { contract } from '../../../shared/contract';
import { createBridge, createClient } from '../../../shared/rpc/bridge';
import { createInProcessPair } from '../../../shared/rpc/transport';
import { openCore } from '../../../electron/core/core';
import { openWritableDatabase } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { pauseInsightsMaintenance, resumeInsightsMaintenance } from '../../../electron/core/db/repositories/insights-maintenance';
import { insertPendingMessage } from '../../../electron/core/db/repositories/messages-repository';
import { enqueueWrite } from '../../../electron/core/sync/writes/enqueue-write';
import { createFileSecretStore } from '../../../electron/core/secrets/secret-store';
import { createPlatformClient } from '../../../electron/core/sync/platform-client';
import { pushOutbox } from '../../../electron/core/sync/push';
import { newPlatformId } from '../../../electron/core/sync/write-unit';
import { createSession } from '../../../electron/core/sync/session';
import { chromium } from '@playwright/test';
import Database from 'better-sqlite3';
import { chromiumLaunchOptions } from '../../e2e/chromium';
import { seedPlatform } from '../../platform/seed';
import { startPlatformServer } from '../../platform/server';
import { PlatformStore } from '../../platform/store';
import type { BenchOptions } from '../run';
import { percentile, round } from '../stats';

const run = promisify(execFile);

export const signIn = async (url: string, user: { email: string; password: string }): Promise<string> => {
  const response = await fetch(`${url}/v1/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'password', username: user.email, password: user.password }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
};

export const fetchAllPages = async (url: string, token: string): Promise<string[]> => {
  const pages: string[] = [];
  let cursor: string | undefined;
  for (;;) {
    const query = new URLSearchParams({ limit: '1000', ...(cursor ? { cursor } : {}) });
    const text = await (await fetch(`${url}/v1/changes?${query}`, { headers: { authorization: `Bearer ${token}` } })).text();
    pages.push(text);
    const page = JSON.parse(text) as { next_cursor: string; has_more: boolean };
    cursor = page.next_cursor;
    if (!page.has_more) return pages;
  }
};

type Data = Record<string, unknown>;
const flag = (value: unknown): number => (value ? 1 : 0);
const json = (value: unknown): string => JSON.stringify(value);
type PlainTable = { table: string; columns: string; row: (d: Data) => unknown[] };

/**
 * Each record type's columns as plain code would write them: the platform already sends UTC instants, JSON
 * arrays go in as text and `raw` is the record as received. No shared mapping with the app, on purpose.
 */
const plainTables: Record<string, PlainTable> = {
  project: {
    table: 'projects',
    columns: 'id, version, client_id, title, description, language, category, kind, currency, budget_min_minor, budget_max_minor, skills, country, remote, bid_count, status, deadline, posted_at, updated_at',
    row: (d) => {
      const budget = d.budget as { currency: string; min_minor: number; max_minor: number | null };
      return [d.id, d.version, d.client_id, d.title, d.description, d.language, d.category, d.kind, budget.currency, budget.min_minor, budget.max_minor, json(d.skills), d.country, flag(d.remote), d.bid_count, d.status, d.deadline, d.posted_at, d.updated_at];
    },
  },
  client: {
    table: 'clients',
    columns: 'id, version, name, company, country, city, primary_language, languages, reputation, reviews_count, payment_verified, projects_posted, registered_at, updated_at',
    row: (d) => [d.id, d.version, d.name, d.company, d.country, d.city, d.primary_language, json(d.languages), d.reputation, d.reviews_count, flag(d.payment_verified), d.projects_posted, d.registered_at, d.updated_at],
  },
  thread: {
    table: 'threads',
    columns: 'id, version, context, project_id, client_id, subject, members, unread_count, is_read, muted, message_count, last_message_at, created_at, updated_at',
    row: (d) => [d.id, d.version, d.context, d.project_id, d.client_id, d.subject, json(d.members), d.unread_count, flag(d.read), flag(d.muted), d.message_count, d.last_message_at, d.created_at, d.updated_at],
  },
  message: {
    table: 'messages',
    columns: 'id, version, thread_id, sender_id, from_me, body, attachments, sent_at, read_at',
    row: (d) => [d.id, d.version, d.thread_id, d.sender_id, flag(d.from_me), d.body, json(d.attachments), d.sent_at, d.read_at],
  },
  proposal: {
    table: 'proposals',
    columns: 'id, version, project_id, status, kind, currency, amount_minor, period_days, milestones, portfolio_item_ids, default_locale, sealed, paid_minor, submitted_at, decided_at, created_at, updated_at',
    row: (d) => [d.id, d.version, d.project_id, d.status, d.kind, d.currency, d.amount_minor, d.period_days, json(d.milestones), json(d.portfolio_item_ids), d.default_locale, flag(d.sealed), d.paid_minor, d.submitted_at, d.decided_at, d.created_at, d.updated_at],
  },
  portfolio_item: {
    table: 'portfolio_items',
    columns: 'id, version, skills, links, image_hashes, visibility, position, completed_on, default_locale, created_at, updated_at',
    row: (d) => [d.id, d.version, json(d.skills), json(d.links), json(d.image_ids), d.visibility, d.position, d.completed_on, d.default_locale, d.created_at, d.updated_at],
  },
  profile: {
    table: 'profile',
    columns: 'id, user_id, version, name, country, city, hourly_rate_minor, currency, skills, languages, avatar_id, default_locale, updated_at',
    row: (d) => [1, d.id, d.version, d.name, d.country, d.city, d.hourly_rate_minor, d.currency, json(d.skills), json(d.languages), d.avatar_id, d.default_locale, d.updated_at],
  },
  story: {
    table: 'stories',
    columns: 'id, version, author_name, author_country, profession, language, title, body, tags, likes, published_at, region, sector, tools',
    row: (d) => [d.id, d.version, d.author_name, d.author_country, d.profession, d.language, d.title, d.body, json(d.tags), d.likes, d.published_at, d.region, d.sector, json(d.tools)],
  },
  forum_topic: {
    table: 'forum_topics',
    columns: 'id, version, category, language, title, author_name, post_count, pinned, locked, last_post_at',
    row: (d) => [d.id, d.version, d.category, d.language, d.title, d.author_name, d.post_count, flag(d.pinned), flag(d.locked), d.last_post_at],
  },
  forum_post: {
    table: 'forum_posts',
    columns: 'id, version, topic_id, author_name, body, reply_to, created_at, author_id',
    row: (d) => [d.id, d.version, d.topic_id, d.author_name, d.body, d.reply_to, d.created_at, d.author_id],
  },
  event: {
    table: 'events',
    columns: 'id, version, title, description, language, format, starts_at, ends_at, time_zone, venue, city, country, online_url, organizer_name, cancelled',
    row: (d) => [d.id, d.version, d.title, d.description, d.language, d.format, d.starts_at, d.ends_at, d.time_zone, d.venue, d.city, d.country, d.online_url, d.organizer_name, flag(d.cancelled)],
  },
};
const ftsTables = ['projects', 'messages', 'clients', 'stories', 'forum_topics', 'forum_posts'];

/**
 * The physical limit: the same pages (fetched before the clock starts) parsed and bulk-loaded into the same
 * migrated schema by the plainest fast code: JSON.parse, positional INSERTs in 1,000-row transactions
 * (synchronous=NORMAL), FTS and insights triggers off, the search indexes and insights columns built after. No HTTP, no validation, no version checks. Returns its seconds
 * and the rows it left per table, so the caller can check it did the same work as the sync.
 */
export const measureLimit = async (pages: string[], dir: string): Promise<{ seconds: number; counts: Record<string, number> }> => {
  const file = path.join(dir, 'limit.sqlite');
  const db = openWritableDatabase(file);
  await migrate(db, { file, migrations });
  // What a bulk loader uses (and the app's first load too): WAL, commits that do not wait for the disk.
  db.pragma('synchronous = NORMAL');
  for (const table of ftsTables) {
    for (const op of ['insert', 'delete', 'update']) db.exec(`DROP TRIGGER ${table}_fts_${op}`);
  }
  const started = performance.now();
  // The insights triggers too, their columns filled set-based after the load (as the app's first load does).
  pauseInsightsMaintenance(db);
  const fetchedAt = new Date().toISOString();
  const inserts = new Map(
    Object.entries(plainTables).map(([type, t]) => {
      // The account every row belongs to, as the sync stamps it.
      const count = t.columns.split(',').length + 3;
      return [type, db.prepare(`INSERT INTO ${t.table} (${t.columns}, raw, fetched_at, account_id) VALUES (${'?, '.repeat(count - 1)}?)`)];
    }),
  );
  const deletes = new Map(Object.entries(plainTables).map(([type, t]) => [type, db.prepare(`DELETE FROM ${t.table} WHERE ${type === 'profile' ? 'user_id' : 'id'} = ?`)]));
  const variantInserts = {
    proposal: db.prepare('INSERT INTO proposal_variants (proposal_id, locale, body_json, body_text, source_locale, updated_at) VALUES (?, ?, ?, ?, ?, ?)'),
    portfolio_item: db.prepare('INSERT INTO portfolio_variants (item_id, locale, title, role, description, goal, solution, source_locale, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    profile: db.prepare('INSERT INTO profile_variants (locale, headline, bio, source_locale, updated_at) VALUES (?, ?, ?, ?, ?)'),
  };
  type Change = { type: string; op: string; id: string; data: Data | null };
  const insertVariants = (type: string, d: Data): void => {
    for (const [locale, v] of Object.entries(d.variants as Record<string, Data>)) {
      if (type === 'proposal') variantInserts.proposal.run(d.id, locale, json(v.cover_letter), v.cover_letter, v.source_locale, v.updated_at);
      else if (type === 'portfolio_item') variantInserts.portfolio_item.run(d.id, locale, v.title, v.role, v.description, v.goal, v.solution, v.source_locale, v.updated_at);
      else variantInserts.profile.run(locale, v.headline, v.bio, v.source_locale, v.updated_at);
    }
  };
  let batch: Change[] = [];
  const flush = db.transaction(() => {
    for (const change of batch) {
      if (change.data === null) {
        deletes.get(change.type)!.run(change.id);
        continue;
      }
      inserts.get(change.type)!.run(...plainTables[change.type]!.row(change.data), json(change.data), fetchedAt, 'acc_1');
      if (change.data.variants) insertVariants(change.type, change.data);
    }
  });
  for (const text of pages) {
    for (const change of (JSON.parse(text) as { changes: Change[] }).changes) {
      batch.push(change);
      if (batch.length === 1000) {
        flush.immediate();
        batch = [];
      }
    }
  }
  flush.immediate();
  resumeInsightsMaintenance(db);
  for (const table of ftsTables) db.exec(`INSERT INTO ${table}_fts(${table}_fts) VALUES ('rebuild')`);
  const seconds = (performance.now() - started) / 1000;
  const counts = countRows(db);
  db.close();
  return { seconds, counts };
};

const countedTables = [...Object.values(plainTables).map((t) => t.table), 'proposal_variants', 'portfolio_variants', 'profile_variants', 'project_skills'];
export const countRows = (db: Database.Database): Record<string, number> =>
  Object.fromEntries(countedTables.map((table) => [table, (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n]));

/**
 * The renderer during a first sync: web-host (the core in its own process) syncs while Chromium shows the
 * feed; the longest main-thread task of the page (PerformanceObserver long tasks) from the click on
 * "Sign in" until the indicator says synced.
 */
const measureUiDuringSync = async (
  platformUrl: string,
  user: { email: string; password: string },
  dir: string,
): Promise<{ longest_task_ms: number; long_tasks: number; threshold_ms: number; seconds: number }> => {
  const root = path.join(import.meta.dirname, '../../..');
  if (!existsSync(path.join(root, 'out/renderer/index.html'))) {
    await run(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.renderer.config.ts'], { cwd: root });
  }
  const host = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/web-host/cli.ts', '--data-dir', mkdtempSync(path.join(dir, 'ui-')), '--platform', platformUrl],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      host.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /Open (http:\/\/\S+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      host.once('exit', (code) => reject(new Error(`web-host exited with ${code}`)));
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    await page.goto(url);
    await page.getByTestId('nav-settings').click();
    const card = page.getByTestId('account-card');
    await card.locator('input[type=email]').fill(user.email);
    await card.locator('input[type=password]').fill(user.password);
    await page.evaluate(() => {
      const state = globalThis as unknown as { bottegaLongTasks: number[] };
      state.bottegaLongTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) state.bottegaLongTasks.push(entry.duration);
        // @ts-expect-error -- this runs in Chromium; Node's types do not list the browser-only 'longtask' entries
      }).observe({ type: 'longtask' });
    });
    const started = performance.now();
    await card.locator('button[type=submit]').click();
    await page.getByTestId('nav-feed').click();
    await page.getByTestId('sync-indicator').getByText(/^Synced/).waitFor({ timeout: 15 * 60_000 });
    const seconds = (performance.now() - started) / 1000;
    const tasks = await page.evaluate(() => (globalThis as unknown as { bottegaLongTasks: number[] }).bottegaLongTasks);
    // Chromium reports only tasks of 50 ms or more: 0 means none reached that.
    return { longest_task_ms: round(Math.max(0, ...tasks), 1), long_tasks: tasks.length, threshold_ms: 50, seconds: round(seconds) };
  } finally {
    await browser.close();
    host.kill('SIGTERM');
  }
};

export const runBench = async ({ scale, emit }: BenchOptions): Promise<void> => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bottega-bench-sync-'));
  try {
    const store = new PlatformStore(path.join(dir, 'platform.sqlite'));
    seedPlatform(store, { seed: 1, scale: /^\d+$/.test(scale) ? Number(scale) : scale });
    store.close();
    const server = await startPlatformServer({ dataDir: dir, rateLimit: false, simulation: true });
    try {
      const user = server.users.demo;
      const workspace = mkdtempSync(path.join(dir, 'workspace-'));
      const { stdout } = await run(
        process.execPath,
        ['--import', 'tsx', path.join(import.meta.dirname, '../sync-child.ts'), server.url, workspace, user.email, user.password],
        { maxBuffer: 1024 * 1024 },
      );
      const sync = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
        rows: number;
        seconds: number;
        maxTransactionMs: number;
        p99TransactionMs: number;
        peakRssMb: number;
        maxStallMs: number;
      };
      const pages = await fetchAllPages(server.url, await signIn(server.url, user));
      changesEnvelopePageSchema.parse(JSON.parse(pages[0]!));
      const limit = await measureLimit(pages, dir);
      // Both loads must have done the same work: the same rows in every table the feed fills.
      const synced = new Database(path.join(workspace, 'workspace.sqlite'), { readonly: true });
      const syncedCounts = countRows(synced);
      synced.close();
      if (JSON.stringify(syncedCounts) !== JSON.stringify(limit.counts)) {
        throw new Error(`the limit and the sync loaded different rows: ${JSON.stringify({ sync: syncedCounts, limit: limit.counts })}`);
      }
      const limitSeconds = limit.seconds;
      emit({
        bench: 'sync.initial',
        scale,
        rows: sync.rows,
        seconds: round(sync.seconds),
        rows_per_s: Math.round(sync.rows / sync.seconds),
        limit_seconds: round(limitSeconds),
        ratio: round(limitSeconds / sync.seconds),
        core_peak_rss_mb: Math.round(sync.peakRssMb),
        max_tx_ms: round(sync.maxTransactionMs, 1),
        p99_tx_ms: round(sync.p99TransactionMs, 1),
        // The longest the core's thread did not turn its event loop (a UI call waits at most this long).
        max_stall_ms: round(sync.maxStallMs, 1),
      });

      // Realtime: the core in this process, signed in and synced; the platform's side posts messages.
      const core = await openCore({ dataDir: path.join(dir, 'realtime'), host: 'web', version: 'bench', platformUrl: server.url });
      const [near, far] = createInProcessPair();
      core.serve(far);
      const client = createClient(contract, createBridge(contract, near));
      await client.sync.signIn({ email: user.email, password: user.password });
      while ((await client.sync.getStatus()).lastSyncAt === null) await new Promise((resolve) => setTimeout(resolve, 50));
      const thread = core.db.prepare('SELECT id FROM threads LIMIT 1').get() as { id: string };
      const hasMessage = core.db.prepare('SELECT 1 FROM messages WHERE id = ?');
      const latencies: number[] = [];
      for (let i = 0; i < 100; i++) {
        const started = performance.now();
        const message = server.actors.clientMessage(thread.id, `Bench message ${i}`);
        while (!hasMessage.get(message.id)) await new Promise((resolve) => setImmediate(resolve));
        latencies.push(performance.now() - started);
      }
      emit({ bench: 'sync.realtime', messages: latencies.length, p50_ms: round(percentile(latencies, 50), 1), p95_ms: round(percentile(latencies, 95), 1) });

      // Push: 1,000 writes queued offline, then drained (each a real POST with its idempotency key).
      core.sync.stop();
      const threads = (core.db.prepare('SELECT id FROM threads LIMIT 10').all() as { id: string }[]).map((t) => t.id);
      core.db.transaction(() => {
        for (let i = 0; i < 1000; i++) {
          const id = newPlatformId('message');
          const threadId = threads[i % threads.length]!;
          insertPendingMessage(core.db, { id, threadId, body: `Queued ${i}`, sentAt: new Date() });
          enqueueWrite(core.db, { entityType: 'message', entityId: id, op: 'post_message', payload: { threadId, id, body: `Queued ${i}` }, now: new Date() });
        }
      })();
      const session = createSession({ baseUrl: server.url, secrets: createFileSecretStore(path.join(dir, 'push-vault.json')) });
      await session.signIn(user.email, user.password);
      const pushClient = createPlatformClient({ baseUrl: server.url, tokens: session });
      const pushStarted = performance.now();
      // The account the threads came from (the one the core's sync made).
      const { accountId } = core.db.prepare('SELECT account_id AS accountId FROM threads WHERE id = ?').get(threads[0]) as { accountId: string };
      const pushed = await pushOutbox({ db: core.db, client: pushClient, accountId });
      const pushSeconds = (performance.now() - pushStarted) / 1000;
      if (pushed.kind !== 'done' || pushed.pushed !== 1000) throw new Error(`push ended with ${JSON.stringify(pushed)}`);
      emit({ bench: 'sync.push', writes: pushed.pushed, seconds: round(pushSeconds), writes_per_s: Math.round(pushed.pushed / pushSeconds) });
      core.close();

      emit({ bench: 'ui.sync.responsiveness', ...(await measureUiDuringSync(server.url, user, dir)) });
    } finally {
      await server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
