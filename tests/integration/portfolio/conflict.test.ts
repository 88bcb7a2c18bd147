import { afterEach, describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract';
import type { PortfolioItemView } from '../../../shared/contract/portfolio';
import { createBridge, createClient } from '../../../shared/rpc/bridge';
import { createInProcessPair } from '../../../shared/rpc/transport';
import { openCore } from '../../../electron/core/core';
import { startPlatformServer } from '../../platform/server';
import { readServerFeed } from '../../support/platform-view';
import { waitForStatus } from '../../support/core-harness';
import { useTempDirs } from '../../support/temp-dir';

const makeTempDir = useTempDirs();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The item as the editor would save it, with one field of its main language changed. */
const withRole = (item: PortfolioItemView, role: string) => ({
  id: item.id,
  defaultLocale: item.defaultLocale,
  skills: item.skills,
  links: item.links,
  imageHashes: item.imageHashes,
  visibility: item.visibility,
  completedOn: item.completedOn,
  variants: item.variants.map(({ locale, title, description, goal, solution, sourceLocale, role: before }) => ({
    locale,
    title,
    role: locale === item.defaultLocale ? role : before,
    description,
    goal,
    solution,
    sourceLocale,
  })),
});

describe('portfolio conflicts', () => {
  it('an item edited here and on the platform keeps both until the user keeps theirs or mine', async () => {
    const platform = await startPlatformServer({ seed: 7, scale: 'demo', simulation: true, rateLimit: false });
    cleanups.push(() => platform.close());
    const core = await openCore({ dataDir: makeTempDir(), host: 'web', version: 'test', validateOutput: true, platformUrl: platform.url });
    cleanups.push(() => core.close());
    const [near, far] = createInProcessPair();
    core.serve(far);
    const client = createClient(contract, createBridge(contract, near));
    const signIn = () => client.sync.signIn({ email: platform.users.demo.email, password: platform.users.demo.password });
    await signIn();
    await waitForStatus(client, (s) => s.phase === 'idle' && s.lastSyncAt !== null);
    const [item] = await client.portfolio.listItems({});
    expect(item).toBeDefined();

    // Offline the user changes the role; the platform's copy changes meanwhile.
    await client.sync.signOut();
    await client.portfolio.saveItem(withRole(item!, 'Lead designer'));
    platform.actors.edit('portfolio_item', item!.id, { visibility: 'private' });
    await signIn();
    await waitForStatus(client, (s) => s.conflicts === 1 && s.phase === 'idle');
    expect((await client.portfolio.getItem({ id: item!.id }))!.variants.find((v) => v.locale === item!.defaultLocale)?.role).toBe('Lead designer');
    const [conflict] = await client.sync.listConflicts({ limit: 10 });
    expect(conflict).toMatchObject({ entityType: 'portfolio_item', entityId: item!.id });
    expect(conflict!.serverRecord).toMatchObject({ visibility: 'private' });

    // Keep mine: sent again over the platform's version.
    await client.sync.resolveConflict({ id: conflict!.id, choice: 'mine' });
    await waitForStatus(client, (s) => s.conflicts === 0 && s.pending === 0 && s.phase === 'idle');
    const mine = (await readServerFeed(platform.url, platform.users.demo)).get('portfolio_item')!.get(item!.id)!;
    expect(mine.data).toMatchObject({ visibility: item!.visibility, variants: { [item!.defaultLocale]: { role: 'Lead designer' } } });

    // Again, and take theirs: the workspace shows the platform's item, the local edit is dropped.
    platform.actors.edit('portfolio_item', item!.id, { visibility: 'private' });
    await client.portfolio.saveItem(withRole((await client.portfolio.getItem({ id: item!.id }))!, 'Art director'));
    await waitForStatus(client, (s) => s.conflicts === 1 && s.phase === 'idle');
    const [second] = await client.sync.listConflicts({ limit: 10 });
    await client.sync.resolveConflict({ id: second!.id, choice: 'theirs' });
    await waitForStatus(client, (s) => s.conflicts === 0 && s.pending === 0 && s.phase === 'idle');
    const local = await client.portfolio.getItem({ id: item!.id });
    expect(local).toMatchObject({ visibility: 'private', pending: false });
    expect(local!.variants.find((v) => v.locale === item!.defaultLocale)?.role).toBe('Lead designer');
  });
});
