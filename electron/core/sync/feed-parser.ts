import { parseFeedPage, type FeedPage } from './feed-page';
import type { FeedWorkerRequest } from './feed-parser-worker';
import { startWorkerCalls } from './worker-calls';

/**
 * Turns a changes page's bytes into rows. `checkpoint` copies the write-ahead log into the database file off
 * the writer's thread and answers false when it could not (the caller then does it itself); `close` ends
 * whatever it started.
 */
export type FeedParser = {
  readonly thread: 'inline' | 'worker';
  parse(bytes: Uint8Array): Promise<FeedPage>;
  checkpoint(options?: { truncate?: boolean }): Promise<boolean>;
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

/** From sources (tsx, vitest) the worker is the .ts file next to this one; in the build, its own entry next to core.js. */
export const feedParserWorkerUrl = (base: string = import.meta.url): URL =>
  new URL(base.endsWith('.ts') ? './feed-parser-worker.ts' : './feed-parser-worker.js', base);

/**
 * The worker's heap, bounded: left to itself V8 lets a thread that churns through pages grow to over 100 MB
 * before collecting; a page needs a few MB. Pages bigger than `inlineAboveBytes` (never on a first load's
 * pages, a few hundred kB each) parse inline rather than risk the limit.
 */
const workerLimits = { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 8 };
const inlineAboveBytes = 4 * 1024 * 1024;

/**
 * Why pages parse inline instead, said once per process in the log. Set when a worker could not start or died
 * (a thread that cannot load its modules would fail every page of every pull): later pulls then parse inline.
 */
let workerUnavailable: string | null = null;
let unavailabilityLogged = false;
const reportInline = (log: ((message: string) => void) | undefined, reason: string, lasting: boolean): void => {
  if (lasting) workerUnavailable ??= reason;
  if (unavailabilityLogged || !log) return;
  unavailabilityLogged = true;
  log(`First sync parses pages on the core's thread (slower, the UI may wait longer): ${reason}`);
};

/**
 * In a worker thread: for a first load, where JSON, validation and mapping of the next pages cost as much as
 * writing this one, and the machine has a second core. Falls back to parsing inline if the thread cannot run.
 */
export const createWorkerParser = (options: { databaseFile: string; log?: (message: string) => void; workerUrl?: URL }): FeedParser => {
  const inline = createInlineParser();
  if (workerUnavailable) {
    reportInline(options.log, workerUnavailable, true);
    return inline;
  }
  // Pages handed over are gone with the thread: they fail (the pull retries them); later ones parse inline.
  const started = startWorkerCalls<FeedWorkerRequest, { page?: FeedPage; checkpointed?: boolean }>(options.workerUrl ?? feedParserWorkerUrl(), {
    limits: workerLimits,
    name: 'feed parser',
    stopped: (reason) => reportInline(options.log, reason, true),
  });
  // A build without the worker's file parses inline rather than failing every page.
  if ('failed' in started) {
    reportInline(options.log, started.failed, !started.missing);
    return inline;
  }
  const stopped: FeedPage = { ok: false, reason: 'the feed parser stopped' };

  return {
    get thread() {
      return started.running ? 'worker' : 'inline';
    },
    parse: async (bytes) => {
      if (!started.running || bytes.byteLength > inlineAboveBytes) return inline.parse(bytes);
      // Handed over, not copied, when the bytes are a buffer of their own (as fetched).
      const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
      const answer = await started.call({ bytes }, whole ? [bytes.buffer as ArrayBuffer] : []);
      return answer?.page ?? stopped;
    },
    checkpoint: async (mode) =>
      started.running ? (await started.call({ checkpoint: options.databaseFile, truncate: mode?.truncate === true }))?.checkpointed === true : false,
    close: () => started.close(),
  };
};
