import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { parseFeedPage, type FeedPage } from './feed-page';
import type { FeedWorkerRequest } from './feed-parser-worker';

/**
 * Turns a changes page's bytes into rows. `checkpoint` copies the write-ahead log into the database file off
 * the writer's thread and answers false when it could not (the caller then does it itself); `close` ends
 * whatever it started.
 */
export type FeedParser = {
  readonly thread: 'inline' | 'worker';
  parse(bytes: Uint8Array): Promise<FeedPage>;
  checkpoint(): Promise<boolean>;
  close(): void;
};

const decoder = new TextDecoder();

/** On the calling thread: for the small pages of everyday pulls, where a second thread buys nothing. */
export const createInlineParser = (): FeedParser => ({
  thread: 'inline',
  parse: (bytes) => Promise.resolve(parseFeedPage(decoder.decode(bytes))),
  checkpoint: () => Promise.resolve(false),
  close: () => undefined,
});

/**
 * In a worker thread: for a first load, where JSON, validation and mapping of the next pages cost as much as
 * writing this one, and the machine has a second core. Falls back to parsing inline if the thread cannot run.
 */
export const createWorkerParser = (options: { databaseFile: string }): FeedParser => {
  const inline = createInlineParser();
  // From sources (tsx, tests) the worker is the .ts file next to this one; in the build, its own entry.
  const fromSources = import.meta.url.endsWith('.ts');
  const url = new URL(fromSources ? './feed-parser-worker.ts' : './feed-parser-worker.js', import.meta.url);
  const execArgv = fromSources && !process.execArgv.some((arg) => arg.includes('tsx')) ? [...process.execArgv, '--import', 'tsx'] : undefined;
  const pending = new Map<number, (answer: { page?: FeedPage; checkpointed?: boolean }) => void>();
  let worker: Worker | null = null;
  let nextId = 0;
  // Pages handed over are gone with the thread: they fail (the pull retries them); later ones parse inline.
  const fail = (): void => {
    worker = null;
    for (const [id, resolve] of pending) {
      pending.delete(id);
      resolve({ page: { ok: false, reason: 'the feed parser stopped' }, checkpointed: false });
    }
  };
  try {
    // A build without the worker's file parses inline rather than failing every page.
    if (!existsSync(fileURLToPath(url))) return inline;
    worker = new Worker(url, execArgv ? { execArgv } : {});
    worker.unref();
    worker.on('message', (message: { id: number; page?: FeedPage; checkpointed?: boolean }) => {
      const resolve = pending.get(message.id);
      pending.delete(message.id);
      resolve?.(message);
    });
    worker.on('error', fail);
    worker.on('exit', fail);
  } catch {
    worker = null;
  }
  const ask = (request: FeedWorkerRequest, transfer: ArrayBuffer[] = []) =>
    new Promise<{ page?: FeedPage; checkpointed?: boolean }>((resolve) => {
      pending.set(request.id, resolve);
      worker!.postMessage(request, transfer);
    });

  return {
    get thread() {
      return worker ? 'worker' : 'inline';
    },
    parse: async (bytes) => {
      if (!worker) return inline.parse(bytes);
      // Handed over, not copied, when the bytes are a buffer of their own (as fetched).
      const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
      const answer = await ask({ id: nextId++, bytes }, whole ? [bytes.buffer as ArrayBuffer] : []);
      return answer.page ?? { ok: false, reason: 'the feed parser stopped' };
    },
    checkpoint: async () => (worker ? (await ask({ id: nextId++, checkpoint: options.databaseFile })).checkpointed === true : false),
    close: () => {
      const current = worker;
      worker = null;
      pending.clear();
      void current?.terminate();
    },
  };
};
