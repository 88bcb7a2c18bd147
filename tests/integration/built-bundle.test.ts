import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MainConfigFactory, loadConfigFromFile } from 'electron-vite';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import { createBridge, createClient } from '../../shared/rpc/bridge';
import { createListeners, type Transport } from '../../shared/rpc/transport';
import { workspaceFileName } from '../../electron/core/core';
import { createWorkerParser, feedParserWorkerUrl } from '../../electron/core/sync/feed-parser';
import { signIn, useCoreHarness, waitForStatus } from '../support/core-harness';
import { png } from './portfolio/harness';

/**
 * The code users run is the bundle, not the sources: main built once here as `electron-vite build` does (the
 * app's electron.vite.config.ts, electron-vite's own plugins, only the folder differs), then checked from there.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
// Inside the repository, so that the built files find node_modules (better-sqlite3 stays external) as in out/.
const outDir = path.join(root, 'node_modules/.cache', `bottega-main-build-${process.pid}`);
const childScript = fileURLToPath(new URL('../support/built-core-child.ts', import.meta.url));

beforeAll(async () => {
  const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, path.join(root, 'electron.vite.config.ts'));
  const main = loaded.config.main!;
  mkdirSync(outDir, { recursive: true });
  await build(await new MainConfigFactory({ ...main, build: { ...main.build, outDir } }, { mode: 'production', logLevel: 'silent' }, { root }).build());
}, 120_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const { makeTempDir, startPlatform } = useCoreHarness();

const page = new TextEncoder().encode(
  JSON.stringify({
    changes: [{ type: 'project', op: 'delete', id: 'prj_000009', version: 4, data: null }],
    next_cursor: 'c2',
    has_more: false,
  }),
);

type FromChild = { type: 'loaded' } | { type: 'core'; message: { type: string; level?: string; message?: string } } | { type: 'rpc'; frame: unknown };

/** out/main/core.js in a plain Node process of its own, spoken to through the contract as a window would. */
const startBuiltCore = async (dataDir: string, platformUrl: string) => {
  const child: ChildProcess = fork(childScript, [path.join(outDir, 'core.js')], {
    execArgv: ['--experimental-strip-types', '--disable-warning=ExperimentalWarning'],
    serialization: 'advanced',
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const fromCore: FromChild[] = [];
  const frames = createListeners<[unknown]>();
  const closed = createListeners<[]>();
  const arrived = createListeners<[]>();
  child.on('message', (message: FromChild) => {
    if (message.type === 'rpc') frames.emit(message.frame);
    else {
      fromCore.push(message);
      arrived.emit();
    }
  });
  child.on('exit', () => closed.emit());
  const waitFor = (predicate: (message: FromChild) => boolean, what: string): Promise<FromChild> =>
    new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = fromCore.find(predicate);
        if (found) resolve(found);
        return Boolean(found);
      };
      if (check()) return;
      const stopArrived = arrived.add(() => check() && (stopArrived(), stopClosed()));
      const stopClosed = closed.add(() => reject(new Error(`the built core exited before ${what}: ${stderr}`)));
    });

  await waitFor((message) => message.type === 'loaded', 'loading');
  child.send({ type: 'host', data: { type: 'init', dataDir, version: 'built', platformUrl } });
  const opened = await waitFor((message) => message.type === 'core' && ['ready', 'failed'].includes(message.message.type), 'opening the workspace');
  child.send({ type: 'connect' });
  const transport: Transport = {
    send: (frame) => child.send({ type: 'rpc', frame }),
    subscribe: frames.add,
    onClose: closed.add,
    close: () => undefined,
  };
  const stop = async (): Promise<number | null> => {
    if (child.exitCode !== null) return child.exitCode;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.send({ type: 'host', data: { type: 'shutdown' } });
    return exited;
  };
  return { client: createClient(contract, createBridge(contract, transport)), opened, fromCore, stop, stderr: () => stderr };
};

describe('the built main bundle', () => {
  it('emits the feed parser worker next to the bundle that asks for it, and it runs from there', async () => {
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
  });

  it('runs as the core in plain Node: opens a workspace, syncs, exports a proposal PDF, imports an image', async () => {
    const platform = await startPlatform();
    const core = await startBuiltCore(makeTempDir(), platform.url);
    try {
      expect(core.opened).toMatchObject({ type: 'core', message: { type: 'ready' } });
      const { client } = core;
      expect(await signIn(client, platform)).toEqual({ ok: true });
      const synced = await waitForStatus(client, (s) => s.phase === 'idle' && s.lastSyncAt !== null);
      expect(synced).toMatchObject({ connection: 'online', lastError: null });
      const projects = await client.feed.listProjects({ limit: 1, sort: 'newest' });
      expect(projects.items).toHaveLength(1);

      const { id } = await client.proposals.createDraft({ projectId: projects.items[0]!.id, locale: 'de' });
      const letter = 'Grüße aus München: Angebot für Ihr Projekt.';
      const bodyJson = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: letter }] }] });
      await client.proposals.saveVariant({ id, locale: 'de', bodyJson, bodyText: letter });
      const pdf = await client.proposals.exportPdf({ id, locale: 'de' });
      const bytes = Buffer.from(pdf.base64, 'base64');
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(bytes.byteLength).toBeGreaterThan(1000);
      expect(pdf.fileName).toBe(`proposal-${id}-de.pdf`);

      const image = await client.portfolio.importImage({ name: 'built.png', base64: png(7).toString('base64') });
      expect(image).toMatchObject({ mime: 'image/png', size: 64, name: 'built.png' });
      expect(await client.portfolio.getImage({ hash: image.hash })).toEqual({
        state: 'local',
        mime: 'image/png',
        dataUrl: `data:image/png;base64,${png(7).toString('base64')}`,
      });

      // The first sync ran its pages through the built worker: nothing in the log says it fell back to parsing inline.
      const logLines = core.fromCore.flatMap((message) => (message.type === 'core' && message.message.type === 'log' ? [message.message.message ?? ''] : []));
      expect(logLines.filter((line) => /inline|worker/i.test(line))).toEqual([]);
      expect(await core.stop()).toBe(0);
    } finally {
      await core.stop();
    }
    expect(core.stderr()).toBe('');
  });
});
