/**
 * The feed parser's thread during a first load: turns the bytes of a changes page into checked rows (see
 * feed-page.ts) while the core's thread writes the previous page, and copies the write-ahead log into the
 * database file (a passive checkpoint) so that the writer never does it. It writes no data of its own.
 */
import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { parseFeedPage } from './feed-page';

export type FeedWorkerRequest = { bytes: Uint8Array } | { checkpoint: string; truncate: boolean };

const decoder = new TextDecoder();
let checkpointer: Database.Database | null = null;

parentPort?.on('message', (message: FeedWorkerRequest & { id: number }) => {
  if ('bytes' in message) {
    const page = parseFeedPage(decoder.decode(message.bytes));
    // The page's bytes are handed over, not copied: this thread is done with them.
    parentPort?.postMessage({ id: message.id, answer: { page } }, page.ok ? page.buffers : []);
    return;
  }
  try {
    checkpointer ??= new Database(message.checkpoint, { fileMustExist: true });
    // PASSIVE: copies what it can without waiting for, or blocking, the writer and the readers. TRUNCATE, at
    // the end of a load, also empties the log and cuts the file back (it waits for readers, and holds writers).
    const [result] = checkpointer.pragma(`wal_checkpoint(${message.truncate ? 'TRUNCATE' : 'PASSIVE'})`) as { busy: number }[];
    parentPort?.postMessage({ id: message.id, answer: { checkpointed: !message.truncate || result?.busy === 0 } });
  } catch {
    parentPort?.postMessage({ id: message.id, answer: { checkpointed: false } });
  }
});
