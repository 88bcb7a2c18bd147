import { describe, expect, it } from 'vitest';
import type { PortfolioItemView } from '../../../shared/contract/portfolio';
import { readServerFeed } from '../../support/platform-view';
import { signIn, useCoreHarness, waitForStatus } from '../../support/core-harness';
import { asInput } from './harness';

const { openSignedIn, startPlatform } = useCoreHarness();

/** The item as the editor would save it, with the role in its main language changed. */
const withRole = (item: PortfolioItemView, role: string) => asInput(item, { [item.defaultLocale]: { role } });

describe('portfolio conflicts', () => {
  it('an item edited here and on the platform keeps both until the user keeps theirs or mine', async () => {
    const platform = await startPlatform();
    const { client } = await openSignedIn(platform);
    const [item] = await client.portfolio.listItems({});
    expect(item).toBeDefined();

    // Offline the user changes the role; the platform's copy changes meanwhile.
    await client.sync.signOut();
    await client.portfolio.saveItem(withRole(item!, 'Lead designer'));
    platform.actors.edit('portfolio_item', item!.id, { visibility: 'private' });
    await signIn(client, platform);
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
