import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImageDownloadProgress } from '../../../shared/contract/portfolio';
import { signIn, useCoreHarness, waitForDownloads, waitForSettled } from '../../support/core-harness';
import type { PlatformStore } from '../../platform/store';
import { png } from './harness';

const { openWorkspace, startPlatform } = useCoreHarness();

/** The pictures the platform's seed gave the demo user's portfolio items (they download like any other). */
const seededPictures = (platform: { store: PlatformStore }): string[] =>
  (platform.store.db.prepare('SELECT hash FROM uploads').all() as { hash: string }[]).map((row) => row.hash);

describe('a second machine', () => {
  it('downloads the images its first sync names, checked against their hash and stored like an import, with progress', async () => {
    const platform = await startPlatform();
    // The seeded portfolio's own pictures come down too.
    const seeded = seededPictures(platform);
    const first = await openWorkspace(platform.url);
    await signIn(first.client, platform);
    const home = await first.client.portfolio.importImage({ name: 'home.png', base64: png(21, 4096).toString('base64') });
    const shop = await first.client.portfolio.importImage({ name: 'shop.png', base64: png(22, 2048).toString('base64') });
    const avatar = await first.client.portfolio.importImage({ name: 'me.png', base64: png(23).toString('base64') });
    const item = await first.client.portfolio.saveItem({
      id: null,
      defaultLocale: 'it',
      imageHashes: [home.hash, shop.hash],
      variants: [{ locale: 'it', title: 'Etichette per una cantina', role: '', description: '', goal: '', solution: '', sourceLocale: null }],
    });
    await waitForSettled(first.client);
    const profile = (await first.client.portfolio.getProfile({}))!;
    await first.client.portfolio.saveProfile({
      name: profile.name,
      country: profile.country,
      hourlyRateMinor: profile.hourlyRateMinor,
      currency: profile.currency ?? 'EUR',
      skills: profile.skills,
      languages: profile.languages,
      defaultLocale: profile.defaultLocale ?? 'it',
      avatarHash: avatar.hash,
      variants: profile.variants.map(({ locale, headline, bio, sourceLocale }) => ({ locale, headline, bio, sourceLocale })),
    });
    await waitForSettled(first.client);

    // A fresh workspace signs in: the item and the avatar arrive by the pull, their bytes only afterwards.
    const second = await openWorkspace(platform.url);
    const seen: ImageDownloadProgress[] = [];
    second.client.on('imageDownloadsChanged', (progress) => seen.push(progress));
    await signIn(second.client, platform);
    await waitForSettled(second.client);
    expect(await second.client.portfolio.getItem({ id: item.id })).toMatchObject({ imageHashes: [home.hash, shop.hash] });
    const finished = await waitForDownloads(second.client, (progress) => !progress.active && progress.total > 0 && progress.done === progress.total);
    expect(finished).toMatchObject({ done: 3 + seeded.length, total: 3 + seeded.length, failed: 0 });
    // Progress was reported on the way, not only at the end.
    expect(seen.some((progress) => progress.active && progress.done < progress.total)).toBe(true);

    for (const image of [home, shop, avatar]) {
      const shown = await second.client.portfolio.getImage({ hash: image.hash });
      expect(shown).toMatchObject({ state: 'local', mime: 'image/png', dataUrl: expect.stringMatching(/^data:image\/png;base64,/) });
      const bytes = readFileSync(path.join(second.dataDir, 'attachments', image.hash));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(image.hash);
    }
    expect(readdirSync(path.join(second.dataDir, 'attachments')).sort()).toEqual([home.hash, shop.hash, avatar.hash, ...seeded].sort());
    expect((await second.client.portfolio.getProfile({}))?.avatarHash).toBe(avatar.hash);
    // Downloaded images count as on the platform already: editing the item here uploads nothing again.
    expect(second.core.db.prepare("SELECT count(*) AS n FROM attachments WHERE upload_state <> 'uploaded'").get()).toEqual({ n: 0 });
  });

  it('an image the platform lacks, or sends with the wrong bytes, shows as failed with its reason until a retry succeeds', async () => {
    const platform = await startPlatform();
    const seeded = seededPictures(platform);
    const missing = png(31);
    const missingHash = createHash('sha256').update(missing).digest('hex');
    const honest = png(32);
    const honestHash = createHash('sha256').update(honest).digest('hex');
    // The platform holds other bytes under this hash (a damaged store): they must never be stored as the image.
    platform.store.saveUpload(honestHash, 'image/png', png(33));
    const { id: itemId } = platform.store.db
      .prepare("SELECT id FROM records WHERE type = 'portfolio_item' AND owner = ? AND deleted = 0 ORDER BY id LIMIT 1")
      .get(platform.users.demo.id) as { id: string };
    platform.actors.edit('portfolio_item', itemId, { image_ids: [missingHash, honestHash] });

    const { client, dataDir } = await openWorkspace(platform.url);
    await signIn(client, platform);
    await waitForSettled(client);
    await waitForDownloads(client, (progress) => !progress.active && progress.failed === 2);
    expect(await client.portfolio.getImage({ hash: missingHash })).toMatchObject({ state: 'failed', problem: 'not_found', reason: expect.stringContaining(missingHash) });
    expect(await client.portfolio.getImage({ hash: honestHash })).toMatchObject({ state: 'failed', problem: 'corrupt' });
    // Nothing was stored: no file carries either hash.
    const attachments = path.join(dataDir, 'attachments');
    expect(existsSync(attachments) ? readdirSync(attachments).filter((name) => !name.startsWith('.') && !seeded.includes(name)) : []).toEqual([]);

    // The platform gets the right bytes; the user retries both.
    platform.store.saveUpload(missingHash, 'image/png', missing);
    platform.store.db.prepare('UPDATE uploads SET bytes = ?, size = ? WHERE hash = ?').run(honest, honest.length, honestHash);
    await client.portfolio.retryImageDownload({ hash: null });
    await waitForDownloads(client, (progress) => !progress.active && progress.failed === 0 && progress.done === 2);
    expect(await client.portfolio.getImage({ hash: missingHash })).toMatchObject({ state: 'local' });
    expect(await client.portfolio.getImage({ hash: honestHash })).toMatchObject({ state: 'local' });
  });
});
