import type { AccountId } from '../../../shared/domain/accounts';
import type { RecordType } from '../../../shared/platform/records';
import { setSynchronous, type WritableDB } from '../db/database';
import {
  confirmReplacedRecord,
  finishReplacement,
  isReplacementPending,
  prepareRecordUpsert,
  removeRecord,
  type RowValue,
} from '../db/repositories/platform-records-repository';
import { checkpointBetweenPages, finishBulkLoad, isFullTextRebuildOwed, pauseFullTextIndexing } from '../db/repositories/fts-maintenance';
import { pauseInsightsMaintenance, resumeInsightsMaintenance } from '../db/repositories/insights-maintenance';
import { hasUnsentWrites } from '../db/repositories/outbox-repository';
import { hasProfileLocalEdits } from '../db/repositories/portfolio-repository';
import { hasLocalEdits } from '../db/repositories/proposals-repository';
import { adoptPulledProfile } from '../portfolio/portfolio-writes';
import { countQuarantine, quarantineRecord, releaseQuarantined } from '../db/repositories/quarantine-repository';
import { readAccountValue, writeAccountValue } from '../db/repositories/sync-state-repository';
import { editableTypes, type FeedItem, type FeedPage } from './feed-page';
import { createInlineParser, createWorkerParser, type FeedParser } from './feed-parser';
import { rebuildFullText, rebuildFullTextMeanwhile } from './full-text-rebuild';
import type { PlatformClient, PlatformResult } from './platform-client';
import { backoffDelay } from './retry-policy';

export type PullProgress = {
  applied: number;
  /** The types of the records applied (not those set aside): which views must read again. */
  appliedTypes: Set<RecordType>;
  quarantined: number;
  pages: number;
  /** How long the longest write transaction held the writer: reads wait at most this long. */
  maxTransactionMs: number;
  /** Every write transaction's duration, for percentiles in benchmarks. */
  transactionMs: number[];
};

export type PullOutcome =
  | { kind: 'done'; progress: PullProgress }
  | Exclude<PlatformResult, { kind: 'ok' } | { kind: 'conflict' }>;

/** A first load fetches the platform's largest pages; later pulls only what changed, in ordinary pages. */
const pageLimit = (bulk: boolean): number => (bulk ? 1000 : 200);
/**
 * The most a write transaction may take, its commit included, before it lets reads and RPC calls in. Rows
 * are applied until the time left is what the last commits took; the clock is read after every row, so a
 * slow row or a busy machine shortens the transaction instead of stretching it.
 */
const transactionBudgetMs = 12;
/** A chunk of the search index rebuild fills for this long; its commit writes what it filled (a few ms more). */
export const rebuildBudgetMs = 8;
/** Pages (or rebuild chunks) between passive checkpoints of a first load, and between those the writer waits for. */
export const checkpointEvery = 8;
export const checkpointWaitEvery = 32;
/** A page of a first load is at most a few hundred kilobytes: a few of them read ahead bound the memory. */
const readAhead = 2;
const maxPageBytes = 64 * 1024 * 1024;

type Read = { kind: 'page'; page: Extract<FeedPage, { ok: true }> } | { kind: 'stop'; outcome: PullOutcome } | { kind: 'error'; error: unknown };
type Fetched = { parsed: Promise<FeedPage>; expected: { cursor: string; hasMore: boolean } | null } | Exclude<Read, { kind: 'page' }>;

const tailCursor = /"next_cursor":"([^"\\]{1,200})","has_more":(true|false)\}\s*$/;

/**
 * Where a page says the feed goes on, read from its last bytes before the page is parsed, so the next page
 * can be asked for at once. Only a hint: the parsed page must agree, or the pull stops and starts again.
 */
const peekNextCursor = (bytes: Uint8Array): { cursor: string; hasMore: boolean } | null => {
  const match = tailCursor.exec(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1', Math.max(0, bytes.byteLength - 400)));
  return match ? { cursor: match[1]!, hasMore: match[2] === 'true' } : null;
};

/**
 * Reads pages ahead of the writer: each page is asked for as soon as the previous one's cursor is known (read
 * from its tail, checked once it is parsed) and parsed in the worker during a first load, so the network, the
 * platform and the parsing of the next pages overlap the writing of this one. Stops at the last page, at the
 * first failure, or when closed.
 */
const readPagesAhead = (options: {
  client: PlatformClient;
  parser: FeedParser;
  cursor: string | null;
  depth: number;
  pageSize: number;
  attempt: number;
  signal: AbortSignal | undefined;
}): { next(): Promise<Read>; close(): void } => {
  const buffer: Fetched[] = [];
  let consumer: ((fetched: Fetched) => void) | null = null;
  let producer: (() => void) | null = null;
  let closed = false;
  const deliver = (fetched: Fetched): void => {
    if (consumer) {
      const waiting = consumer;
      consumer = null;
      waiting(fetched);
    } else buffer.push(fetched);
  };

  void (async () => {
    let cursor = options.cursor;
    // Once a page arrives, a failure after it in this pull is a first failure again.
    let attempt = options.attempt;
    const seen = new Set<string>();
    try {
      for (;;) {
        while (buffer.length >= options.depth && !closed) await new Promise<void>((resolve) => (producer = resolve));
        if (closed) return;
        const result = await options.client.send(
          {
            method: 'GET',
            path: '/v1/changes',
            query: { cursor: cursor ?? undefined, limit: options.pageSize },
            accept: 'bytes',
            maxBytes: maxPageBytes,
            ...(options.signal ? { signal: options.signal } : {}),
          },
          attempt,
        );
        if (closed) return;
        if (result.kind === 'conflict') return deliver({ kind: 'stop', outcome: { kind: 'rejected', status: 409, error: null, reason: 'unexpected conflict' } });
        if (result.kind !== 'ok') return deliver({ kind: 'stop', outcome: result });
        attempt = 0;
        const bytes = result.body as Uint8Array;
        const expected = peekNextCursor(bytes);
        const parsed = options.parser.parse(bytes);
        deliver({ parsed, expected });
        // Without a readable tail, the next page waits for this one's parse.
        const next = expected ?? (await parsed.then((page) => (page.ok ? { cursor: page.nextCursor, hasMore: page.hasMore } : null)));
        if (!next?.hasMore || closed) return;
        // A feed that hands back a cursor already seen in this pull would loop forever: stop and try later.
        if (next.cursor === cursor || seen.has(next.cursor)) {
          return deliver({ kind: 'stop', outcome: { kind: 'retry', delayMs: backoffDelay(Math.max(3, options.attempt)), reason: 'the feed repeated a page' } });
        }
        seen.add(next.cursor);
        cursor = next.cursor;
      }
    } catch (error) {
      if (!closed) deliver({ kind: 'error', error });
    }
  })();

  return {
    next: async () => {
      const fetched = buffer.shift() ?? (await new Promise<Fetched>((resolve) => (consumer = resolve)));
      if (producer) {
        const waiting = producer;
        producer = null;
        waiting();
      }
      if ('kind' in fetched) return fetched;
      const page = await fetched.parsed;
      // An HTML page with status 200, a cut-off body or a page of another shape: not data, try again later.
      if (!page.ok) return { kind: 'stop', outcome: { kind: 'retry', delayMs: backoffDelay(Math.max(1, options.attempt)), reason: page.reason } };
      if (fetched.expected && (fetched.expected.cursor !== page.nextCursor || fetched.expected.hasMore !== page.hasMore)) {
        return { kind: 'stop', outcome: { kind: 'retry', delayMs: backoffDelay(options.attempt), reason: 'a page whose cursor was misread' } };
      }
      return { kind: 'page', page };
    },
    close: () => {
      closed = true;
      producer?.();
    },
  };
};

/**
 * Pulls the change feed page by page. A page is written in transactions of at most a few milliseconds, the
 * cursor in the same transaction as the page's last changes, so a crash resumes where it stopped: an
 * interrupted page is fetched again and its changes already written are no-ops (upserts and deletes are
 * guarded by version, quarantine entries replace their record's earlier one). Records that fail validation
 * go to quarantine with the reason; the rest of the page applies. Every record is stamped with `accountId`
 * (bound with the row's values, no query per row), whose cursor this pull reads and moves.
 */
export const pullChanges = async (options: {
  db: WritableDB;
  client: PlatformClient;
  accountId: AccountId;
  now?: () => Date;
  onPage?: (progress: PullProgress) => void;
  signal?: AbortSignal;
  /** Overrides the page size (tests that want many small transactions). */
  pageSize?: number;
  /** How many rounds failed in a row before this one (the sync service counts): a failure's backoff grows with it. */
  attempt?: number;
  log?: (message: string) => void;
}): Promise<PullOutcome> => {
  const { db, accountId } = options;
  const now = options.now ?? (() => new Date());
  const progress: PullProgress = { applied: 0, appliedTypes: new Set(), quarantined: 0, pages: 0, maxTransactionMs: 0, transactionMs: [] };

  const cursor = readAccountValue(db, accountId, 'cursor');
  // A replacement's snapshot (the platform forgot our cursor): every proposal and portfolio item it holds is
  // confirmed as it arrives; the ones it lacks are settled when it is complete.
  const replacing = isReplacementPending(db, accountId);
  // An empty workspace is about to receive everything: build the search indexes once, after the load.
  if (cursor === null && !isFullTextRebuildOwed(db)) pauseFullTextIndexing(db);
  // A first load, fresh or resumed after a crash: everything it writes is the platform's and can be fetched again.
  const bulk = isFullTextRebuildOwed(db);
  // The insights columns are filled once at its end too, not re-read by a trigger per message (a crash
  // leaves them aside with their SQL saved; the next start or the load's end puts them back).
  if (bulk) pauseInsightsMaintenance(db);
  // Also after a restart mid-load (a new connection starts with the default).
  if (bulk) db.pragma('wal_autocheckpoint = 0');
  const parser = bulk ? createWorkerParser({ databaseFile: db.name, ...(options.log ? { log: options.log } : {}) }) : createInlineParser();
  const pages = readPagesAhead({
    client: options.client,
    parser,
    cursor,
    depth: bulk ? readAhead : 1,
    pageSize: options.pageSize ?? pageLimit(bulk),
    attempt: options.attempt ?? 0,
    signal: options.signal,
  });
  const checkpoint = async (): Promise<void> => {
    if (!(await parser.checkpoint())) checkpointBetweenPages(db);
  };
  const recordTransaction = (ms: number): void => {
    progress.transactionMs.push(ms);
    progress.maxTransactionMs = Math.max(progress.maxTransactionMs, ms);
  };
  // What the last commits took (a moving average), kept out of the time rows may use.
  let commitMs = 1;
  let indexMeanwhile = bulk;
  const upserts = new Map<string, ReturnType<typeof prepareRecordUpsert>>();
  const upsertFor = (type: RecordType, columns: string[]): ReturnType<typeof prepareRecordUpsert> => {
    const key = `${type}:${columns.join(',')}`;
    let upsert = upserts.get(key);
    if (!upsert) {
      upsert = prepareRecordUpsert(db, type, columns, accountId);
      upserts.set(key, upsert);
    }
    return upsert;
  };

  try {
    for (;;) {
      const next = pages.next();
      // A first load's writer would wait here for the parser or the network: it builds the search indexes
      // for the rows already written meanwhile, a chunk at a time, so less is left for the end.
      if (bulk && indexMeanwhile) {
        let arrived = false;
        void next.then(
          () => (arrived = true),
          () => (arrived = true),
        );
        await new Promise((resolve) => setImmediate(resolve));
        while (!arrived && indexMeanwhile && !options.signal?.aborted && db.open) {
          indexMeanwhile = rebuildFullTextMeanwhile(db, { budgetMs: rebuildBudgetMs, onTransaction: recordTransaction });
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      const read = await next;
      if (options.signal?.aborted) throw new Error('pull stopped');
      if (read.kind === 'error') throw read.error;
      if (read.kind === 'stop') return read.outcome;
      const { page } = read;

      const fetchedAt = now().toISOString();
      const writers = new Map<RecordType, (values: readonly RowValue[], raw: Uint8Array, record: never, fetchedAt: string) => boolean>();
      for (const [type, columns] of Object.entries(page.columns) as [RecordType, string[]][]) writers.set(type, upsertFor(type, columns));
      let quarantineHolds = countQuarantine(db) > 0;
      const apply = (item: FeedItem): void => {
        if (replacing && item.op !== 'delete') confirmReplacedRecord(db, item.type, item.id, fetchedAt);
        if (item.op === 'invalid') {
          quarantineRecord(db, { type: item.type, recordId: item.id, reason: item.reason, raw: item.envelope, receivedAt: fetchedAt, accountId });
          quarantineHolds = true;
          progress.quarantined++;
          return;
        }
        progress.appliedTypes.add(item.type);
        // A profile edited before this workspace ever synced: the pull teaches it its account and version and
        // queues the edit against that version, instead of replacing it.
        if (item.op === 'upsert' && item.type === 'profile' && item.record && hasProfileLocalEdits(db)) {
          adoptPulledProfile(db, item.record as never, fetchedAt, now(), accountId);
          progress.applied++;
          return;
        }
        // The user's unsent edit wins locally until its push settles: it carries its base version, so the
        // platform answers 409 with this newer record, and the user chooses. Nothing is overwritten silently.
        if (
          editableTypes.has(item.type) &&
          (hasUnsentWrites(db, item.type, item.id) || (item.type === 'proposal' && hasLocalEdits(db, item.id)))
        ) {
          progress.applied++;
          return;
        }
        if (item.op === 'delete') removeRecord(db, item.type, item.id, item.version);
        else writers.get(item.type)!(item.values, item.raw, item.record as never, fetchedAt);
        if (quarantineHolds) releaseQuarantined(db, item.type, item.id);
        progress.applied++;
      };

      let index = 0;
      for (let done = false; !done; ) {
        const transactionStart = performance.now();
        const applyUntil = transactionStart + Math.max(2, transactionBudgetMs - commitMs);
        let committing = 0;
        // During a first load, its transactions hold only platform records and the cursor, all of which the
        // platform sends again: they commit without waiting for the disk (synchronous=NORMAL, still atomic and
        // crash-safe in WAL mode). A power cut can lose only the last pages, and the cursor with them, so the
        // next pull fetches them again. Everything the user writes (and the outbox) stays FULL.
        if (bulk) setSynchronous(db, 'NORMAL');
        try {
          db.transaction(() => {
            while (index < page.items.length) {
              apply(page.items[index++]!);
              if (performance.now() > applyUntil) break;
            }
            if (index === page.items.length) {
              writeAccountValue(db, accountId, 'cursor', page.nextCursor);
              // The snapshot's last page: what it did not hold is gone from the platform.
              if (replacing && !page.hasMore) finishReplacement(db, accountId);
              done = true;
            }
            committing = performance.now();
          }).immediate();
        } finally {
          if (bulk) setSynchronous(db, 'FULL');
        }
        const transactionEnd = performance.now();
        commitMs = commitMs * 0.8 + (transactionEnd - committing) * 0.2;
        recordTransaction(transactionEnd - transactionStart);
        // Let other work (reads, RPC calls, the pages being read ahead) run between transactions.
        if (!done || page.hasMore) await new Promise((resolve) => setImmediate(resolve));
        if (options.signal?.aborted) throw new Error('pull stopped');
      }
      progress.pages++;
      // New rows are in: there may be something to index again while waiting for the next page.
      indexMeanwhile = bulk;
      // The log grows by every page of a first load: copy it into the database file now and then, on the
      // parser's thread when there is one (its own connection, a passive checkpoint: the writer goes on).
      // Now and then the writer waits for one: copied up to its last frame, the log starts over from its
      // beginning at the next commit instead of growing past a gigabyte (a file that keeps growing makes
      // commits wait on the file system while the checkpoint syncs, and was slow to truncate at the end).
      if (bulk && progress.pages % checkpointWaitEvery === 0) await checkpoint();
      else if (bulk && progress.pages % checkpointEvery === 0) void checkpoint();
      options.onPage?.(progress);
      if (!page.hasMore) {
        if (bulk) {
          const filling = performance.now();
          resumeInsightsMaintenance(db);
          recordTransaction(performance.now() - filling);
          // The rest of the search indexes, in chunks so the thread stays free for the UI's calls; a stop or
          // a crash leaves the flag, and the next pull or start goes on from the last chunk.
          const rebuilt = await rebuildFullText(db, {
            budgetMs: rebuildBudgetMs,
            onTransaction: recordTransaction,
            checkpoint: { run: checkpoint, every: checkpointEvery, waitEvery: checkpointWaitEvery },
            ...(options.signal ? { signal: options.signal } : {}),
          });
          if (!rebuilt) throw new Error('pull stopped');
          // The log emptied and cut back on the parser's thread (after a rebuild it can be large, and
          // truncating it takes a while): this thread answers the UI.
          const truncated = await parser.checkpoint({ truncate: true });
          finishBulkLoad(db, { truncated });
        }
        writeAccountValue(db, accountId, 'last_sync_at', now().toISOString());
        return { kind: 'done', progress };
      }
    }
  } finally {
    pages.close();
    parser.close();
  }
};
