import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));

const cache = path.join(root, 'node_modules/.cache');

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Bundles left by test processes that have ended: Vitest ends its workers without their exit handlers. */
const sweepLeftovers = (): void => {
  mkdirSync(cache, { recursive: true });
  for (const entry of readdirSync(cache, { withFileTypes: true })) {
    const pid = /^bottega-child-.+-(\d+)$/.exec(entry.name)?.[1];
    if (entry.isDirectory() && pid !== undefined && !isRunning(Number(pid))) rmSync(path.join(cache, entry.name), { recursive: true, force: true });
  }
};

const bundle = async (script: string): Promise<string> => {
  const name = path.basename(script, '.ts');
  const outDir = path.join(cache, `bottega-child-${name}-${process.pid}`);
  sweepLeftovers();
  await build({
    configFile: false,
    root,
    logLevel: 'silent',
    // As electron.vite.config.ts builds the app: every package inlined but the native addon. Left external, zod
    // alone loaded as dozens of modules in each thread that starts (the page reader's start took a third longer).
    ssr: { noExternal: true, external: ['better-sqlite3'] },
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: 'node22',
      minify: false,
      rollupOptions: {
        input: {
          [name]: script,
          'feed-parser-worker': path.join(root, 'electron/core/sync/feed-parser-worker.ts'),
          'page-reader-worker': path.join(root, 'electron/core/connectors/freelancer/page-reader-worker.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  });
  process.once('exit', () => rmSync(outDir, { recursive: true, force: true }));
  return path.join(outDir, `${name}.js`);
};

const bundles = new Map<string, Promise<string>>();

/**
 * A child script for the kill tests bundled into one plain-JS file, once per test process. Those tests start a
 * child per round (30+ for crash.test.ts): through `--import tsx` each start compiled and resolved the core's
 * whole module graph again (core-sync-child.ts said ready after 3.9–10.0 s through tsx and 1.3–4.5 s bundled,
 * alternated on the loaded machine). The code is the same, and the app runs it bundled too. Inside the repository (under
 * node_modules/.cache) so that better-sqlite3, the one external package as in out/, resolves as from there.
 * The feed parser's worker is built beside it, where feedParserWorkerUrl looks for it in a build.
 *
 * Returns the bundled file for `script` (a path), built on first use in this process and removed after it.
 */
export const bundledChild = (script: string): Promise<string> => {
  let file = bundles.get(script);
  if (!file) bundles.set(script, (file = bundle(script)));
  return file;
};
