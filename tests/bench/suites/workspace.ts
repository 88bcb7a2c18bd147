/**
 * `npm run bench -- workspace [--scale large|demo|N]`: the workspace's read paths on a full-size local cache
 * (large: 100k projects, 500k messages), loaded straight from a seeded platform store into a migrated
 * workspace (FTS built once after the load, as the first sync does).
 *  - search.messages: 200 queries of one to three words drawn with Zipf frequencies from the corpus (common
 *    words included), first 50 hits newest first, through the contract client.
 *  - query.feed: 200 filtered and sorted first pages (100 rows) through the contract client: what the feed
 *    paints first. The page carries the total only when it is the last one; otherwise the renderer asks for it
 *    next, timed as query.feed.count (those first pages only), and query.feed.total is the two together (the
 *    time until the exact total shows, for all 200).
 *  - ui.feed.open / ui.thread.open: in Chromium against web-host, from the click on the navigation until the
 *    first rows (or the newest message of a 10,000-message thread) are painted.
 *  - ui.feed.scroll: the longest main-thread task (PerformanceObserver long tasks, which Chromium reports from
 *    50 ms) while the 100k-row feed is flicked through frame after frame (300 px a frame, a fast wheel; a jump
 *    a fifth of the way down every 40 frames, as when dragging the scrollbar; pages fetched as they come into
 *    view), the list alone and then beside an open project (the resizable split).
 * Environment, for one's own repeated runs (the seeding takes a minute or more):
 *  - BOTTEGA_BENCH_WORKSPACE_CACHE=<folder>: the seeded workspace is kept there after the first run (per scale)
 *    and copied from it afterwards (per schema version). Delete the folder after changing the seed or the loader.
 *  - BOTTEGA_BENCH_RENDERER_DIR=<folder>: the web host serves that renderer build instead of out/renderer (e.g.
 *    `npx vite build --config vite.renderer.config.ts --outDir <folder> --sourcemap` of one's own change).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { contract } from '../../../shared/contract';
import { emptyFeedFilter, type FeedFilter, type ProjectSort } from '../../../shared/domain/project';
import { foldText } from '../../../shared/domain/search-text';
import type { RecordType } from '../../../shared/platform/records';
import { createBridge, createClient } from '../../../shared/rpc/bridge';
import { createInProcessPair } from '../../../shared/rpc/transport';
import { openCore, workspaceFileName } from '../../../electron/core/core';
import { openWritableDatabase } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { finishBulkLoad, pauseFullTextIndexing, resumeFullTextIndexing } from '../../../electron/core/db/repositories/fts-maintenance';
import { applyRecord } from '../../../electron/core/db/repositories/platform-records-repository';
import { ensureTestAccount } from '../../support/test-account';
import { chromiumLaunchOptions } from '../../e2e/chromium';
import { seedPlatform } from '../../platform/seed';
import { PlatformStore } from '../../platform/store';
import { startWebHostIn } from '../../e2e/web-host-process';
import type { BenchOptions } from '../run';
import { percentile, round } from '../stats';
import { createRandom } from '../../support/random';

const loadTypes: readonly RecordType[] = ['profile', 'client', 'project', 'proposal', 'thread', 'message'];

/** Every record of the seeded platform into a fresh workspace, in 5,000-row transactions. */
export const buildWorkspace = async (dataDir: string, scale: string): Promise<{ longThreadId: string }> => {
  const store = new PlatformStore(path.join(dataDir, 'platform.sqlite'));
  seedPlatform(store, { seed: 1, scale: /^\d+$/.test(scale) ? Number(scale) : scale, anchor: new Date().toISOString() });
  const file = path.join(dataDir, workspaceFileName);
  const db = openWritableDatabase(file);
  await migrate(db, { file, migrations });
  pauseFullTextIndexing(db);
  const accountId = ensureTestAccount(db);
  const fetchedAt = new Date().toISOString();
  for (const type of loadTypes) {
    const rows = store.db.prepare<[string], { data: string }>('SELECT data FROM records WHERE type = ? AND deleted = 0 ORDER BY seq').iterate(type);
    let batch: unknown[] = [];
    const flush = db.transaction(() => {
      for (const data of batch) applyRecord(db, type, data as never, fetchedAt, accountId);
    });
    for (const row of rows) {
      batch.push(JSON.parse(row.data));
      if (batch.length === 5_000) {
        flush.immediate();
        batch = [];
      }
    }
    flush.immediate();
  }
  // One conversation of 10,000 messages, as a long-running client relationship would have.
  const longThreadId = (db.prepare('SELECT id FROM threads ORDER BY last_message_at DESC LIMIT 1').get() as { id: string }).id;
  const insert = db.prepare(
    `INSERT INTO messages (id, version, thread_id, sender_id, from_me, body, sent_at, state, raw, fetched_at)
     VALUES (?, 1, ?, 'cli_bench', ?, ?, ?, 'synced', '{}', ?)`,
  );
  const start = Date.now() - 10_000 * 60_000;
  db.transaction(() => {
    for (let i = 0; i < 10_000; i++) {
      insert.run(`msg_bench${i}`, longThreadId, i % 2, `Message ${i} of a long conversation about the project`, new Date(start + i * 60_000).toISOString(), fetchedAt);
    }
  })();
  resumeFullTextIndexing(db);
  finishBulkLoad(db);
  db.pragma('optimize');
  db.close();
  store.close();
  return { longThreadId };
};

/** Words of the message corpus by frequency; queries draw ranks with P(r) ∝ 1/r, so common words come up often. */
const buildVocabulary = (dataDir: string): string[] => {
  const db = openWritableDatabase(path.join(dataDir, workspaceFileName));
  const counts = new Map<string, number>();
  for (const { body } of db.prepare('SELECT body FROM messages WHERE pk % 50 = 0').iterate() as Iterable<{ body: string }>) {
    for (const word of foldText(body).match(/[\p{L}\p{N}]{2,}/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  db.close();
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([word]) => word);
};

const zipfPicker = (size: number, random: () => number) => {
  const weights = Array.from({ length: size }, (_, rank) => 1 / (rank + 1));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return (): number => {
    let target = random() * total;
    for (let rank = 0; rank < size; rank++) {
      target -= weights[rank]!;
      if (target <= 0) return rank;
    }
    return size - 1;
  };
};

const measure = async (runs: number, call: (index: number) => Promise<unknown>): Promise<number[]> => {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await call(i);
    times.push(performance.now() - started);
  }
  return times;
};

/** Exported so a workspace built once (buildWorkspace) can be timed many times on a shared machine. */
export const runQueries = async (dataDir: string, emit: BenchOptions['emit']): Promise<void> => {
  const core = await openCore({ dataDir, host: 'web', version: 'bench' });
  const [near, far] = createInProcessPair();
  core.serve(far);
  const client = createClient(contract, createBridge(contract, near));
  const random = createRandom(7);

  const vocabulary = buildVocabulary(dataDir);
  const pick = zipfPicker(Math.min(vocabulary.length, 5_000), random);
  const queries = Array.from({ length: 200 }, () =>
    Array.from({ length: 1 + Math.floor(random() * 3) }, () => vocabulary[pick()]!).join(' '),
  );
  await client.messages.searchMessages({ text: queries[0]!, limit: 50 });
  const search = await measure(queries.length, (i) => client.messages.searchMessages({ text: queries[i]!, limit: 50 }));
  emit({ bench: 'search.messages', p50_ms: round(percentile(search, 50)), p95_ms: round(percentile(search, 95)), queries: queries.length, messages: (core.db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n });

  const facets = await client.feed.getFacets();
  const sorts: ProjectSort[] = ['newest', 'budget', 'bids', 'match'];
  const filters: FeedFilter[] = Array.from({ length: 200 }, (_, i) => {
    const filter: FeedFilter = { ...emptyFeedFilter };
    if (i % 2 === 0) filter.languages = [facets.languages[Math.floor(random() * facets.languages.length)]!.value];
    if (i % 3 === 0) filter.skills = [facets.skills[Math.floor(random() * Math.min(40, facets.skills.length))]!.value];
    if (i % 4 === 0) filter.kind = random() < 0.5 ? 'fixed' : 'hourly';
    if (i % 5 === 0) Object.assign(filter, { currency: 'EUR', budgetMinMinor: 50_000 });
    if (i % 6 === 0) filter.postedWithinDays = 30;
    if (i % 7 === 0) filter.statuses = ['open'];
    if (i % 8 === 0) filter.countries = [facets.countries[Math.floor(random() * facets.countries.length)]!.value];
    if (i % 10 === 0) filter.text = vocabulary[pick()]!;
    return filter;
  });
  const feed: number[] = [];
  const counts: number[] = [];
  const totals: number[] = [];
  for (const [i, filter] of filters.entries()) {
    const started = performance.now();
    const page = await client.feed.listProjects({ offset: 0, limit: 100, sort: sorts[i % sorts.length]!, filter });
    const paged = performance.now();
    feed.push(paged - started);
    if (page.total === null) {
      await client.feed.countProjects({ filter });
      counts.push(performance.now() - paged);
    }
    totals.push(performance.now() - started);
  }
  const projects = (core.db.prepare('SELECT count(*) AS n FROM projects').get() as { n: number }).n;
  emit({ bench: 'query.feed', p50_ms: round(percentile(feed, 50)), p95_ms: round(percentile(feed, 95)), queries: filters.length, projects });
  emit({ bench: 'query.feed.count', p50_ms: round(percentile(counts, 50)), p95_ms: round(percentile(counts, 95)), queries: counts.length, projects });
  emit({ bench: 'query.feed.total', p50_ms: round(percentile(totals, 50)), p95_ms: round(percentile(totals, 95)), queries: filters.length, projects });
  core.close();
};

/**
 * Time in the page from the click to the frame after the selector appears (the first paint that shows it).
 * Written as page source: this file is compiled for Node, without the DOM's types.
 */
const timeToPaint = async (page: Page, click: string, selector: string): Promise<number> =>
  page.evaluate(`new Promise((resolve) => {
    const started = performance.now();
    const check = () => {
      if (document.querySelector(${JSON.stringify(selector)})) requestAnimationFrame(() => resolve(performance.now() - started));
      else requestAnimationFrame(check);
    };
    document.querySelector(${JSON.stringify(click)}).click();
    check();
  })`);

/**
 * Flicks the feed's scroller for `frames` animation frames and answers the long tasks seen meanwhile and in the
 * second after (the pages fetched on the way render then). Written as page source, like timeToPaint.
 */
const scrollFeed = async (page: Page, frames: number): Promise<{ longest: number; count: number }> =>
  page.evaluate(`new Promise((resolve) => {
    const tasks = [];
    const observer = new PerformanceObserver((list) => { for (const entry of list.getEntries()) tasks.push(entry.duration); });
    observer.observe({ type: 'longtask' });
    const scroller = document.querySelector('[role="feed"]');
    let frame = 0;
    const tick = () => {
      if (frame === ${frames}) {
        setTimeout(() => { observer.disconnect(); resolve({ longest: Math.max(0, ...tasks), count: tasks.length }); }, 1000);
        return;
      }
      scroller.scrollTop += frame % 40 === 39 ? scroller.scrollHeight / 5 : 300;
      frame++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })`);

const runUi = async (dataDir: string, longThreadId: string, emit: BenchOptions['emit']): Promise<void> => {
  const rendererDir = process.env['BOTTEGA_BENCH_RENDERER_DIR'];
  const host = await startWebHostIn(dataDir, rendererDir ? ['--renderer-dir', rendererDir] : []);
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(host.url);
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-select').waitFor();
    // Once to warm the engine's statement cache, then measured.
    await timeToPaint(page, '[data-testid="nav-feed"]', '[data-testid="project-row"]');
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('language-select').waitFor();
    const feedMs = await timeToPaint(page, '[data-testid="nav-feed"]', '[data-testid="project-row"]');
    emit({ bench: 'ui.feed.open', ms: round(feedMs, 1) });

    const alone = await scrollFeed(page, 160);
    await page.locator('[role="feed"]').evaluate('(scroller) => { scroller.scrollTop = 0; }');
    await page.getByTestId('project-row').first().click();
    await page.getByTestId('project-detail').waitFor();
    const beside = await scrollFeed(page, 160);
    emit({
      bench: 'ui.feed.scroll',
      longest_task_ms: round(Math.max(alone.longest, beside.longest), 1),
      long_tasks: alone.count + beside.count,
      longest_alone_ms: round(alone.longest, 1),
      longest_beside_detail_ms: round(beside.longest, 1),
      threshold_ms: 50,
      frames: 320,
    });

    // A link to the long thread, clicked like a thread in the list.
    await page.evaluate(`(() => {
      const link = document.createElement('a');
      link.href = ${JSON.stringify(`#/messages/${longThreadId}`)};
      link.id = 'bench-thread-link';
      document.body.append(link);
    })()`);
    const threadMs = await timeToPaint(page, '#bench-thread-link', '[data-message-id="msg_bench9999"]');
    emit({ bench: 'ui.thread.open', ms: round(threadMs, 1), messages: 10_000 });
  } finally {
    await browser.close();
    await host.stop();
  }
};

/** The seeded workspace from BOTTEGA_BENCH_WORKSPACE_CACHE when it holds one of this scale, else built (and kept there). */
const prepareWorkspace = async (dataDir: string, scale: string): Promise<{ longThreadId: string; cached: boolean }> => {
  const cacheRoot = process.env['BOTTEGA_BENCH_WORKSPACE_CACHE'];
  // Per schema version too: a workspace seeded before a new migration would be migrated at every start.
  const schema = Math.max(...migrations.map((migration) => migration.version));
  const cacheDir = cacheRoot ? path.join(path.resolve(cacheRoot), `scale-${scale}-schema-${schema}`) : null;
  const metaFile = cacheDir && path.join(cacheDir, 'bench-workspace.json');
  if (metaFile && existsSync(metaFile)) {
    copyFileSync(path.join(cacheDir, workspaceFileName), path.join(dataDir, workspaceFileName));
    return { ...(JSON.parse(readFileSync(metaFile, 'utf8')) as { longThreadId: string }), cached: true };
  }
  const built = await buildWorkspace(dataDir, scale);
  if (cacheDir && metaFile) {
    // Closed by buildWorkspace (its write-ahead log checkpointed into the file), so the one file is the workspace.
    mkdirSync(cacheDir, { recursive: true });
    copyFileSync(path.join(dataDir, workspaceFileName), path.join(cacheDir, workspaceFileName));
    writeFileSync(metaFile, JSON.stringify(built));
  }
  return { ...built, cached: false };
};

export const runBench = async ({ scale, emit }: BenchOptions): Promise<void> => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bottega-bench-workspace-'));
  try {
    const started = performance.now();
    const { longThreadId, cached } = await prepareWorkspace(dataDir, scale);
    emit({ bench: 'workspace.setup', scale, ms: round(performance.now() - started, 0), ...(cached ? { cached: true } : {}) });
    await runQueries(dataDir, emit);
    await runUi(dataDir, longThreadId, emit);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
};
