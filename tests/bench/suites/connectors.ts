/**
 * `npm run bench -- connectors [--scale large|demo]`: the first sync of a Freelancer account through the
 * connector (HTTP on loopback to the fixture, the API's envelopes, mapping and validation, SQLite with its
 * indexes and full-text triggers), against the plainest loader of the same pages measured in the same run (pages
 * fetched before its clock starts; JSON.parse, positional INSERTs in 1,000-row transactions, full-text indexes
 * built after; no HTTP, no validation). Then the steady state: an hour of polling with nothing new on a simulated
 * clock, its requests and the core's CPU. Goals (issue #14): ratio ≥ 0.6, RSS ≤ 300 MB, ≤ 5 CPU-seconds an hour.
 * Three sync and loader pairs, the median ratio reported (`pairs`).
 *
 * `large` is the fixture's bench scale: 20,000 projects, 2,000 threads, 100,000 messages. The fixture is anchored
 * 30 days ahead so that the whole feed lies in the backfill window (the last 30 days of the core's clock).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { openWritableDatabase } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { pauseInsightsMaintenance, resumeInsightsMaintenance } from '../../../electron/core/db/repositories/insights-maintenance';
import { startFreelancerFixture } from '../../platform/freelancer/server';
import { bundledChild } from '../../support/bundled-child';
import type { BenchOptions } from '../run';
import { round } from '../stats';

const run = promisify(execFile);

type Json = Record<string, unknown>;
type Resources = 'projects' | 'bids' | 'threads' | 'messages';
type Pages = Record<Resources, Json[]>;

/**
 * Every page the connector's first sync asks for, in its shapes (the same projections), fetched up front as
 * the bytes the API sent (text): the loader parses them on its clock, as the connector has to.
 */
const fetchPages = async (url: string, token: string, fromTime: number, jobIds: number[]): Promise<Record<Resources, string[]>> => {
  const all = async (route: string, params: Record<string, string | string[]>, items: string): Promise<string[]> => {
    const pages: string[] = [];
    for (let offset = 0; ; offset += 100) {
      const query = new URLSearchParams({ limit: '100', offset: String(offset) });
      for (const [name, value] of Object.entries(params)) for (const item of [value].flat()) query.append(name, item);
      const text = await (await fetch(`${url}/api${route}?${query}`, { headers: { 'freelancer-oauth-v1': token } })).text();
      pages.push(text);
      if (((JSON.parse(text) as { result: Json }).result[items] as unknown[]).length < 100) return pages;
    }
  };
  const owners = { user_details: 'true', user_country_details: 'true', user_status: 'true', user_employer_reputation: 'true' };
  return {
    projects: await all('/projects/0.1/projects/active/', { from_time: String(fromTime), 'jobs[]': jobIds.map(String), full_description: 'true', job_details: 'true', ...owners }, 'projects'),
    bids: await all('/projects/0.1/bids/', { 'bidders[]': '1000001', project_details: 'true', full_description: 'true', job_details: 'true', ...owners }, 'bids'),
    threads: await all('/messages/0.1/threads/', { last_message: 'true', message_count: 'true', user_details: 'true', user_country_details: 'true', user_status: 'true' }, 'threads'),
    messages: await all('/messages/0.1/messages/', {}, 'messages'),
  };
};

const iso = (seconds: unknown): string => new Date(Number(seconds) * 1000).toISOString();
const entries = (map: unknown): [string, Json][] => (Array.isArray(map) || map === null || map === undefined ? [] : Object.entries(map as Record<string, Json>));

const ftsTables = ['projects', 'messages', 'clients'];
const countedTables = ['projects', 'clients', 'threads', 'messages', 'proposals', 'proposal_variants'];
const countRows = (db: Database.Database): Record<string, number> =>
  Object.fromEntries(countedTables.map((table) => [table, (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n]));

/** The plainest fast loader of the same pages: its seconds and the rows it left, to check it did the same work. */
const measureLimit = async (texts: Record<Resources, string[]>, dir: string, selfId: number): Promise<{ seconds: number; counts: Record<string, number> }> => {
  const file = path.join(dir, 'limit.sqlite');
  const db = openWritableDatabase(file);
  await migrate(db, { file, migrations });
  db.pragma('synchronous = NORMAL');
  for (const table of ftsTables) for (const op of ['insert', 'delete', 'update']) db.exec(`DROP TRIGGER ${table}_fts_${op}`);
  db.prepare("INSERT INTO accounts (id, platform, label, base_url, created_at) VALUES ('acc_1', 'freelancer', 'Freelancer', 'http://127.0.0.1', ?)").run(new Date().toISOString());
  const started = performance.now();
  // JSON.parse on the clock, as in sync.initial's loader: the connector cannot store a page it has not parsed.
  const parse = (list: string[]): Json[] => list.map((text) => (JSON.parse(text) as { result: Json }).result);
  const pages: Pages = { projects: parse(texts.projects), bids: parse(texts.bids), threads: parse(texts.threads), messages: parse(texts.messages) };
  // The insights triggers aside and their columns filled set-based after the load, as the connector's first sync does.
  pauseInsightsMaintenance(db);
  const at = new Date().toISOString();
  const version = Date.now();
  const insert = {
    project: db.prepare(
      `INSERT OR REPLACE INTO projects (id, version, client_id, title, description, language, category, kind, currency, budget_min_minor, budget_max_minor,
         skills, country, remote, bid_count, status, posted_at, updated_at, raw, fetched_at, account_id) VALUES (${'?, '.repeat(20)}'acc_1')`,
    ),
    client: db.prepare(
      `INSERT OR REPLACE INTO clients (id, version, name, country, city, primary_language, languages, reputation, reviews_count, payment_verified,
         projects_posted, registered_at, updated_at, raw, fetched_at, account_id) VALUES (${'?, '.repeat(15)}'acc_1')`,
    ),
    thread: db.prepare(
      `INSERT INTO threads (id, version, context, project_id, client_id, subject, members, unread_count, is_read, muted, message_count, last_message_at,
         created_at, updated_at, raw, fetched_at, account_id) VALUES (${'?, '.repeat(16)}'acc_1')`,
    ),
    message: db.prepare(
      `INSERT INTO messages (id, version, thread_id, sender_id, from_me, body, attachments, sent_at, state, raw, fetched_at, account_id)
       VALUES (?, ?, ?, ?, ?, ?, '[]', ?, 'synced', ?, ?, 'acc_1')`,
    ),
    proposal: db.prepare(
      `INSERT INTO proposals (id, version, project_id, status, kind, currency, amount_minor, period_days, default_locale, submitted_at, created_at, updated_at,
         raw, fetched_at, account_id) VALUES (${'?, '.repeat(14)}'acc_1')`,
    ),
    variant: db.prepare('INSERT INTO proposal_variants (proposal_id, locale, body_json, body_text, updated_at) VALUES (?, ?, ?, ?, ?)'),
  };
  const wanted = new Set<number>();
  const users = new Map<number, Json>();
  const project = (p: Json, owners: unknown): void => {
    const currency = String((p.currency as Json).code).toUpperCase();
    const budget = (p.budget ?? {}) as { minimum?: number; maximum?: number | null };
    const ownerId = Number(p.owner_id);
    const owner = entries(owners).find(([id]) => Number(id) === ownerId)?.[1];
    const country = String((((owner?.location as Json | undefined)?.country as Json | undefined)?.code ?? 'xx')).toUpperCase();
    const skills = JSON.stringify(((p.jobs as Json[] | null) ?? []).map((job) => job.name));
    insert.project.run(`prj_fl-${p.id}`, version, `cli_fl-${ownerId}`, p.title, p.description ?? p.preview_description ?? '', p.language ?? 'und', 'other', p.type,
      currency, Math.round((budget.minimum ?? 0) * 100), budget.maximum == null ? null : Math.round(budget.maximum * 100), skills, country, 1,
      (p.bid_stats as Json | undefined)?.bid_count ?? 0, 'open', iso(p.time_submitted), iso(p.time_updated ?? p.time_submitted), JSON.stringify(p), at);
  };
  const remember = (map: unknown): void => {
    for (const [id, user] of entries(map)) if (Number(id) !== selfId) users.set(Number(id), user);
  };
  let batch: (() => void)[] = [];
  const flush = db.transaction(() => {
    for (const row of batch) row();
  });
  const add = (row: () => void): void => {
    batch.push(row);
    if (batch.length === 1000) {
      flush.immediate();
      batch = [];
    }
  };
  for (const page of pages.projects) {
    remember(page.users);
    for (const p of page.projects as Json[]) {
      wanted.add(Number(p.owner_id));
      add(() => project(p, page.users));
    }
  }
  for (const page of pages.bids) {
    remember(page.users);
    for (const bid of page.bids as Json[]) {
      const p = (page.projects as Record<string, Json>)[String(bid.project_id)]!;
      wanted.add(Number(p.owner_id));
      add(() => {
        project(p, page.users);
        const id = `prp_fl-${bid.id}`;
        const language = String(p.language ?? 'und');
        insert.proposal.run(id, version, `prj_fl-${bid.project_id}`, bid.retracted ? 'withdrawn' : 'submitted', p.type, String((p.currency as Json).code).toUpperCase(),
          Math.round(Number(bid.amount) * 100), bid.period, language, iso(bid.time_submitted), iso(bid.time_submitted), iso(bid.time_submitted), JSON.stringify(bid), at);
        insert.variant.run(id, language, JSON.stringify(bid.description ?? ''), bid.description ?? '', iso(bid.time_submitted));
      });
    }
  }
  for (const page of pages.threads) {
    remember(page.users);
    for (const item of page.threads as Json[]) {
      const thread = item.thread as Json;
      const other = ((thread.members as number[]) ?? []).find((member) => member !== selfId) ?? Number(thread.owner);
      wanted.add(other);
      const context = thread.context as Json | undefined;
      add(() =>
        insert.thread.run(`thr_fl-${thread.id}`, version, 'project', context?.id ? `prj_fl-${context.id}` : null, `cli_fl-${other}`, '',
          JSON.stringify(((thread.members as number[]) ?? []).map((member) => (member === selfId ? `usr_fl-${member}` : `cli_fl-${member}`))),
          item.is_read ? 0 : 1, item.is_read ? 1 : 0, 0, item.message_count ?? 0, iso(item.time_updated), iso(thread.time_created), iso(item.time_updated), JSON.stringify(item), at),
      );
    }
  }
  for (const page of pages.messages) {
    for (const m of page.messages as Json[]) {
      const from = Number(m.from_user);
      add(() => insert.message.run(`msg_fl-${m.id}`, version, `thr_fl-${m.thread_id}`, from === selfId ? `usr_fl-${from}` : `cli_fl-${from}`, from === selfId ? 1 : 0, m.message ?? '', iso(m.time_created), JSON.stringify(m), at));
    }
  }
  for (const [id, user] of users) {
    if (!wanted.has(id)) continue;
    const location = (user.location ?? {}) as Json;
    add(() =>
      insert.client.run(`cli_fl-${id}`, version, user.display_name ?? user.username, String(((location.country as Json | undefined)?.code ?? 'xx')).toUpperCase(), location.city ?? null,
        user.primary_language ?? 'und', JSON.stringify([user.primary_language ?? 'und']), 0, 0, 0, 0, iso(user.registration_date ?? 0), at, JSON.stringify(user), at),
    );
  }
  flush.immediate();
  resumeInsightsMaintenance(db);
  for (const table of ftsTables) db.exec(`INSERT INTO ${table}_fts(${table}_fts) VALUES ('rebuild')`);
  const seconds = (performance.now() - started) / 1000;
  const counts = countRows(db);
  db.close();
  return { seconds, counts };
};

/** Sync and loader pairs per run: each ratio is of two measurements next to each other in time (this machine's
 * speed drifts by a fifth from one minute to the next), and the median of the pairs is reported. */
const pairs = 3;

type Polling = { rounds: number; requests: number; cpuMs: number };
type SyncReport = { rows: number; pages: number; seconds: number; cpuSeconds: number; mainCpuSeconds: number; idleSeconds: number; peakRssMb: number; maxStallMs: number; active?: Polling; idle?: Polling };

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export const runBench = async ({ scale, emit }: BenchOptions): Promise<void> => {
  const dir = mkdtempSync(path.join(tmpdir(), 'bottega-bench-connectors-'));
  const fixtureScale = scale === 'large' ? 'bench' : scale;
  const anchor = Math.floor(Date.now() / 1000) + 30 * 86_400;
  const fixture = await startFreelancerFixture({ seed: 7, scale: fixtureScale, anchor, warm: true });
  try {
    // The core as the app runs it: bundled (its worker threads beside it), not compiled module by module through tsx.
    const child = await bundledChild(path.join(import.meta.dirname, '../connectors-child.ts'));
    // The same pages the connector asks for, fetched once, before any of the plain loader's clocks start.
    const fromTime = Math.floor(Date.now() / 1000) - 30 * 86_400;
    const self = ((await (await fetch(`${fixture.url}/api/users/0.1/self/?jobs=true`, { headers: { 'freelancer-oauth-v1': fixture.token } })).json()) as { result: { jobs: { id: number }[] } }).result;
    const pages = await fetchPages(fixture.url, fixture.token, fromTime, self.jobs.map((job) => job.id));
    const runs: { sync: SyncReport; limitSeconds: number; counts: Record<string, number> }[] = [];
    for (let index = 0; index < pairs; index += 1) {
      const workspace = mkdtempSync(path.join(dir, 'workspace-'));
      // The hour of polling with nothing new after the last first sync only.
      const mode = index === pairs - 1 ? 'poll' : 'sync';
      const { stdout } = await run(process.execPath, [child, fixture.url, workspace, fixture.token, mode], { maxBuffer: 1024 * 1024 });
      const sync = JSON.parse(stdout.trim().split('\n').at(-1)!) as SyncReport;
      const limit = await measureLimit(pages, mkdtempSync(path.join(dir, 'limit-')), fixture.selfId);
      const synced = new Database(path.join(workspace, 'workspace.sqlite'), { readonly: true });
      const counts = countRows(synced);
      synced.close();
      if (JSON.stringify(counts) !== JSON.stringify(limit.counts)) {
        throw new Error(`the limit and the sync loaded different rows: ${JSON.stringify({ sync: counts, limit: limit.counts })}`);
      }
      runs.push({ sync, limitSeconds: limit.seconds, counts });
    }
    const ratios = runs.map((entry) => entry.limitSeconds / entry.sync.seconds);
    const middle = runs[ratios.indexOf(median(ratios))]!;
    const { sync } = middle;
    emit({
      bench: 'connectors.freelancer.initial',
      scale: fixtureScale,
      rows: sync.rows,
      pages: sync.pages,
      tables: middle.counts,
      // The pair with the median ratio; every pair's ratio beside it.
      seconds: round(sync.seconds),
      rows_per_s: Math.round(sync.rows / sync.seconds),
      limit_seconds: round(middle.limitSeconds),
      ratio: round(median(ratios)),
      ratios: ratios.map((ratio) => round(ratio)),
      // The core's CPU over the sync (all its threads), its main thread's share and idle time (waiting on pages).
      core_cpu_seconds: round(sync.cpuSeconds),
      main_cpu_seconds: round(sync.mainCpuSeconds),
      main_idle_seconds: round(sync.idleSeconds),
      // The highest of the runs.
      core_peak_rss_mb: Math.round(Math.max(...runs.map((entry) => entry.sync.peakRssMb))),
      max_stall_ms: round(sync.maxStallMs, 1),
    });
    const polled = runs.at(-1)!.sync;
    for (const activity of ['active', 'idle'] as const) {
      const polling = polled[activity]!;
      emit({
        bench: `connectors.freelancer.idle_polling.${activity}`,
        simulated_minutes: 60,
        rounds: polling.rounds,
        requests_per_min: round(polling.requests / 60, 2),
        cpu_ms_per_min: round(polling.cpuMs / 60, 1),
        cpu_s_per_hour: round(polling.cpuMs / 1000, 2),
      });
    }
  } finally {
    await fixture.close();
    rmSync(dir, { recursive: true, force: true });
  }
};
