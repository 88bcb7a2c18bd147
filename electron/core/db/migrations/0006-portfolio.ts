import type { Migration } from '../migrate';

/**
 * Schema for portfolio and profile editing: an attachment remembers whether its bytes are still only here,
 * queued for the platform or uploaded (so an image shared by two items is uploaded once), and the name it
 * was imported under; items are read in the user's order.
 */
const schema = `
  ALTER TABLE attachments ADD COLUMN upload_state TEXT NOT NULL DEFAULT 'local'
    CHECK (upload_state IN ('local', 'queued', 'uploaded'));
  ALTER TABLE attachments ADD COLUMN name TEXT NOT NULL DEFAULT '';
  CREATE INDEX portfolio_items_by_position ON portfolio_items (position, created_at);
`;

export const migration0006Portfolio: Migration = {
  version: 6,
  name: '0006-portfolio',
  up: (db) => db.exec(schema),
};
