import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { sniffImageMime, type ImageMime } from '../../../shared/domain/portfolio';
import type { ImageProblem } from '../../../shared/contract/portfolio';
import { maxUploadBytes } from '../../../shared/platform/writes';
import { syncDirectorySync } from '../storage/durable-file';
import { fileSystem } from '../storage/file-system';

const partialPrefix = '.partial-';

/** Where imported images live: one file per content hash, beside the workspace database. */
export const attachmentsDirOf = (dataDir: string): string => path.join(dataDir, 'attachments');

export type StoredImage = { hash: string; mime: ImageMime; size: number };

export class ImageRefused extends Error {
  readonly problem: ImageProblem;
  constructor(problem: ImageProblem) {
    super(problem);
    this.name = 'ImageRefused';
    this.problem = problem;
  }
}

/** Files a crash left half-written; they never carry a hash name, so nothing ever reads them. */
export const sweepPartialImages = (dir: string): number => {
  if (!existsSync(dir)) return 0;
  const partial = readdirSync(dir).filter((name) => name.startsWith(partialPrefix));
  for (const name of partial) rmSync(path.join(dir, name), { force: true });
  return partial.length;
};

/**
 * Checks the bytes (an image by its first bytes, within the platform's upload limit) and stores them under
 * their SHA-256: written to a temporary name, flushed, renamed, then the folder flushed, so the hash name only
 * ever holds a complete file, and it is on disk before anything refers to it. Importing the same bytes twice stores them once.
 */
export const storeImage = (dir: string, bytes: Buffer): StoredImage => {
  if (bytes.length === 0) throw new ImageRefused('image_empty');
  if (bytes.length > maxUploadBytes) throw new ImageRefused('image_too_large');
  const mime = sniffImageMime(bytes);
  if (!mime) throw new ImageRefused('image_not_supported');
  const hash = createHash('sha256').update(bytes).digest('hex');
  mkdirSync(dir, { recursive: true });
  const target = path.join(dir, hash);
  if (!existsSync(target)) {
    const temporary = path.join(dir, `${partialPrefix}${randomUUID()}`);
    try {
      const fd = fileSystem.openSync(temporary, 'wx', 0o600);
      try {
        fileSystem.writeSync(fd, bytes);
        fileSystem.fsyncSync(fd);
      } finally {
        fileSystem.closeSync(fd);
      }
      fileSystem.renameSync(temporary, target);
    } catch (error) {
      // A full disk or a disk error: no half file stays behind (the caller's row is not written either).
      rmSync(temporary, { force: true });
      throw error;
    }
    // The rename is durable only once the folder is: before the row that names this hash commits.
    syncDirectorySync(dir);
  }
  return { hash, mime, size: bytes.length };
};

export const readImage = (dir: string, hash: string): Buffer | null => {
  if (!/^[0-9a-f]{64}$/.test(hash)) return null;
  const file = path.join(dir, hash);
  return existsSync(file) ? fileSystem.readFileSync(file) : null;
};
