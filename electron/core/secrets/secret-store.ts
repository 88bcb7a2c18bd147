import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/**
 * Where the core keeps platform tokens. In Electron the main process holds them encrypted with
 * safeStorage (reached over host messages, see electron/core/host-services.ts); web-host and tests use
 * the 0600 file vault below. Values never reach the renderer, the logs or SQLite.
 */
export type SecretStore = {
  readSecret(key: string): Promise<string | null>;
  writeSecret(key: string, value: string): Promise<void>;
  deleteSecret(key: string): Promise<void>;
};

/** Keys are short identifiers chosen by the code (e.g. `platform.refreshToken`), never user input. */
export const secretKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,128}$/)
  // `__proto__` or `constructor` would reach Object.prototype through a plain record.
  .refine((key) => !(key in Object.prototype), 'reserved key');
/** A refresh token or password, with room to spare; bigger payloads are refused rather than stored. */
export const secretValueSchema = z.string().max(64 * 1024);

const vaultFileSchema = z.record(secretKeySchema, z.string());

/**
 * A JSON file of secrets readable only by its owner (0600, in a 0700 folder). Writes go to a temp
 * file first and are renamed into place, so a crash never leaves half a vault; calls are serialised.
 */
export const createFileSecretStore = (file: string): SecretStore => {
  let queue: Promise<unknown> = Promise.resolve();
  const serialise = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const load = async (): Promise<Record<string, string>> => {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw error;
    }
    const parsed = vaultFileSchema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new Error('The secret vault file is corrupt.');
    return parsed.data;
  };

  const save = async (entries: Record<string, string>): Promise<void> => {
    const dir = path.dirname(file);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(entries), { mode: 0o600 });
    // The mode given to writeFile is filtered by the umask; set it explicitly.
    await chmod(temp, 0o600);
    await rename(temp, file);
  };

  return {
    readSecret: (key) =>
      serialise(async () => {
        secretKeySchema.parse(key);
        return (await load())[key] ?? null;
      }),
    writeSecret: (key, value) =>
      serialise(async () => {
        secretKeySchema.parse(key);
        secretValueSchema.parse(value);
        await save({ ...(await load()), [key]: value });
      }),
    deleteSecret: (key) =>
      serialise(async () => {
        secretKeySchema.parse(key);
        const entries = await load();
        if (!(key in entries)) return;
        delete entries[key];
        if (Object.keys(entries).length === 0) await rm(file, { force: true });
        else await save(entries);
      }),
  };
};
