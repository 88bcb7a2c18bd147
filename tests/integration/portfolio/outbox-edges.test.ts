import { describe, expect, it } from 'vitest';
import { readServerFeed } from '../../support/platform-view';
import { signIn, useCoreHarness, waitForSettled, waitForStatus } from '../../support/core-harness';
import { png } from './harness';

const { openWorkspace, startPlatform } = useCoreHarness();

const italian = { title: 'Sito per una cantina', role: '', description: '', goal: '', solution: '' };

/** Counts the requests the workspace sends, per method and path kind; `hold` may keep one waiting. */
const watchNetwork = (hold?: (method: string, path: string) => Promise<void> | null) => {
  const sent: string[] = [];
  const watched: typeof fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    const method = init?.method ?? 'GET';
    sent.push(`${method} ${url.pathname}`);
    const wait = hold?.(method, url.pathname);
    if (wait) await wait;
    return fetch(input, init);
  };
  return { sent, fetch: watched };
};

describe('portfolio writes at the edges', () => {
  it('an item deleted while its put is on the way: the delete wins, once, and no later pull brings it back', async () => {
    const platform = await startPlatform();
    let release: () => void = () => undefined;
    let putArrived: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (putArrived = resolve));
    const network = watchNetwork((method, path) => {
      if (method !== 'PUT' || !path.startsWith('/v1/portfolio/items/')) return null;
      putArrived();
      return new Promise<void>((resolve) => (release = resolve));
    });
    const { client } = await openWorkspace(platform.url, { fetch: network.fetch });
    await signIn(client, platform);
    await waitForSettled(client);

    const item = await client.portfolio.saveItem({ id: null, defaultLocale: 'it', variants: [{ locale: 'it', ...italian, sourceLocale: null }] });
    await arrived;
    // The put is in flight: the user deletes the item, then the put lands.
    expect(await client.portfolio.deleteItem({ id: item.id })).toEqual({ deleted: true });
    expect(await client.portfolio.getItem({ id: item.id })).toBeNull();
    release();
    await waitForSettled(client);

    const puts = network.sent.filter((request) => request === `PUT /v1/portfolio/items/${item.id}`);
    const deletes = network.sent.filter((request) => request === `DELETE /v1/portfolio/items/${item.id}`);
    expect(puts).toHaveLength(1);
    expect(deletes).toHaveLength(1);
    expect((await readServerFeed(platform.url, platform.users.demo)).get('portfolio_item')?.has(item.id) ?? false).toBe(false);
    expect(platform.store.getRecord('portfolio_item', item.id)).toMatchObject({ deleted: true });

    // Later pulls (and a pull from scratch on another device) keep it gone; nothing is left waiting.
    await client.sync.syncNow();
    await waitForSettled(client);
    expect(await client.portfolio.getItem({ id: item.id })).toBeNull();
    expect(await client.sync.getStatus()).toMatchObject({ pending: 0, failed: 0, conflicts: 0 });
    const other = await openWorkspace(platform.url);
    await signIn(other.client, platform);
    await waitForSettled(other.client);
    expect(await other.client.portfolio.getItem({ id: item.id })).toBeNull();
  });

  it('an upload the platform refuses keeps the item here, failed with the platform’s reason, until a retry sends both', async () => {
    const platform = await startPlatform();
    let refuse = true;
    const sent: string[] = [];
    const refusing: typeof fetch = async (input, init) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      sent.push(`${init?.method ?? 'GET'} ${url.pathname}`);
      if (refuse && init?.method === 'POST' && url.pathname === '/v1/uploads') {
        refuse = false;
        return new Response(JSON.stringify({ error: 'payload_too_large', message: 'Storage quota of this account is used up.' }), {
          status: 413,
          headers: { 'content-type': 'application/json' },
        });
      }
      return fetch(input, init);
    };
    const { client } = await openWorkspace(platform.url, { fetch: refusing });
    await signIn(client, platform);
    await waitForSettled(client);

    const image = await client.portfolio.importImage({ name: 'home.png', base64: png(41).toString('base64') });
    await client.sync.signOut();
    const item = await client.portfolio.saveItem({ id: null, defaultLocale: 'it', imageHashes: [image.hash], variants: [{ locale: 'it', ...italian, sourceLocale: null }] });
    // A second item shows the same image: it is uploaded once, under the first.
    const sibling = await client.portfolio.saveItem({
      id: null,
      defaultLocale: 'it',
      imageHashes: [image.hash],
      variants: [{ locale: 'it', ...italian, title: 'Etichette', sourceLocale: null }],
    });
    await signIn(client, platform);
    await waitForStatus(client, (s) => s.phase === 'idle' && s.failed > 0);

    const failed = await client.portfolio.getItem({ id: item.id });
    expect(failed).toMatchObject({ version: null, pending: true, syncError: { code: 'refused', status: 413, message: 'Storage quota of this account is used up.' } });
    // Held back for the image the platform refused, with the platform's reason for it.
    expect(await client.portfolio.getItem({ id: sibling.id })).toMatchObject({ version: null, syncError: { code: 'refused', status: 413, message: 'Storage quota of this account is used up.' } });
    // The item never went out: the platform would only have refused it for the missing image.
    expect(sent.filter((request) => request.startsWith('PUT /v1/portfolio/items/'))).toEqual([]);
    expect((await readServerFeed(platform.url, platform.users.demo)).get('portfolio_item')?.has(item.id) ?? false).toBe(false);
    // Still here, still shown.
    expect((await client.portfolio.listItems({})).map((listed) => listed.id)).toContain(item.id);

    const retried = await client.portfolio.retryItem({ id: item.id });
    expect(retried).toMatchObject({ pending: true, syncError: null });
    await client.portfolio.retryItem({ id: sibling.id });
    await waitForSettled(client);
    expect(await client.portfolio.getItem({ id: item.id })).toMatchObject({ pending: false, syncError: null, version: expect.any(Number) });
    expect(await client.portfolio.getItem({ id: sibling.id })).toMatchObject({ pending: false, syncError: null, version: expect.any(Number) });
    expect(sent.filter((request) => request === 'POST /v1/uploads')).toHaveLength(2);
    expect((await readServerFeed(platform.url, platform.users.demo)).get('portfolio_item')?.get(item.id)?.data).toMatchObject({ image_ids: [image.hash] });
    expect(platform.store.getUpload(image.hash)?.size).toBe(64);
  });
});
