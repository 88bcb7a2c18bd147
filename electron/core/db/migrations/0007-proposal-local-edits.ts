import type { Migration } from '../migrate';

/**
 * A proposal already on the platform, edited here and not yet sent ("Send changes" not pressed): a pull must
 * not overwrite those edits. The outbox protects edits once queued; this flag protects them before.
 */
const schema = `
  ALTER TABLE proposals ADD COLUMN local_edits INTEGER NOT NULL DEFAULT 0 CHECK (local_edits IN (0, 1));
`;

export const migration0007ProposalLocalEdits: Migration = {
  version: 7,
  name: '0007-proposal-local-edits',
  up: (db) => db.exec(schema),
};
