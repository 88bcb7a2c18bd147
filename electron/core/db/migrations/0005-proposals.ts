import type { Migration } from '../migrate';

/**
 * Schema for the proposal editor: revisions keep their plain text (history lists and diffs read it without
 * parsing the editor's JSON) and when they were last amended (autosave amends the latest revision for a
 * while); proposals remember why they were withdrawn; the list reads proposals by status and recency.
 */
const schema = `
  ALTER TABLE proposal_revisions ADD COLUMN body_text TEXT NOT NULL DEFAULT '';
  ALTER TABLE proposal_revisions ADD COLUMN saved_at TEXT;
  UPDATE proposal_revisions SET saved_at = created_at;
  ALTER TABLE proposals ADD COLUMN withdraw_reason TEXT;
  CREATE INDEX proposals_by_status ON proposals (status, updated_at);
`;

export const migration0005Proposals: Migration = {
  version: 5,
  name: '0005-proposals',
  up: (db) => db.exec(schema),
};
