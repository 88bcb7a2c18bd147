import { createHash } from 'node:crypto';
import { toPlatformMessage } from '../../../shared/contract/sync-problem';
import type { WritableDB } from '../db/database';
import {
  countImageDownloads,
  listWantedImages,
  markImageDownloadFailed,
  noteImageDownloadAttempt,
  refreshWantedImages,
  retryImageDownloads,
  settleImageDownload,
  type ImageDownloadProblem,
} from '../db/repositories/portfolio-repository';
import { ImageRefused, storeImage, sweepPartialImages } from '../portfolio/image-store';
import { maxUploadBytes } from '../../../shared/platform/writes';
import type { PlatformClient } from './platform-client';
import type { AccountId } from '../../../shared/domain/accounts';

export type ImageDownloadProgress = {
  /** A download round is under way. */
  active: boolean;
  /** Stored in this round, out of `total` (stored + still wanted). */
  done: number;
  total: number;
  /** Downloads the platform answered but that could not become an image; they wait for a retry. */
  failed: number;
};

export type ImageDownloader = {
  /**
   * After a pull: fetch what items and the avatar name but the workspace lacks, from the platform of `accountId`
   * (its images only, and those no account owns; every image when absent). One round at a time per account.
   */
  run(client: PlatformClient, signal: AbortSignal, accountId?: AccountId): void;
  /** The user asked again for one failed image (or all of them). */
  retry(hash: string | null): void;
  progress(): ImageDownloadProgress;
};

const problemOf = (refused: ImageRefused): ImageDownloadProblem => (refused.problem === 'image_too_large' ? 'too_large' : 'not_supported');

/**
 * Downloads images only the platform holds (a second machine after its first sync): GET /v1/uploads/{hash},
 * the bytes checked against the hash they are named by and as an image, then stored like an import (temp file
 * and rename). Two at a time, in the background; a network failure ends the round and tries again later.
 * Nothing remote ever reaches the renderer: it reads the stored copy through the core like any other image.
 */
export const createImageDownloader = (options: {
  db: WritableDB;
  imagesDir: string;
  onProgress: (progress: ImageDownloadProgress) => void;
  /** An image arrived: lists showing its placeholder can draw it. */
  onStored: () => void;
  now?: () => Date;
  concurrency?: number;
}): ImageDownloader => {
  const { db, imagesDir } = options;
  const now = options.now ?? (() => new Date());
  // Per account (the key '' for a run that names none): the client and signal of its last pull, whether a
  // round is running, whether another was asked for meanwhile, and a retry waiting for the network.
  type Source = { client: PlatformClient; signal: AbortSignal; accountId: AccountId | undefined };
  const last = new Map<string, Source>();
  const running = new Set<string>();
  const again = new Set<string>();
  const retryTimers = new Map<string, NodeJS.Timeout>();
  let done = 0;
  let swept = false;
  const keyOf = (accountId: AccountId | undefined): string => accountId ?? '';

  const progress = (): ImageDownloadProgress => {
    const counts = countImageDownloads(db);
    return { active: running.size > 0, done, total: done + counts.wanted, failed: counts.failed };
  };
  const report = (): void => options.onProgress(progress());

  /** One image: 'next' when settled either way, 'stop' when the network or the session says to wait. */
  const fetchOne = async (client: PlatformClient, signal: AbortSignal, hash: string): Promise<'next' | { stop: number | null }> => {
    const result = await client.send({
      method: 'GET',
      path: `/v1/uploads/${hash}`,
      accept: 'bytes',
      maxBytes: maxUploadBytes,
      signal,
    });
    if (signal.aborted) return { stop: null };
    switch (result.kind) {
      case 'ok': {
        const bytes = Buffer.isBuffer(result.body) ? result.body : Buffer.alloc(0);
        if (createHash('sha256').update(bytes).digest('hex') !== hash) {
          markImageDownloadFailed(db, hash, 'corrupt', null, now());
          return 'next';
        }
        try {
          const stored = storeImage(imagesDir, bytes);
          settleImageDownload(db, { ...stored, now: now() });
          done++;
          options.onStored();
        } catch (error) {
          if (!(error instanceof ImageRefused)) throw error;
          markImageDownloadFailed(db, hash, problemOf(error), null, now());
        }
        return 'next';
      }
      case 'rejected':
        markImageDownloadFailed(db, hash, result.status === 404 ? 'not_found' : result.status === 413 ? 'too_large' : 'refused', toPlatformMessage(result.error?.message), now());
        return 'next';
      case 'gone':
      case 'conflict':
        markImageDownloadFailed(db, hash, 'not_found', null, now());
        return 'next';
      case 'retry':
        noteImageDownloadAttempt(db, hash, result.reason, now());
        return { stop: result.delayMs };
      case 'signed_out':
        return { stop: null };
    }
  };

  const round = async ({ client, signal, accountId }: Source): Promise<void> => {
    if (!swept) {
      sweepPartialImages(imagesDir);
      swept = true;
    }
    refreshWantedImages(db, now());
    const concurrency = options.concurrency ?? 2;
    const key = keyOf(accountId);
    for (;;) {
      // Only the images this account's platform holds: another platform would answer 404 for them.
      const batch = listWantedImages(db, concurrency, accountId);
      if (batch.length === 0 || signal.aborted) return;
      const outcomes = await Promise.all(batch.map((hash) => fetchOne(client, signal, hash)));
      report();
      const stop = outcomes.find((outcome): outcome is { stop: number | null } => outcome !== 'next');
      if (stop) {
        if (stop.stop !== null && !signal.aborted && !retryTimers.has(key)) {
          const timer = setTimeout(() => {
            retryTimers.delete(key);
            const source = last.get(key);
            if (source) run(source.client, source.signal, source.accountId);
          }, stop.stop);
          timer.unref?.();
          retryTimers.set(key, timer);
        }
        return;
      }
    }
  };

  const run = (client: PlatformClient, signal: AbortSignal, accountId?: AccountId): void => {
    const key = keyOf(accountId);
    last.set(key, { client, signal, accountId });
    if (signal.aborted) return;
    if (running.has(key)) {
      again.add(key);
      return;
    }
    if (running.size === 0) done = 0;
    running.add(key);
    report();
    void (async () => {
      try {
        do {
          again.delete(key);
          await round({ client, signal, accountId });
        } while (again.has(key) && !signal.aborted);
      } catch {
        // A closed database on shutdown, or a bug: the images stay wanted and the next pull tries again.
      } finally {
        running.delete(key);
        if (!signal.aborted) report();
      }
    })();
  };

  return {
    run,
    retry: (hash) => {
      retryImageDownloads(db, hash, now());
      // Each account's platform tries again (an account removed or stopped since is left out: its signal aborted).
      const sources = [...last.values()].filter((source) => !source.signal.aborted);
      for (const source of sources) run(source.client, source.signal, source.accountId);
      if (sources.length === 0) report();
    },
    progress,
  };
};
