/**
 * Between a Freelancer pull and store.ts: the records each page maps are queued and stored in write
 * transactions of about `transactionBudgetMs`, commit included (the clock read after every record, as the change
 * feed's pull does), the event loop turned between them, so the UI's calls, answered by this thread, wait for one
 * transaction at most. During a first sync the records of a few pages share a transaction (there, a page per
 * transaction or less spent an eighth of the sync in commits, each writing the same index pages to the log
 * again), and the write-ahead log is copied into the database file on another thread (the feed parser's, with its
 * own connection; the copy syncs the file, which on this thread held everything else up).
 *
 * Nothing of a run counts as stored before `flush`: the connector flushes at a run's end, before the run's
 * watermark moves, so a crash or a stop loses only records the next round fetches again.
 */
import type { AccountId } from '../../../../shared/domain/accounts';
import { setSynchronous, type WritableDB } from '../../db/database';
import { checkpointBetweenPages } from '../../db/repositories/fts-maintenance';
import { createWorkerParser, type FeedParser } from '../../sync/feed-parser';
import { checkpointEvery, checkpointWaitEvery } from '../../sync/pull';
import { readFreelancerState } from './account-state';
import type { MappedRecord } from './pull-run';
import { type StoreReport, storeMappedRecords } from './store';

/** The most a write transaction may take, its commit included, before reads and RPC calls get their turn. */
export const transactionBudgetMs = 12;
/** During a first sync, records wait until this many are queued (a few pages' worth), then fill transactions. */
const firstSyncBatch = 400;

export type RecordWriter = {
  /** A page's records: queued, and stored while more than a batch waits (at once outside a first sync). */
  add(records: readonly MappedRecord[]): Promise<void>;
  /** Every queued record stored: a run's end, before its watermark moves. */
  flush(): Promise<void>;
  /** A first sync's page was handed over: the log is copied into the file now and then (see pull.ts). */
  afterPage(pages: number): Promise<void>;
  /** Copies the log into the file (off this thread when it can), for the search index rebuild's cadence. */
  checkpoint(): Promise<void>;
  /** The first sync is complete: the log emptied and cut back off this thread; false if that could not be done there. */
  truncate(): Promise<boolean>;
  close(): void;
};

export const createRecordWriter = (options: {
  db: WritableDB;
  accountId: AccountId;
  /** The account's first sync: its refetchable rows commit without waiting for the disk (synchronous=NORMAL). */
  firstSync: boolean;
  /** A bulk load (search indexes paused, automatic checkpoints off): the log needs copying between pages. */
  bulk: boolean;
  now: () => Date;
  signal: AbortSignal;
  onStored: (report: StoreReport) => void;
  log?: (message: string) => void;
}): RecordWriter => {
  const { db, accountId, signal } = options;
  const queue: MappedRecord[] = [];
  /** What the last commits took, so a transaction leaves room for its own. */
  let commitMs = 2;
  /** Started at the first copy a bulk load asks for. */
  let copier: FeedParser | null = null;

  /** Stores queued records, a transaction at a time, until no more than `keep` are left. */
  const store = async (keep: number): Promise<void> => {
    let from = 0;
    try {
      while (queue.length - from > keep) {
        if (signal.aborted) throw new Error('pull stopped');
        if (from > 0) await new Promise((resolve) => setImmediate(resolve));
        const began = performance.now();
        const until = began + Math.max(2, transactionBudgetMs - commitMs);
        const adopted = readFreelancerState(db, accountId, options.now().getTime());
        const fetchedAt = options.now().toISOString();
        let committing = began;
        if (options.firstSync) setSynchronous(db, 'NORMAL');
        try {
          const report = db
            .transaction(() => {
              const stored = storeMappedRecords(db, accountId, queue, adopted, fetchedAt, { from, until, firstSync: options.firstSync });
              committing = performance.now();
              return stored;
            })
            .immediate();
          from += report.taken;
          options.onStored(report);
        } finally {
          if (options.firstSync) setSynchronous(db, 'FULL');
        }
        commitMs = commitMs * 0.8 + (performance.now() - committing) * 0.2;
      }
    } finally {
      queue.splice(0, from);
    }
  };

  const checkpoint = async (): Promise<void> => {
    copier ??= createWorkerParser({ databaseFile: db.name, ...(options.log ? { log: options.log } : {}) });
    if (!(await copier.checkpoint())) checkpointBetweenPages(db);
  };

  return {
    add: async (records) => {
      queue.push(...records);
      await store(options.firstSync ? firstSyncBatch : 0);
    },
    flush: () => store(0),
    afterPage: async (pages) => {
      if (!options.bulk) return;
      if (pages % checkpointWaitEvery === 0) await checkpoint();
      else if (pages % checkpointEvery === 0) void checkpoint();
    },
    checkpoint,
    truncate: async () => (await copier?.checkpoint({ truncate: true })) === true,
    close: () => copier?.close(),
  };
};
