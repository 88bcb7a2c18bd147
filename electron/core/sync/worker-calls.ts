import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * Calls to a worker thread of the core, each answered by the message that carries its id. A worker that fails
 * or exits answers every call still waiting with null and takes no more: the caller does the work itself.
 */
export type WorkerCalls<Request, Answer> = {
  /** The worker's answer, or null when it stopped first (or had already). */
  call(request: Request, transfer?: ArrayBuffer[]): Promise<Answer | null>;
  readonly running: boolean;
  close(): void;
};

/**
 * Starts the worker at `url`, or says why it could not (`missing`: no such file in this build; or the thread did
 * not start): `stopped` hears why a running one stopped. Messages are `{id, ...request}` one way and `{id, answer}`
 * the other.
 */
export const startWorkerCalls = <Request extends object, Answer>(
  url: URL,
  options: { limits: ResourceLimits; name: string; stopped: (reason: string) => void },
): WorkerCalls<Request, Answer> | { failed: string; missing: boolean } => {
  if (!existsSync(fileURLToPath(url))) return { failed: `no ${options.name} worker at ${fileURLToPath(url)}`, missing: true };
  const fromSources = url.pathname.endsWith('.ts');
  const execArgv = fromSources && !process.execArgv.some((arg) => arg.includes('tsx')) ? [...process.execArgv, '--import', 'tsx'] : undefined;
  const pending = new Map<number, (answer: Answer | null) => void>();
  let nextId = 0;
  let worker: Worker | null;
  const stop = (reason: string | null): void => {
    if (!worker) return;
    const current = worker;
    worker = null;
    for (const resolve of pending.values()) resolve(null);
    pending.clear();
    if (reason === null) void current.terminate();
    else options.stopped(reason);
  };
  try {
    worker = new Worker(url, { ...(execArgv ? { execArgv } : {}), resourceLimits: options.limits });
  } catch (error) {
    return { failed: `the ${options.name} worker did not start: ${error instanceof Error ? error.message : String(error)}`, missing: false };
  }
  worker.unref();
  worker.on('message', (message: { id: number; answer: Answer }) => {
    const resolve = pending.get(message.id);
    pending.delete(message.id);
    resolve?.(message.answer);
  });
  worker.on('error', (error) => stop(`the ${options.name} worker failed: ${error.message}`));
  worker.on('exit', (code) => stop(`the ${options.name} worker exited (${code})`));
  return {
    call: (request, transfer = []) =>
      worker === null
        ? Promise.resolve(null)
        : new Promise((resolve) => {
            const id = nextId++;
            pending.set(id, resolve);
            worker!.postMessage({ id, ...request }, transfer);
          }),
    get running() {
      return worker !== null;
    },
    // Ended on purpose: its exit is not a failure.
    close: () => stop(null),
  };
};
