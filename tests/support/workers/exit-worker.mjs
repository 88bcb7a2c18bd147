// A worker for tests that stop a page reader with pages in hand: it takes a message and exits, answering none.
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', () => setTimeout(() => process.exit(7), 20));
