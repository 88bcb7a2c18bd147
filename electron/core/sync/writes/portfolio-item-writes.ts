import { z } from 'zod';
import { portfolioItemSchema } from '../../../../shared/platform/records';
import {
  confirmPortfolioVersion,
  dropAllWrites,
  dropSettledWrites,
  hasQueuedOp,
  readPortfolioItem,
  readPortfolioVersion,
  readSentVersion,
  removeWrite,
} from '../../db/repositories/portfolio-repository';
import { defineWriteUnit } from '../write-unit';
import { confirmWrite, newerVersion, refuseIfImageRefused } from './confirm-write';

const imageIdsOf = (body: Record<string, unknown>): string[] =>
  Array.isArray(body['image_ids']) ? body['image_ids'].filter((id): id is string => typeof id === 'string') : [];

/** The whole item: created without If-Match, replaced with it. */
export const putPortfolioItem = defineWriteUnit({
  name: 'put_portfolio_item',
  payload: z.object({ id: z.string(), body: z.record(z.string(), z.unknown()) }),
  create: false,
  ifMatch: ({ db, entry }) => newerVersion(entry.baseVersion, readPortfolioVersion(db, entry.entityId)),
  toRequest: ({ db, payload: { id, body } }) => {
    refuseIfImageRefused(db, imageIdsOf(body));
    return { method: 'PUT', path: `/v1/portfolio/items/${encodeURIComponent(id)}`, body };
  },
  settle: (answer, { db, entry }) =>
    confirmWrite(db, entry, portfolioItemSchema.safeParse(answer), (record) =>
      confirmPortfolioVersion(db, entry.entityId, record.version, record, new Date().toISOString()),
    ),
  // Deleted here while this first put was on its way, and the platform refused the put: there is nothing to delete.
  onRefused: ({ db, entry }) => {
    if (readPortfolioItem(db, entry.entityId) || entry.baseVersion !== null || readSentVersion(db, 'portfolio_item', entry.entityId) !== null) return;
    if (hasQueuedOp(db, 'portfolio_item', entry.entityId, 'delete_portfolio_item')) dropAllWrites(db, 'portfolio_item', entry.entityId);
  },
});

/**
 * With the version the item had, or, for an item deleted while its put was on its way, the version the
 * platform gave that put: the delete wins, once. Accepted, the item's earlier writes are settled too.
 */
export const deletePortfolioItem = defineWriteUnit({
  name: 'delete_portfolio_item',
  payload: z.object({ id: z.string() }),
  create: false,
  ifMatch: ({ db, entry }) => newerVersion(entry.baseVersion, readSentVersion(db, 'portfolio_item', entry.entityId)),
  toRequest: ({ payload: { id } }) => ({ method: 'DELETE', path: `/v1/portfolio/items/${encodeURIComponent(id)}` }),
  settle: (_answer, { db, entry }) => {
    removeWrite(db, entry.seq);
    dropSettledWrites(db, 'portfolio_item', entry.entityId);
  },
});
