import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readServerFeed } from '../../support/platform-view';
import { signIn, useCoreHarness, waitForStatus } from '../../support/core-harness';
import { png } from './harness';

const { makeTempDir, openSignedIn, openWorkspace, startPlatform } = useCoreHarness();

const italian = { title: 'Sito per una cantina', role: 'Sviluppatrice', description: 'Negozio online', goal: 'Vendere in Europa', solution: 'Next.js' };
const english = { title: 'Website for a winery', role: 'Developer', description: 'Online shop', goal: 'Sell across Europe', solution: 'Next.js' };

describe('portfolio images', () => {
  it('stores each image once by its hash, refuses what is not an image or too big with a clear reason, leaves no partial file', async () => {
    const { client, dataDir } = await openWorkspace(null);
    const dir = path.join(dataDir, 'attachments');
    // A crash during an earlier import left a half-written file behind.
    await client.portfolio.importImage({ name: 'first.png', base64: png(1).toString('base64') });
    writeFileSync(path.join(dir, '.partial-crashed'), 'half');

    const again = await client.portfolio.importImage({ name: 'copy.png', base64: png(1).toString('base64') });
    const other = await client.portfolio.importImage({ name: 'second.png', base64: png(2).toString('base64') });
    expect(again).toMatchObject({ mime: 'image/png', size: 64, name: 'first.png' });
    expect(other.hash).not.toBe(again.hash);

    await expect(client.portfolio.importImage({ name: 'notes.txt', base64: Buffer.from('just text').toString('base64') })).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [{ path: 'base64', message: 'image_not_supported' }],
    });
    await expect(client.portfolio.importImage({ name: 'huge.png', base64: png(3, 10 * 1024 * 1024 + 1).toString('base64') })).rejects.toMatchObject({
      code: 'invalid_input',
      issues: [{ path: 'base64', message: 'image_too_large' }],
    });
    // Two hash-named files, nothing else: the duplicate stored nothing new, refused ones nothing at all.
    // (The partial file is swept on the next start of the handlers; here it was written after the first sweep.)
    expect(readdirSync(dir).filter((name) => !name.startsWith('.')).sort()).toEqual([again.hash, other.hash].sort());
    expect(await client.portfolio.getImage({ hash: other.hash })).toMatchObject({ mime: 'image/png', dataUrl: expect.stringMatching(/^data:image\/png;base64,/) });
  });

  it('sweeps files a crash left half-written before the next import', async () => {
    const dataDir = makeTempDir();
    const first = await openWorkspace(null, { dataDir });
    await first.client.portfolio.importImage({ name: 'a.png', base64: png(4).toString('base64') });
    first.core.close();
    writeFileSync(path.join(dataDir, 'attachments', '.partial-crashed'), 'half');
    const second = await openWorkspace(null, { dataDir });
    await second.client.portfolio.importImage({ name: 'b.png', base64: png(5).toString('base64') });
    expect(existsSync(path.join(dataDir, 'attachments', '.partial-crashed'))).toBe(false);
  });
});

describe('portfolio through the outbox', () => {
  it('an item with two images made offline in Italian, translated, reordered, reaches the platform once with its images', async () => {
    const platform = await startPlatform();
    const { core, client } = await openSignedIn(platform);
    const seeded = await client.portfolio.listItems({});
    await client.sync.signOut();

    // Offline: two images, an Italian item, then its English translation, then moved to the top.
    const first = await client.portfolio.importImage({ name: 'home.png', base64: png(10).toString('base64') });
    const second = await client.portfolio.importImage({ name: 'shop.png', base64: png(11).toString('base64') });
    const created = await client.portfolio.saveItem({
      id: null,
      defaultLocale: 'it',
      skills: ['react'],
      imageHashes: [first.hash, second.hash],
      variants: [{ locale: 'it', ...italian, sourceLocale: null }],
    });
    expect(created).toMatchObject({ version: null, pending: true, variants: [{ locale: 'it', revision: 1 }] });
    let status = await client.portfolio.getCompleteness({});
    expect(status.languages.find((language) => language.locale === 'en')?.items.find((item) => item.itemId === created.id)).toMatchObject({
      status: 'missing',
    });

    const translated = await client.portfolio.saveItem({
      id: created.id,
      defaultLocale: 'it',
      skills: ['react'],
      imageHashes: [first.hash, second.hash],
      variants: [
        { locale: 'it', ...italian, sourceLocale: null },
        { locale: 'en', ...english, sourceLocale: 'it' },
      ],
    });
    expect(translated.variants.find((variant) => variant.locale === 'en')).toMatchObject({ revision: 1, sourceLocale: 'it', sourceRevision: 1 });
    status = await client.portfolio.getCompleteness({});
    expect(status.languages.find((language) => language.locale === 'en')?.items.find((item) => item.itemId === created.id)?.status).toBe('complete');

    const order = [created.id, ...seeded.map((item) => item.id)];
    const reordered = await client.portfolio.reorderItems({ ids: order });
    expect(reordered.map((item) => item.id)).toEqual(order);

    // A client reading German sees the Italian text, and is told so.
    const preview = await client.portfolio.preview({ locale: 'de' });
    expect(preview.items[0]).toMatchObject({ id: created.id, title: italian.title, shownLocale: 'it', reason: 'default' });

    // Online: everything goes out; the platform holds the item once, in both languages, first, with both images.
    await signIn(client, platform);
    await waitForStatus(client, (s) => s.phase === 'idle' && s.pending === 0 && s.failed === 0 && s.conflicts === 0);
    const feed = (await readServerFeed(platform.url, platform.users.demo)).get('portfolio_item')!;
    const onServer = feed.get(created.id)!;
    expect(onServer.data).toMatchObject({
      image_ids: [first.hash, second.hash],
      position: 0,
      default_locale: 'it',
      variants: { it: { title: italian.title }, en: { title: english.title, source_locale: 'it' } },
    });
    const uploads = platform.store.db.prepare('SELECT hash FROM uploads WHERE hash IN (?, ?)').all(first.hash, second.hash);
    expect(uploads).toHaveLength(2);
    expect(core.db.prepare("SELECT count(*) AS n FROM outbox WHERE state <> 'sent'").get()).toEqual({ n: 0 });

    // The workspace keeps its translation tracking and learns the platform's version.
    const local = await client.portfolio.getItem({ id: created.id });
    expect(local).toMatchObject({ version: onServer.version, pending: false });
    expect(local!.variants.find((variant) => variant.locale === 'en')).toMatchObject({ sourceRevision: 1 });

    // Editing the Italian text now makes the English one outdated, and the edit is sent with If-Match.
    await client.portfolio.saveItem({
      id: created.id,
      defaultLocale: 'it',
      skills: ['react'],
      imageHashes: [first.hash, second.hash],
      variants: [
        { locale: 'it', ...italian, description: 'Negozio online con spedizioni', sourceLocale: null },
        { locale: 'en', ...english, sourceLocale: 'it' },
      ],
    });
    status = await client.portfolio.getCompleteness({});
    expect(status.languages.find((language) => language.locale === 'en')?.items.find((item) => item.itemId === created.id)).toMatchObject({
      status: 'outdated',
      sourceLocale: 'it',
    });
    await waitForStatus(client, (s) => s.phase === 'idle' && s.pending === 0 && s.failed === 0 && s.conflicts === 0);
    const edited = (await readServerFeed(platform.url, platform.users.demo)).get('portfolio_item')!.get(created.id)!;
    expect(edited.version).toBeGreaterThan(onServer.version);
    expect(edited.data).toMatchObject({ variants: { it: { description: 'Negozio online con spedizioni' } } });
    expect(platform.store.db.prepare('SELECT count(*) AS n FROM uploads WHERE hash IN (?, ?)').get(first.hash, second.hash)).toEqual({ n: 2 });
  });

  it('deletes an item on the platform with its version; one never sent just goes', async () => {
    const platform = await startPlatform();
    const { client } = await openSignedIn(platform);
    const [seeded] = await client.portfolio.listItems({});
    expect(seeded).toBeDefined();
    expect(await client.portfolio.deleteItem({ id: seeded!.id })).toEqual({ deleted: true });
    await waitForStatus(client, (s) => s.phase === 'idle' && s.pending === 0 && s.failed === 0);
    expect((await readServerFeed(platform.url, platform.users.demo)).get('portfolio_item')?.has(seeded!.id) ?? false).toBe(false);

    await client.sync.signOut();
    const local = await client.portfolio.saveItem({ id: null, defaultLocale: 'en', variants: [{ locale: 'en', ...english, sourceLocale: null }] });
    expect(await client.portfolio.deleteItem({ id: local.id })).toEqual({ deleted: true });
    expect((await client.sync.getStatus()).pending).toBe(0);
  });
});
