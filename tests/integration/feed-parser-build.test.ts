import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MainConfigFactory, loadConfigFromFile } from 'electron-vite';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { workspaceFileName } from '../../electron/core/core';
import { createWorkerParser, feedParserWorkerUrl } from '../../electron/core/sync/feed-parser';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Inside the repository, so that the built files find node_modules (better-sqlite3 stays external) as in out/.
const outDir = path.join(root, 'node_modules/.cache', `bottega-main-build-${process.pid}`);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const page = new TextEncoder().encode(
  JSON.stringify({
    changes: [{ type: 'project', op: 'delete', id: 'prj_000009', version: 4, data: null }],
    next_cursor: 'c2',
    has_more: false,
  }),
);

describe('the feed parser worker in the build', () => {
  it('is emitted next to the bundle that asks for it, and runs from there', async () => {
    // The app's own main-process build (electron.vite.config.ts), into a folder of its own.
    const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, path.join(root, 'electron.vite.config.ts'));
    const main = loaded.config.main!;
    mkdirSync(outDir, { recursive: true });
    // What `electron-vite build` does for main (same config, same built-in plugins), only the folder differs.
    await build(await new MainConfigFactory({ ...main, build: { ...main.build, outDir } }, { mode: 'production', logLevel: 'silent' }, { root }).build());

    // The bundle whose code computes the worker's address: from there, the address must name an emitted file.
    const bundles = [outDir, path.join(outDir, 'chunks')]
      .filter((dir) => existsSync(dir))
      .flatMap((dir) => readdirSync(dir).filter((file) => file.endsWith('.js')).map((file) => path.join(dir, file)));
    const asking = bundles.filter((file) => readFileSync(file, 'utf8').includes('./feed-parser-worker.js'));
    expect(asking.map((file) => path.relative(outDir, file))).toEqual(['core.js']);
    const url = feedParserWorkerUrl(pathToFileURL(asking[0]!).href);
    expect(existsSync(fileURLToPath(url))).toBe(true);

    // Started from the built file (its chunks and better-sqlite3 resolved as the utility process would).
    const logged: string[] = [];
    const parser = createWorkerParser({ databaseFile: `/nonexistent/${workspaceFileName}`, workerUrl: url, log: (message) => logged.push(message) });
    try {
      expect(parser.thread).toBe('worker');
      expect(await parser.parse(page)).toMatchObject({ ok: true, nextCursor: 'c2', items: [{ op: 'delete', id: 'prj_000009' }] });
      expect(parser.thread).toBe('worker');
    } finally {
      parser.close();
    }
    expect(logged).toEqual([]);
  }, 120_000);
});
