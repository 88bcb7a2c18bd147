// A worker for tests/unit/sync/worker-calls.test.ts: answers each call with its text, or exits when told.
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', (message) => {
  if (message.text === 'exit') process.exit(3);
  setTimeout(() => parentPort?.postMessage({ id: message.id, answer: message.text.toUpperCase() }), message.delayMs ?? 0);
});
