import { portfolioExportSchema, type PortfolioExport } from '../../../shared/contract/portfolio';
import type { WritableDB } from '../db/database';
import {
  insertAttachment,
  listPortfolioItems,
  nextPortfolioPosition,
  readAttachment,
  readPortfolioItem,
  readProfile,
  writePortfolioItem,
  writeProfile,
} from '../db/repositories/portfolio-repository';
import { newPlatformId } from '../sync/write-unit';
import { ImageRefused, readImage, storeImage } from './image-store';
import { PortfolioInputError, queueItem, queueProfile } from './portfolio-writes';

/** Everything the portfolio screen shows, images inlined, in a form import reads back exactly. */
export const exportPortfolio = (db: WritableDB, imagesDir: string, now = new Date()): PortfolioExport => {
  const items = listPortfolioItems(db);
  const profile = readProfile(db);
  const hashes = [...new Set([...items.flatMap((item) => item.imageHashes), ...(profile?.avatarHash ? [profile.avatarHash] : [])])];
  const images = hashes.flatMap((hash) => {
    const bytes = readImage(imagesDir, hash);
    // Images only the platform holds (pulled, never downloaded) cannot travel in the file.
    return bytes ? [{ hash, name: readAttachment(db, hash)?.name ?? '', base64: bytes.toString('base64') }] : [];
  });
  const carried = new Set(images.map((image) => image.hash));
  return {
    format: 'bottega-portfolio',
    formatVersion: 1,
    exportedAt: now.toISOString(),
    profile: profile
      ? {
          name: profile.name,
          country: profile.country,
          city: profile.city,
          hourlyRateMinor: profile.hourlyRateMinor,
          currency: profile.currency,
          skills: profile.skills,
          languages: profile.languages,
          defaultLocale: profile.defaultLocale,
          variants: profile.variants,
          avatarHash: profile.avatarHash !== null && carried.has(profile.avatarHash) ? profile.avatarHash : null,
        }
      : null,
    items: items.map((item) => ({
      defaultLocale: item.defaultLocale,
      skills: item.skills,
      links: item.links,
      imageHashes: item.imageHashes.filter((hash) => carried.has(hash)),
      visibility: item.visibility,
      position: item.position,
      completedOn: item.completedOn,
      variants: item.variants,
    })),
    images,
  };
};

const parseExport = (json: string): PortfolioExport => {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new PortfolioInputError('json', 'The file is not JSON.');
  }
  const parsed = portfolioExportSchema.safeParse(value);
  if (!parsed.success) throw new PortfolioInputError('json', 'The file is not a Bottega portfolio export.');
  return parsed.data;
};

/**
 * Reads an export back: the file is checked whole before anything is written; images are checked by their
 * bytes and must hash to the name they carry; items arrive as new items after the existing ones, with their
 * translation tracking intact, and are queued for the platform like any edit.
 */
export const importPortfolio = (db: WritableDB, imagesDir: string, json: string, now = new Date()): { items: number; images: number } => {
  const file = parseExport(json);
  const stored = file.images.map((image) => {
    let result;
    try {
      result = storeImage(imagesDir, Buffer.from(image.base64, 'base64'));
    } catch (error) {
      if (error instanceof ImageRefused) throw new PortfolioInputError('json', `An image in the file was refused (${error.problem}).`);
      throw error;
    }
    if (result.hash !== image.hash) throw new PortfolioInputError('json', 'An image in the file does not match its hash.');
    return { ...result, name: image.name };
  });
  const available = new Set(stored.map((image) => image.hash));
  for (const item of file.items) {
    if (item.imageHashes.some((hash) => !available.has(hash))) throw new PortfolioInputError('json', 'An item names an image the file does not hold.');
  }
  db.transaction(() => {
    for (const image of stored) insertAttachment(db, { hash: image.hash, mime: image.mime, size: image.size, name: image.name, now });
    const start = nextPortfolioPosition(db);
    [...file.items]
      .sort((a, b) => a.position - b.position)
      .forEach((item, index) => {
        const id = newPlatformId('portfolio_item');
        writePortfolioItem(db, { ...item, id, position: start + index, updatedAt: now.toISOString() });
        const written = readPortfolioItem(db, id);
        if (written) queueItem(db, written, now);
      });
    if (file.profile) {
      const existing = readProfile(db);
      const avatarHash = file.profile.avatarHash && available.has(file.profile.avatarHash) ? file.profile.avatarHash : (existing?.avatarHash ?? null);
      writeProfile(db, { ...file.profile, avatarHash, updatedAt: now.toISOString() });
      const saved = readProfile(db);
      if (saved) queueProfile(db, saved, now);
    }
  }).immediate();
  return { items: file.items.length, images: stored.length };
};
