import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { z } from 'zod';
import { fileSystem } from './file-system';

const isMissing = (error: unknown): boolean => (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';

/**
 * Flushes a folder's entries (a rename is durable only once its directory is). Windows cannot open a folder
 * for that and journals renames itself.
 */
export const syncDirectory = async (dir: string): Promise<void> => {
  if (process.platform === 'win32') return;
  const handle = await fileSystem.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
};

/** The same for code that must stay synchronous (the image store runs inside a call). */
export const syncDirectorySync = (dir: string): void => {
  if (process.platform === 'win32') return;
  const fd = fileSystem.openSync(dir, 'r');
  try {
    fileSystem.fsyncSync(fd);
  } finally {
    fileSystem.closeSync(fd);
  }
};

/**
 * Replaces `file` with `text` so that a crash or a power cut leaves either the old file or the new one, never
 * an empty or half-written one: a temp file written and flushed, renamed over the old, then the folder flushed.
 * A failed write (a full disk) leaves the old file as it was and no temp file behind.
 */
export const writeFileDurably = async (file: string, text: string, options: { mode: number; dirMode: number }): Promise<void> => {
  const dir = path.dirname(file);
  await fileSystem.mkdir(dir, options.dirMode);
  const temp = `${file}.${randomUUID()}.tmp`;
  try {
    const handle = await fileSystem.open(temp, 'wx', options.mode);
    try {
      await handle.writeFile(text, 'utf8');
      // The mode given to open is filtered by the umask; set it explicitly.
      await handle.chmod(options.mode);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fileSystem.rename(temp, file);
  } catch (error) {
    await fileSystem.rm(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(dir);
};

export type JsonFileRead<T> =
  | { kind: 'missing' }
  | { kind: 'read'; value: T }
  /** Empty, cut short or not what the schema says: set aside under `keptAs` (null when even that failed). */
  | { kind: 'damaged'; keptAs: string | null };

/**
 * Reads a small JSON file through its schema. A damaged one is never parsed into the app nor deleted: it is
 * renamed `<file>.corrupt-<time>` beside the original, so that it can be looked at, and the caller starts
 * without it. I/O errors other than a missing file are thrown.
 */
export const readJsonFile = async <T>(file: string, schema: z.ZodType<T>, now: Date = new Date()): Promise<JsonFileRead<T>> => {
  let text: string;
  try {
    text = await fileSystem.readFile(file);
  } catch (error) {
    if (isMissing(error)) return { kind: 'missing' };
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { kind: 'read', value: parsed.data };
  const keptAs = `${file}.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
  try {
    await fileSystem.rename(file, keptAs);
    await syncDirectory(path.dirname(file));
    return { kind: 'damaged', keptAs };
  } catch {
    return { kind: 'damaged', keptAs: null };
  }
};

/** Thrown by a vault whose file could not be read: the caller treats it as signed out and says so. */
export class SecretsUnreadableError extends Error {
  constructor(readonly keptAs: string | null) {
    super('The saved sign-in could not be read.');
    this.name = 'SecretsUnreadableError';
  }
}
