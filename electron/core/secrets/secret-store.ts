import { z } from 'zod';
import { fileSystem } from '../storage/file-system';
import { readJsonFile, SecretsUnreadableError, writeFileDurably } from '../storage/durable-file';

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
 * A JSON file of secrets readable only by its owner (0600, in a 0700 folder). Writes are durable (temp file
 * flushed, renamed, folder flushed), so a crash or power cut never leaves half a vault; calls are serialised.
 * A damaged file (empty, cut short, not a vault) is set aside as `.corrupt-<time>`: the read that finds it
 * throws SecretsUnreadableError (the session then says the saved sign-in was lost), later calls start empty.
 */
export const createFileSecretStore = (file: string, log: (message: string) => void = () => undefined): SecretStore => {
  let queue: Promise<unknown> = Promise.resolve();
  const serialise = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const load = async (mode: 'read' | 'write'): Promise<Record<string, string>> => {
    const read = await readJsonFile(file, vaultFileSchema);
    if (read.kind === 'read') return read.value;
    if (read.kind === 'damaged') {
      // Never the content: it may hold tokens.
      log(`The secret vault file was unreadable; ${read.keptAs ? `kept aside as ${read.keptAs}` : 'it could not be moved aside'}.`);
      if (mode === 'read') throw new SecretsUnreadableError(read.keptAs);
    }
    return {};
  };

  const save = (entries: Record<string, string>): Promise<void> =>
    writeFileDurably(file, JSON.stringify(entries), { mode: 0o600, dirMode: 0o700 });

  return {
    readSecret: (key) =>
      serialise(async () => {
        secretKeySchema.parse(key);
        return (await load('read'))[key] ?? null;
      }),
    writeSecret: (key, value) =>
      serialise(async () => {
        secretKeySchema.parse(key);
        secretValueSchema.parse(value);
        await save({ ...(await load('write')), [key]: value });
      }),
    deleteSecret: (key) =>
      serialise(async () => {
        secretKeySchema.parse(key);
        const entries = await load('write');
        if (!(key in entries)) return;
        delete entries[key];
        if (Object.keys(entries).length === 0) await fileSystem.rm(file);
        else await save(entries);
      }),
  };
};
