import path from 'node:path';
import { z } from 'zod';
import { portfolioItemSchema, profileSchema } from '../../../shared/platform/records';
import type { WritableDB } from '../db/database';
import { markWriteSent, type OutboxEntry } from '../db/repositories/outbox-repository';
import {
  confirmPortfolioVersion,
  confirmProfileVersion,
  dropAllWrites,
  dropSettledWrites,
  hasQueuedOp,
  readAttachment,
  readPortfolioItem,
  readPortfolioVersion,
  readRefusedUpload,
  readSentVersion,
  readProfileVersion,
  removeWrite,
  setAttachmentUploadState,
} from '../db/repositories/portfolio-repository';
import { attachmentsDirOf, readImage } from '../portfolio/image-store';
import type { Operation } from './push';
import { SyncProblemError } from './sync-problem';

const putItemPayload = z.object({ id: z.string(), body: z.record(z.string(), z.unknown()) });
const deleteItemPayload = z.object({ id: z.string() });
const putProfilePayload = z.object({ body: z.record(z.string(), z.unknown()) });
const uploadPayload = z.object({ hash: z.string().regex(/^[0-9a-f]{64}$/) });

/**
 * The version to send in If-Match: the newer of the one the write was made against (or, after "keep mine",
 * the platform's) and the one the row learnt from earlier writes of the same record accepted since.
 */
const newerVersion = (base: number | null, local: number | null): number | null =>
  base === null && local === null ? null : Math.max(base ?? 0, local ?? 0);

const nowIso = (): string => new Date().toISOString();

const imageIdsOf = (body: Record<string, unknown>): string[] =>
  Array.isArray(body['image_ids']) ? body['image_ids'].filter((id): id is string => typeof id === 'string') : [];

/** The workspace database sits in the data folder, beside attachments/. */
const imagesDirOf = (db: WritableDB): string => attachmentsDirOf(path.dirname(db.name));

export const portfolioOperations: Record<string, Operation> = {
  /** The image bytes named by their hash; the platform keeps one copy per hash whoever sends it. */
  upload_image: {
    create: false,
    toRequest: (entry, db) => {
      const { hash } = uploadPayload.parse(entry.payload);
      const attachment = readAttachment(db, hash);
      const bytes = readImage(imagesDirOf(db), hash);
      if (!attachment || !bytes) throw new Error(`the image ${hash} is no longer in the workspace`);
      // The hash goes along so the platform checks the bytes arrived whole.
      return { method: 'POST', path: '/v1/uploads', query: { sha256: hash }, raw: { bytes, contentType: attachment.mime } };
    },
    onAccepted: (db, entry) => {
      setAttachmentUploadState(db, uploadPayload.parse(entry.payload).hash, 'uploaded');
      removeWrite(db, entry.seq);
    },
  },
  /** The whole item: created without If-Match, replaced with it. */
  put_portfolio_item: {
    create: false,
    ifMatch: (db, entry) => newerVersion(entry.baseVersion, readPortfolioVersion(db, entry.entityId)),
    toRequest: (entry, db) => {
      const { id, body } = putItemPayload.parse(entry.payload);
      // The platform would refuse an item naming an image it refused: it waits, failed with that image's reason
      // (the platform's words, shown as they are), for the user's retry.
      const refused = readRefusedUpload(db, imageIdsOf(body));
      if (refused !== null) throw new SyncProblemError(refused);
      return { method: 'PUT', path: `/v1/portfolio/items/${encodeURIComponent(id)}`, body };
    },
    onAccepted: (db, entry, body) => confirmWrite(db, entry, portfolioItemSchema.safeParse(body), (record) =>
      confirmPortfolioVersion(db, entry.entityId, record.version, record, nowIso()),
    ),
    // Deleted here while this first put was on its way, and the platform refused the put: there is nothing to delete.
    onRejected: (db, entry) => {
      if (readPortfolioItem(db, entry.entityId) || entry.baseVersion !== null || readSentVersion(db, 'portfolio_item', entry.entityId) !== null) return;
      if (hasQueuedOp(db, 'portfolio_item', entry.entityId, 'delete_portfolio_item')) dropAllWrites(db, 'portfolio_item', entry.entityId);
    },
  },
  /**
   * With the version the item had, or, for an item deleted while its put was on its way, the version the
   * platform gave that put: the delete wins, once. Accepted, the item's earlier writes are settled too.
   */
  delete_portfolio_item: {
    create: false,
    ifMatch: (db, entry) => newerVersion(entry.baseVersion, readSentVersion(db, 'portfolio_item', entry.entityId)),
    toRequest: (entry) => {
      const { id } = deleteItemPayload.parse(entry.payload);
      return { method: 'DELETE', path: `/v1/portfolio/items/${encodeURIComponent(id)}` };
    },
    onAccepted: (db, entry) => {
      removeWrite(db, entry.seq);
      dropSettledWrites(db, 'portfolio_item', entry.entityId);
    },
  },
  put_profile: {
    create: false,
    ifMatch: (db, entry) => newerVersion(entry.baseVersion, readProfileVersion(db)),
    toRequest: (entry, db) => {
      const { body } = putProfilePayload.parse(entry.payload);
      const refused = readRefusedUpload(db, typeof body['avatar_id'] === 'string' ? [body['avatar_id']] : []);
      if (refused !== null) throw new SyncProblemError(refused);
      return { method: 'PUT', path: '/v1/profile', body };
    },
    onAccepted: (db, entry, body) => confirmWrite(db, entry, profileSchema.safeParse(body), (record) =>
      confirmProfileVersion(db, record.version, record, nowIso()),
    ),
  },
};

/**
 * The platform's answer only teaches the row its version: the text, revisions and translation sources stay
 * the user's (they are what was sent). An answer we cannot read still means accepted; a pull brings the record.
 */
const confirmWrite = <R extends { version: number }>(
  db: WritableDB,
  entry: OutboxEntry,
  parsed: { success: true; data: R } | { success: false },
  confirm: (record: R) => void,
): void => {
  if (parsed.success) confirm(parsed.data);
  markWriteSent(db, entry.seq, parsed.success ? parsed.data.version : 1);
};
