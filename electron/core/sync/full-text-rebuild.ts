import { setSynchronous, type WritableDB } from '../db/database';
import { isFullTextRebuildOwed, rebuildFullTextStep } from '../db/repositories/fts-maintenance';

export type FullTextRebuildOptions = {
  /** The most one chunk's transaction may fill for: reads and RPC calls wait at most about this long. */
  budgetMs: number;
  /** Each chunk's transaction time, for the pull's statistics. */
  onTransaction?: (ms: number) => void;
  /**
   * Copies the write-ahead log into the database file (off this thread when it can): started every
   * `checkpointEvery` chunks, and waited for every `checkpointWaitEvery` so the log starts over (see pull.ts).
   */
  checkpoint?: { run: () => Promise<void>; every: number; waitEvery: number };
  signal?: AbortSignal;
};

const running = new WeakMap<WritableDB, Promise<boolean>>();

/**
 * During a first load, while the writer waits for the next page anyway: one chunk of the rebuild for the
 * rows already written, none of the indexes finished (rows keep arriving). Returns whether it indexed any
 * row, so a caller with nothing left to index stops asking until more rows are in.
 */
export const rebuildFullTextMeanwhile = (db: WritableDB, options: { budgetMs: number; onTransaction?: (ms: number) => void }): boolean => {
  if (running.has(db) || !isFullTextRebuildOwed(db)) return false;
  const started = performance.now();
  setSynchronous(db, 'NORMAL');
  try {
    return rebuildFullTextStep(db, { budgetMs: options.budgetMs, finish: false }).filled > 0;
  } finally {
    setSynchronous(db, 'FULL');
    options.onTransaction?.(performance.now() - started);
  }
};

/**
 * Builds the search indexes after a first load in short transactions, yielding to the event loop between
 * them, so the UI's calls (answered by this thread) and realtime pulls wait at most one chunk. One run per
 * workspace at a time: a second caller joins the first. Resolves true once the indexes are complete, false
 * if stopped before (the owed flag stays, and the next run carries on where this one stopped).
 */
export const rebuildFullText = (db: WritableDB, options: FullTextRebuildOptions): Promise<boolean> => {
  const current = running.get(db);
  if (current) return current;
  const run = (async () => {
    for (let step = 1; ; step++) {
      if (options.signal?.aborted || !db.open) return false;
      if (!isFullTextRebuildOwed(db)) return true;
      const started = performance.now();
      // The indexes are derived from rows already committed and their progress commits with them: a power
      // cut can only lose the last chunks, which the next run redoes. No need to wait for the disk.
      setSynchronous(db, 'NORMAL');
      let done: boolean;
      try {
        done = rebuildFullTextStep(db, { budgetMs: options.budgetMs }).complete;
      } finally {
        setSynchronous(db, 'FULL');
      }
      options.onTransaction?.(performance.now() - started);
      if (done) return true;
      if (options.checkpoint && step % options.checkpoint.waitEvery === 0) await options.checkpoint.run();
      else if (options.checkpoint && step % options.checkpoint.every === 0) void options.checkpoint.run();
      await new Promise((resolve) => setImmediate(resolve));
    }
  })().finally(() => running.delete(db));
  running.set(db, run);
  return run;
};
