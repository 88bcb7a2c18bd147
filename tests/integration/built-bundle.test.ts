import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MainConfigFactory, PreloadConfigFactory, loadConfigFromFile } from 'electron-vite';
import yaml from 'js-yaml';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import { slugOf } from '../../shared/domain/slug';
import { createBridge, createClient } from '../../shared/rpc/bridge';
import { createListeners, type Transport } from '../../shared/rpc/transport';
import { workspaceFileName } from '../../electron/core/core';
import { createFreelancerClient } from '../../electron/core/connectors/freelancer/api-client';
import { freelancerPageRequests } from '../../electron/core/connectors/freelancer/endpoints';
import { createWorkerPageSource, pageReaderWorkerUrl } from '../../electron/core/connectors/freelancer/page-source';
import { createWorkerParser, feedParserWorkerUrl } from '../../electron/core/sync/feed-parser';
import { signIn, useCoreHarness, waitForStatus } from '../support/core-harness';
import { startFreelancerFixture } from '../platform/freelancer/server';
import { png } from './portfolio/harness';

/**
 * The code users run is the bundle, not the sources: main built once here as `electron-vite build` does (the
 * app's electron.vite.config.ts, electron-vite's own plugins, only the folder differs), then checked from there.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
// Inside the repository, so that the built files find node_modules (better-sqlite3 stays external) as in out/.
// It stands for out/: main/ and preload/ as electron-vite emits them.
const buildRoot = path.join(root, 'node_modules/.cache', `bottega-build-${process.pid}`);
const outDir = path.join(buildRoot, 'main');
const preloadDir = path.join(buildRoot, 'preload');
const childScript = fileURLToPath(new URL('../support/built-core-child.ts', import.meta.url));

beforeAll(async () => {
  const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, path.join(root, 'electron.vite.config.ts'));
  const { main, preload } = loaded.config;
  mkdirSync(outDir, { recursive: true });
  const options = { mode: 'production', logLevel: 'silent' } as const;
  await build(await new MainConfigFactory({ ...main!, build: { ...main!.build, outDir } }, options, { root }).build());
  await build(await new PreloadConfigFactory({ ...preload!, build: { ...preload!.build, outDir: preloadDir } }, options, { root }).build());
}, 120_000);
afterAll(() => rmSync(buildRoot, { recursive: true, force: true }));

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

/** The built main bundle's files: its entries and their chunks. */
const builtFiles = (): string[] =>
  [outDir, path.join(outDir, 'chunks')]
    .filter((dir) => existsSync(dir))
    .flatMap((dir) => readdirSync(dir).filter((file) => file.endsWith('.js')).map((file) => path.join(dir, file)));

describe('the built main bundle', () => {
  it('emits the feed parser worker next to the bundle that asks for it, and it runs from there', async () => {
    // The bundle whose code computes the worker's address: from there, the address must name an emitted file.
    const asking = builtFiles().filter((file) => readFileSync(file, 'utf8').includes('./feed-parser-worker.js'));
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

  it('emits the Freelancer page reader worker next to the bundle that asks for it, and it reads a page from there', async () => {
    const asking = builtFiles().filter((file) => readFileSync(file, 'utf8').includes('./page-reader-worker.js'));
    expect(asking.map((file) => path.relative(outDir, file))).toEqual(['core.js']);
    const url = pageReaderWorkerUrl(pathToFileURL(asking[0]!).href);
    expect(existsSync(fileURLToPath(url))).toBe(true);

    const fixture = await startFreelancerFixture({ seed: 3, scale: 'tiny' });
    const logged: string[] = [];
    const client = createFreelancerClient({ apiRoot: `${fixture.url}/api`, token: () => fixture.token });
    const pages = createWorkerPageSource(client, { workerUrl: url, log: (message) => logged.push(message) });
    try {
      const request = freelancerPageRequests.getMessages({ limit: 5, offset: 0, fromUpdatedTime: null });
      const answer = await pages.read({ resource: 'messages', request, context: { selfId: fixture.selfId, observedAtMs: 1_000 } });
      if (!answer.ok) throw new Error(JSON.stringify(answer.error));
      expect(answer.value.count).toBe(5);
      expect([0, 1, 2, 3, 4].flatMap((index) => answer.value.records(index)).map((record) => record.ok && record.type)).toEqual(Array<string>(5).fill('message'));
    } finally {
      pages.close();
      await fixture.close();
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
      expect(pdf.fileName).toBe(`proposal-${slugOf(projects.items[0]!.title)}-de.pdf`);

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

  it('is packaged whole by electron-builder.yml: every file the bundles load, the worker, the fonts, the native addon, the locales', () => {
    const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as { files: string[]; asarUnpack: string[] };
    const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    // electron-builder adds package.json and the production dependencies to `files` whatever it says, and
    // always leaves out (among others) what these default ignores name.
    const patterns = [...config.files, 'package.json', '**/node_modules/**/*'];
    const excluded = [
      ...patterns.filter((pattern) => pattern.startsWith('!')).map((pattern) => pattern.slice(1)),
      '**/node_modules/*/{CHANGELOG.md,README.md,README,readme.md,readme}',
      '**/node_modules/*/{test,__tests__,tests,powered-test,example,examples}/**',
      '**/node_modules/*.d.ts',
      '**/node_modules/.bin/**',
    ];
    const packaged = (file: string): boolean =>
      patterns.some((pattern) => !pattern.startsWith('!') && path.matchesGlob(file, pattern)) &&
      !excluded.some((pattern) => path.matchesGlob(file, pattern)) &&
      // Only production dependencies are copied.
      (!file.startsWith('node_modules/') || Object.hasOwn(packageJson.dependencies, file.split('/')[1]!));
    const asOut = (file: string): string => path.posix.join('out', path.relative(buildRoot, file).split(path.sep).join('/'));

    // Everything built, as it lands in out/, with what each file loads by relative path or by package name.
    const built = [outDir, path.join(outDir, 'chunks'), preloadDir]
      .filter((dir) => existsSync(dir))
      .flatMap((dir) => readdirSync(dir).filter((file) => /\.c?js$/.test(file)).map((file) => path.join(dir, file)));
    const needed = new Set<string>();
    const packages = new Set<string>();
    const resolved = new Set<string>();
    for (const file of built) {
      expect(packaged(asOut(file)), asOut(file)).toBe(true);
      const code = readFileSync(file, 'utf8');
      // Every relative path to a script the code names: its imports, its chunks, the worker it starts.
      for (const [, relative] of code.matchAll(/["'](\.{1,2}\/[\w./-]+\.c?js)["']/g)) {
        // electron-log's own renderer preload, used only by log.initialize() (Bottega never calls it), and
        // written to the profile by electron-log when missing.
        if (relative !== '../renderer/electron-log-preload.js') needed.add(path.resolve(path.dirname(file), relative!));
      }
      for (const [, specifier] of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*)["']([^."'/][^"']*)["']/g)) {
        if (/^(@[a-z0-9._-]+\/)?[a-z0-9._-]+(\/[\w./-]+)?$/.test(specifier!) && !isBuiltin(specifier!) && specifier !== 'electron') packages.add(specifier!);
      }
      for (const [, specifier] of code.matchAll(/\.resolve\(\s*["']([^."'/][^"']*)["']\s*\)/g)) resolved.add(specifier!);
    }
    // What main opens by path (electron/main/index.ts): the preload, the core's entry, the renderer.
    const main = readFileSync(path.join(outDir, 'index.js'), 'utf8');
    for (const reference of ['../preload/index.cjs', 'core.js', '../renderer']) expect(main, reference).toContain(`"${reference}"`);
    needed.add(path.join(preloadDir, 'index.cjs'));
    needed.add(path.join(outDir, 'core.js'));
    expect([...needed].some((file) => file.endsWith('feed-parser-worker.js'))).toBe(true);
    expect([...needed].some((file) => file.endsWith('page-reader-worker.js'))).toBe(true);
    for (const file of needed) {
      expect(existsSync(file), `${asOut(file)} is loaded but not built`).toBe(true);
      expect(packaged(asOut(file)), `${asOut(file)} is loaded but not packaged`).toBe(true);
    }
    // The renderer (built by vite.renderer.config.ts into out/renderer) is packaged by the same globs.
    expect(packaged('out/renderer/index.html')).toBe(true);
    expect(packaged('out/renderer/assets/index.js')).toBe(true);

    // Packages the bundles load at run time: production dependencies, so that electron-builder copies them.
    expect([...packages].sort()).toEqual(['better-sqlite3']);
    for (const name of packages) expect(Object.hasOwn(packageJson.dependencies, name), name).toBe(true);
    // Files found through a package at run time (the PDF fonts): there, and packaged.
    expect([...resolved].sort()).toEqual(['dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf', 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf']);
    for (const specifier of resolved) {
      expect(existsSync(path.join(root, 'node_modules', specifier)), specifier).toBe(true);
      expect(packaged(`node_modules/${specifier}`), specifier).toBe(true);
    }
    // The native addon: packaged, and unpacked from the archive (a .node file cannot load from inside it).
    const addons = readdirSync(path.join(root, 'node_modules/better-sqlite3'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.node'))
      .map((file) => `node_modules/better-sqlite3/${file.split(path.sep).join('/')}`);
    expect(addons.length).toBeGreaterThan(0);
    for (const addon of addons) {
      expect(packaged(addon), addon).toBe(true);
      expect(config.asarUnpack.some((pattern) => path.matchesGlob(addon, pattern)), addon).toBe(true);
    }

    // The locales are in the bundles, every language: main's menus and dialogs, the core's PDF labels. Read as
    // the strings the code holds (escapes such as \u00A0 and \n decoded), each entry with the chunks it shares.
    const chunks = built.filter((file) => file.includes(`${path.sep}chunks${path.sep}`));
    const strings = (entry: string): string =>
      [entry, ...chunks]
        .map((file) => readFileSync(file, 'utf8'))
        .join('\n')
        .replace(/\\(?:u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|(n))/g, (_whole, four?: string, two?: string, newline?: string) =>
          newline ? '\n' : String.fromCharCode(parseInt(four ?? two!, 16)),
        );
    const mainStrings = strings(path.join(outDir, 'index.js'));
    const coreStrings = strings(path.join(outDir, 'core.js'));
    const leaves = (value: unknown): string[] =>
      typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(leaves) : [];
    for (const language of ['en', 'it', 'de', 'fr', 'es']) {
      const locale = (namespace: string): unknown => JSON.parse(readFileSync(path.join(root, 'shared/locales', language, `${namespace}.json`), 'utf8'));
      for (const text of leaves(locale('shell'))) expect(mainStrings.includes(text), `${language} shell: ${text}`).toBe(true);
      const pdfLabels = leaves((locale('proposals') as { pdf?: unknown }).pdf);
      expect(pdfLabels.length).toBeGreaterThan(0);
      for (const text of pdfLabels) expect(coreStrings.includes(text), `${language} proposals.pdf: ${text}`).toBe(true);
    }
  });
});
