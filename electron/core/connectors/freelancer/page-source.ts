/**
 * Where a poll's pages are read (page-reader.ts): on the core's thread, or, during a first sync, where that is a
 * third of the core's work, on a worker thread (page-reader-worker.ts) while the core stores the pages before.
 * The token stays with the core's client: a worker is handed it per request and never renews it.
 *
 * Kept apart from page-reader.ts, which the worker imports: the worker's address is taken from this module's
 * own, which the build must leave in core.js beside the worker's file (not in a chunk the two share).
 */
import { fetchAnswer, type FreelancerAnswer, type FreelancerClient } from './api-client';
import { type MappedPage, type PageData, type PageRead, pageOfMapped, type PageWorkerRequest, type ProjectTitle, readPageResult } from './page-reader';
import { startWorkerCalls } from '../../sync/worker-calls';

/** Reads pages for a poll; `close` ends what it started. */
export type PageSource = {
  read(page: PageRead, projectTitle?: ProjectTitle): Promise<FreelancerAnswer<PageData>>;
  close(): void;
};

/** On this thread, through the client (its fetch, its token). */
export const createInlinePageSource = (client: FreelancerClient): PageSource => ({
  read: ({ resource, request, context }, projectTitle) => client.sendWith(request, readPageResult(resource, context, projectTitle)),
  close: () => undefined,
});

/** From sources (tsx, vitest) the worker is the .ts file next to this one; in the build, its own entry next to core.js. */
export const pageReaderWorkerUrl = (base: string = import.meta.url): URL =>
  new URL(base.endsWith('.ts') ? './page-reader-worker.ts' : './page-reader-worker.js', base);

/**
 * The worker's heap, bounded (left to itself it grew the core past 340 MB in the connectors bench). Measured
 * there with eight pages in flight: 32 MB of old generation collected without end (twice the sync's time), a
 * young generation of 16 MB spent a tenth of the thread in scavenges, 64 MB of it starved the old one.
 */
const workerLimits = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 32 };

/**
 * On a worker thread, through the client's token handling (a 401 renewed here, the page asked for again). Threads
 * stay on this thread (a subject is a stored project's title; they are a page in fifty). A worker that cannot
 * start or stops leaves the pages to this thread, those it held included, said once in the log.
 */
export const createWorkerPageSource = (client: FreelancerClient, options: { log?: (message: string) => void; workerUrl?: URL } = {}): PageSource => {
  const inline = createInlinePageSource(client);
  let logged = false;
  const readInline = (reason: string): void => {
    if (logged) return;
    logged = true;
    options.log?.(`First sync reads Freelancer pages on the core's thread (slower): ${reason}`);
  };
  const started = startWorkerCalls<PageWorkerRequest, FreelancerAnswer<MappedPage>>(options.workerUrl ?? pageReaderWorkerUrl(), {
    limits: workerLimits,
    name: 'Freelancer page reader',
    stopped: readInline,
  });
  if ('failed' in started) {
    readInline(started.failed);
    return inline;
  }
  return {
    read: (page, projectTitle) =>
      page.resource === 'threads' || !started.running
        ? inline.read(page, projectTitle)
        : client.exchange(async (token) => {
            const answer = await started.call({ ...page, settings: client.settings, token });
            // The worker stopped with the page in hand (its heap, a crash): read here instead (a GET: asking twice is harmless).
            if (answer === null) return fetchAnswer(client.settings, page.request, token, readPageResult(page.resource, page.context, projectTitle));
            return answer.ok ? { ...answer, value: pageOfMapped(answer.value) } : answer;
          }),
    close: () => started.close(),
  };
};
