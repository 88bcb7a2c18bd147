/**
 * The Freelancer page reader's thread during a first sync (page-reader.ts): fetches a page with the token it is
 * handed, parses, checks and maps it, and answers the records. It holds no token between requests and writes
 * nothing.
 */
import { parentPort } from 'node:worker_threads';
import { type PageWorkerRequest, readPageOnWorker } from './page-reader';

parentPort?.on('message', (message: PageWorkerRequest & { id: number }) => {
  void readPageOnWorker(message).then(
    (answer) => parentPort?.postMessage({ id: message.id, answer }),
    (error: unknown) => parentPort?.postMessage({ id: message.id, answer: { ok: false, error: { kind: 'invalid_answer', reason: error instanceof Error ? error.message : String(error) } } }),
  );
});
