/**
 * `npm run bench -- portfolio`: a second machine's first sync of a portfolio whose images only the platform
 * holds. Reports how fast the core brings them (GET /v1/uploads, hash check, temp file + rename) and how long
 * portfolio calls take meanwhile (the renderer's lists must stay responsive while images arrive).
 *  - portfolio.image_downloads: 60 images of 256 KiB on 3 items, from sign-in to the last image stored.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { contract } from '../../../shared/contract';
import type { ImageDownloadProgress } from '../../../shared/contract/portfolio';
import { createBridge, createClient } from '../../../shared/rpc/bridge';
import { createInProcessPair } from '../../../shared/rpc/transport';
import { openCore } from '../../../electron/core/core';
import { startPlatformServer } from '../../platform/server';
import type { BenchOptions } from '../run';
import { percentile, round } from '../stats';

const images = 60;
const imageBytes = 256 * 1024;
const perItem = 20;

export const runBench = async ({ emit }: BenchOptions): Promise<void> => {
  const platform = await startPlatformServer({ seed: 7, scale: 'demo', rateLimit: false });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bottega-bench-portfolio-'));
  try {
    const items = platform.store.db
      .prepare("SELECT id FROM records WHERE type = 'portfolio_item' AND owner = ? AND deleted = 0 ORDER BY id LIMIT 3")
      .all(platform.users.demo.id) as { id: string }[];
    const hashes: string[] = [];
    for (let index = 0; index < images; index++) {
      const bytes = randomBytes(imageBytes);
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
      const hash = createHash('sha256').update(bytes).digest('hex');
      platform.store.saveUpload(hash, 'image/png', bytes);
      hashes.push(hash);
    }
    items.forEach((item, index) => platform.actors.edit('portfolio_item', item.id, { image_ids: hashes.slice(index * perItem, (index + 1) * perItem) }));

    const core = await openCore({ dataDir, host: 'web', version: 'bench', platformUrl: platform.url });
    const [near, far] = createInProcessPair();
    core.serve(far);
    const client = createClient(contract, createBridge(contract, near));
    const finished = new Promise<ImageDownloadProgress>((resolve) => {
      client.on('imageDownloadsChanged', (progress) => {
        if (!progress.active && progress.total > 0 && progress.done + progress.failed >= progress.total) resolve(progress);
      });
    });
    const started = performance.now();
    await client.sync.signIn({ email: platform.users.demo.email, password: platform.users.demo.password });
    // What the list does while images arrive: read the items, as often as a busy UI would.
    const latencies: number[] = [];
    let done = false;
    const probing = (async () => {
      while (!done) {
        const asked = performance.now();
        await client.portfolio.listItems({});
        latencies.push(performance.now() - asked);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    const progress = await finished;
    const seconds = (performance.now() - started) / 1000;
    done = true;
    await probing;
    emit({
      bench: 'portfolio.image_downloads',
      images: progress.done,
      failed: progress.failed,
      image_kib: imageBytes / 1024,
      seconds: round(seconds, 2),
      images_per_s: round(progress.done / seconds, 2),
      mib_per_s: round((progress.done * imageBytes) / 1024 / 1024 / seconds, 2),
      list_calls: latencies.length,
      list_p50_ms: round(percentile(latencies, 50), 2),
      list_p99_ms: round(percentile(latencies, 99), 2),
      list_max_ms: round(Math.max(...latencies), 2),
    });
    core.close();
  } finally {
    await platform.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
};
