import { changesEnvelopePageSchema, parseChange } from '../../../shared/platform/changes';
import type { RecordType } from '../../../shared/platform/records';
import type { WritableDB } from '../db/database';
import { applyRecord, removeRecord } from '../db/repositories/platform-records-repository';
import {
  checkpointBetweenPages,
  isFullTextRebuildOwed,
  pauseFullTextIndexing,
  resumeFullTextIndexing,
} from '../db/repositories/fts-maintenance';
import { hasUnsentWrites } from '../db/repositories/outbox-repository';
import { hasProfileLocalEdits } from '../db/repositories/portfolio-repository';
import { hasLocalEdits } from '../db/repositories/proposals-repository';
import { adoptPulledProfile } from '../portfolio/portfolio-writes';
import { quarantineRecord, releaseQuarantined } from '../db/repositories/quarantine-repository';
import { readSyncValue, writeSyncValue } from '../db/repositories/sync-state-repository';
import type { PlatformClient, PlatformResult } from './platform-client';
import { backoffDelay } from './retry-policy';

export type PullProgress = {
  applied: number;
  quarantined: number;
  pages: number;
  /** How long the longest page transaction held the writer: reads wait at most this long. */
  maxTransactionMs: number;
  /** Every page transaction's duration, for percentiles in benchmarks. */
  transactionMs: number[];
};

export type PullOutcome =
  | { kind: 'done'; progress: PullProgress }
  | Exclude<PlatformResult, { kind: 'ok' } | { kind: 'conflict' }>;

/** Records the user edits in Bottega (proposals, portfolio, profile); the rest only the platform writes. */
const editableTypes = new Set<RecordType>(['proposal', 'portfolio_item', 'profile']);

/** First syncs fetch big pages; later ones only what changed, in ordinary pages. */
const pageLimit = (cursor: string | null): number => (cursor === null ? 500 : 200);

/**
 * Pulls the change feed page by page. Each page is applied in one transaction together with its cursor,
 * so a crash resumes exactly where it stopped and nothing applies twice. Records that fail validation go
 * to quarantine with the reason; the rest of the page applies.
 */
export const pullChanges = async (options: {
  db: WritableDB;
  client: PlatformClient;
  now?: () => Date;
  onPage?: (progress: PullProgress) => void;
  signal?: AbortSignal;
  /** Overrides the page size (tests that want many small transactions). */
  pageSize?: number;
}): Promise<PullOutcome> => {
  const { db, client } = options;
  const now = options.now ?? (() => new Date());
  const progress: PullProgress = { applied: 0, quarantined: 0, pages: 0, maxTransactionMs: 0, transactionMs: [] };
  const seen = new Set<string>();
  const fetchPage = (cursor: string | null) => {
    const request = client.send({
      method: 'GET',
      path: '/v1/changes',
      query: { cursor: cursor ?? undefined, limit: options.pageSize ?? pageLimit(cursor) },
      ...(options.signal ? { signal: options.signal } : {}),
    });
    // A prefetch abandoned by an early return must not surface as an unhandled rejection.
    request.catch(() => undefined);
    return request;
  };

  let cursor = readSyncValue(db, 'cursor');
  // An empty workspace is about to receive everything: build the search indexes once, after the load.
  if (cursor === null && !isFullTextRebuildOwed(db)) pauseFullTextIndexing(db);
  let next = fetchPage(cursor);

  for (;;) {
    const result = await next;
    if (options.signal?.aborted) throw new Error('pull stopped');
    if (result.kind === 'conflict') return { kind: 'rejected', status: 409, error: null, reason: 'unexpected conflict' };
    if (result.kind !== 'ok') return result;

    const page = changesEnvelopePageSchema.safeParse(result.body);
    if (!page.success) return { kind: 'retry', delayMs: backoffDelay(progress.pages), reason: 'a changes page that is not one' };
    // A feed that hands back a cursor already seen in this pull would loop forever: stop and try later.
    if (page.data.has_more && (page.data.next_cursor === cursor || seen.has(page.data.next_cursor))) {
      return { kind: 'retry', delayMs: backoffDelay(3), reason: 'the feed repeated a page' };
    }
    seen.add(page.data.next_cursor);
    // Ask for the next page now: the platform prepares it while this one is written.
    if (page.data.has_more) next = fetchPage(page.data.next_cursor);

    const fetchedAt = now().toISOString();
    const transactionStart = performance.now();
    db.transaction(() => {
      for (const envelope of page.data.changes) {
        const parsed = parseChange(envelope);
        if (!parsed.ok) {
          quarantineRecord(db, {
            type: envelope.type,
            recordId: envelope.id,
            reason: parsed.reason,
            raw: envelope,
            receivedAt: fetchedAt,
          });
          progress.quarantined++;
          continue;
        }
        const change = parsed.change;
        // A profile edited before this workspace ever synced: the pull teaches it its account and version and
        // queues the edit against that version, instead of replacing it.
        if (change.type === 'profile' && change.op === 'upsert' && hasProfileLocalEdits(db)) {
          adoptPulledProfile(db, change.data, fetchedAt, now());
          progress.applied++;
          continue;
        }
        // The user's unsent edit wins locally until its push settles: it carries its base version, so the
        // platform answers 409 with this newer record, and the user chooses. Nothing is overwritten silently.
        if (
          editableTypes.has(change.type) &&
          (hasUnsentWrites(db, change.type, change.id) || (change.type === 'proposal' && hasLocalEdits(db, change.id)))
        ) {
          progress.applied++;
          continue;
        }
        if (change.op === 'delete') removeRecord(db, change.type, change.id, change.version);
        else applyRecord(db, change.type, change.data, fetchedAt);
        releaseQuarantined(db, change.type, change.id);
        progress.applied++;
      }
      writeSyncValue(db, 'cursor', page.data.next_cursor);
    }).immediate();
    const transactionMs = performance.now() - transactionStart;
    progress.transactionMs.push(transactionMs);
    progress.maxTransactionMs = Math.max(progress.maxTransactionMs, transactionMs);
    progress.pages++;
    if (progress.pages % 32 === 0 && isFullTextRebuildOwed(db)) checkpointBetweenPages(db);
    options.onPage?.(progress);
    cursor = page.data.next_cursor;
    if (!page.data.has_more) {
      if (isFullTextRebuildOwed(db)) resumeFullTextIndexing(db);
      writeSyncValue(db, 'last_sync_at', now().toISOString());
      return { kind: 'done', progress };
    }
    // Let other work (reads, RPC calls) run between pages.
    await new Promise((resolve) => setImmediate(resolve));
  }
};
