import { afterEach } from 'vitest';
import { contract, type BottegaClient } from '../../../shared/contract';
import type { PortfolioItemView } from '../../../shared/contract/portfolio';
import { createBridge, createClient } from '../../../shared/rpc/bridge';
import { createInProcessPair } from '../../../shared/rpc/transport';
import { openCore, type Core } from '../../../electron/core/core';
import { startPlatformServer, type PlatformServer } from '../../platform/server';
import { waitForStatus } from '../../support/core-harness';
import { useTempDirs } from '../../support/temp-dir';

/** Workspaces (cores on real files) and reference platforms for one test file, closed after each test. */
export const usePortfolioHarness = () => {
  const makeTempDir = useTempDirs();
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  const openWorkspace = async (
    platformUrl: string | null,
    options: { dataDir?: string; fetch?: typeof fetch } = {},
  ): Promise<{ core: Core; client: BottegaClient; dataDir: string }> => {
    const dataDir = options.dataDir ?? makeTempDir();
    const core = await openCore({ dataDir, host: 'web', version: 'test', validateOutput: true, platformUrl, ...(options.fetch ? { fetch: options.fetch } : {}) });
    cleanups.push(() => core.close());
    const [near, far] = createInProcessPair();
    core.serve(far);
    return { core, client: createClient(contract, createBridge(contract, near)), dataDir };
  };

  const startPlatform = async (): Promise<PlatformServer> => {
    const platform = await startPlatformServer({ seed: 7, scale: 'demo', simulation: true, rateLimit: false });
    cleanups.push(() => platform.close());
    return platform;
  };

  return { makeTempDir, openWorkspace, startPlatform };
};

export const signIn = (client: BottegaClient, platform: PlatformServer) =>
  client.sync.signIn({ email: platform.users.demo.email, password: platform.users.demo.password });

/** Every write sent and confirmed, nothing refused or in conflict. */
export const waitForSettled = (client: BottegaClient) =>
  waitForStatus(client, (s) => s.phase === 'idle' && s.lastSyncAt !== null && s.pending === 0 && s.failed === 0 && s.conflicts === 0);

/** A real PNG header followed by distinct bytes: enough for the type check, a different hash per seed. */
export const png = (seed: number, size = 64): Buffer => {
  const bytes = Buffer.alloc(size, seed);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes);
  return bytes;
};

/** The item as the editor saves it, with some texts replaced per language. */
export const asInput = (item: PortfolioItemView, texts: Record<string, Partial<Record<'title' | 'role' | 'description' | 'goal' | 'solution', string>>> = {}) => ({
  id: item.id,
  defaultLocale: item.defaultLocale,
  skills: item.skills,
  links: item.links,
  imageHashes: item.imageHashes,
  visibility: item.visibility,
  completedOn: item.completedOn,
  variants: item.variants.map(({ locale, title, role, description, goal, solution, sourceLocale }) => ({
    locale,
    title,
    role,
    description,
    goal,
    solution,
    sourceLocale,
    ...texts[locale],
  })),
});
