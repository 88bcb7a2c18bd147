/**
 * `npm run bench -- platform [--scale large|demo|N]`: seed generation time and feed throughput of the reference
 * platform. The feed is paged completely over loopback HTTP (limit 1000), each page parsed as a client would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { changesLimitMax } from '../../../shared/platform/changes';
import { seedPlatform } from '../../platform/seed';
import { startPlatformServer } from '../../platform/server';
import { PlatformStore } from '../../platform/store';
import type { BenchOptions } from '../run';
import { round } from '../stats';

const maxPages = 100_000;

export const runBench = async ({ scale, emit }: BenchOptions): Promise<void> => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bottega-bench-platform-'));
  try {
    const scaleValue = /^\d+$/.test(scale) ? Number(scale) : scale;
    const seedStarted = performance.now();
    const store = new PlatformStore(path.join(dataDir, 'platform.sqlite'));
    const seeded = seedPlatform(store, { seed: 1, scale: scaleValue });
    store.close();
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    emit({ bench: 'platform.seed', scale, seconds: round(seedSeconds), rows: seeded.rows, rows_per_s: Math.round(seeded.rows / seedSeconds) });

    // The server reuses the database just written instead of seeding again.
    const server = await startPlatformServer({ dataDir, rateLimit: false });
    try {
      const token = await signIn(server.url);
      const started = performance.now();
      let cursor: string | undefined;
      let changes = 0;
      let bytes = 0;
      let pages = 0;
      for (; pages < maxPages; ) {
        const query = new URLSearchParams({ limit: String(changesLimitMax), ...(cursor ? { cursor } : {}) });
        const response = await fetch(`${server.url}/v1/changes?${query}`, { headers: { authorization: `Bearer ${token}` } });
        if (response.status !== 200) throw new Error(`feed answered ${response.status}`);
        const text = await response.text();
        bytes += Buffer.byteLength(text);
        const page = JSON.parse(text) as { changes: unknown[]; next_cursor: string; has_more: boolean };
        changes += page.changes.length;
        pages += 1;
        cursor = page.next_cursor;
        if (!page.has_more) break;
      }
      const seconds = (performance.now() - started) / 1000;
      emit({
        bench: 'platform.feed',
        scale,
        changes,
        pages,
        mib: round(bytes / 1024 / 1024),
        seconds: round(seconds),
        changes_per_s: Math.round(changes / seconds),
      });
    } finally {
      await server.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
};

const signIn = async (url: string): Promise<string> => {
  const response = await fetch(`${url}/v1/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username: 'demo@bottega.test', password: 'bottega-demo' }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`sign-in failed with ${response.status}`);
  return body.access_token;
};
