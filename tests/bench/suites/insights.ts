/**
 * `npm run bench -- insights [--scale large|demo|N]`: every insights call through the contract client on the
 * large workspace (100k projects, 500k messages, the seed's 2k proposals) with 20,000 more proposal histories
 * written as the property test writes them (tests/support/insights-history.ts: drafts, statuses, project
 * threads with 0–12 messages, milestones), i.e. about 20k more threads and 120k more messages.
 * One line per figure: `{"bench":"insights.<figure>","p50_ms","p95_ms","calls",...}`, 100 calls each over
 * periods from all time to the last 30 days, some naming the account. Goal: p95 ≤ 50 ms.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { contract } from '../../../shared/contract';
import { winRateDimensions, type InsightsFilter } from '../../../shared/contract/insights';
import { createBridge, createClient } from '../../../shared/rpc/bridge';
import { createInProcessPair } from '../../../shared/rpc/transport';
import { openCore, workspaceFileName } from '../../../electron/core/core';
import { openWritableDatabase } from '../../../electron/core/db/database';
import { generateInsightsWorld, insightsAccount, writeInsightsWorld } from '../../support/insights-history';
import { createRandom } from '../../support/random';
import type { BenchOptions } from '../run';
import { percentile, round } from '../stats';
import { buildWorkspace } from './workspace';

const histories = 20_000;
const calls = 100;

const addHistories = (dataDir: string): void => {
  const db = openWritableDatabase(path.join(dataDir, workspaceFileName));
  writeInsightsWorld(db, generateInsightsWorld(createRandom(16), { projects: histories, proposals: histories, generalThreads: 0, messagesPerThread: 12 }));
  db.pragma('optimize');
  db.close();
};

/** Periods as the UI offers them: all time, a year, a quarter, a month (ending at the data's end), sometimes with the account named. */
const filters = (): InsightsFilter[] => {
  const end = Date.parse('2027-01-01T00:00:00.000Z');
  const days = [null, 365, 90, 30];
  return Array.from({ length: calls }, (_, i) => {
    const span = days[i % days.length]!;
    return {
      from: span === null ? null : new Date(end - span * 86_400_000).toISOString(),
      to: span === null ? null : new Date(end).toISOString(),
      account: i % 3 === 0 ? insightsAccount : null,
    };
  });
};

export const runBench = async ({ scale, emit }: BenchOptions): Promise<void> => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bottega-bench-insights-'));
  try {
    await buildWorkspace(dataDir, scale);
    addHistories(dataDir);
    const core = await openCore({ dataDir, host: 'web', version: 'bench' });
    const [near, far] = createInProcessPair();
    core.serve(far);
    const client = createClient(contract, createBridge(contract, near));
    const count = (table: string): number => (core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const size = { proposals: count('proposals'), messages: count('messages'), threads: count('threads') };
    const periods = filters();

    const time = async (bench: string, call: (filter: InsightsFilter) => Promise<unknown>): Promise<void> => {
      await call(periods[0]!);
      const times: number[] = [];
      for (const filter of periods) {
        const started = performance.now();
        await call(filter);
        times.push(performance.now() - started);
      }
      emit({ bench, p50_ms: round(percentile(times, 50)), p95_ms: round(percentile(times, 95)), calls: times.length, goal_p95_ms: 50, ...size });
    };

    await time('insights.funnel', (filter) => client.insights.getFunnel({ filter }));
    for (const dimension of winRateDimensions) {
      await time(`insights.winRates.${dimension}`, (filter) => client.insights.getWinRates({ filter, dimension }));
    }
    await time('insights.replyTimes', (filter) => client.insights.getReplyTimes({ filter }));
    await time('insights.earnings', (filter) => client.insights.getEarnings({ filter }));
    await time('insights.bidCost', (filter) => client.insights.getBidCost({ filter }));
    await time('insights.bestHours', (filter) => client.insights.getBestHours({ filter, timeZone: 'Europe/Rome' }));
    core.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
};
