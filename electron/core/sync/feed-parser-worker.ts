/**
 * The feed parser's thread during a first load: turns the bytes of a changes page into checked rows (see
 * feed-page.ts) while the core's thread writes the previous page, and copies the write-ahead log into the
 * database file (a passive checkpoint) so that the writer never does it. It writes no data of its own.
 */
import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { parseFeedPage } from './feed-page';

export type FeedWorkerRequest = { id: number; bytes: Uint8Array } | { id: number; checkpoint: string };

const decoder = new TextDecoder();
let checkpointer: Database.Database | null = null;

parentPort?.on('message', (message: FeedWorkerRequest) => {
  if ('bytes' in message) {
    parentPort?.postMessage({ id: message.id, page: parseFeedPage(decoder.decode(message.bytes)) });
    return;
  }
  try {
    checkpointer ??= new Database(message.checkpoint, { fileMustExist: true });
    // PASSIVE: copies what it can without waiting for, or blocking, the writer and the readers.
    checkpointer.pragma('wal_checkpoint(PASSIVE)');
    parentPort?.postMessage({ id: message.id, checkpointed: true });
  } catch {
    parentPort?.postMessage({ id: message.id, checkpointed: false });
  }
});
