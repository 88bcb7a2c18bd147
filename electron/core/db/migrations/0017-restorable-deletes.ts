import type { Migration } from '../migrate';

/*
 * Deleting a template or snippet, or removing a language of a proposal, offers Undo (#15): the deletion is done and
 * durable at once, and stays restorable after a restart until it is purged (30 days later). A template keeps its
 * row, marked deleted; a removed language moves with its revisions into tables of their own, so none of the many
 * reads of proposal_variants (the editor, the list, search, submit, the sync's replacement) has to skip it.
 */
const schema = `
  ALTER TABLE templates ADD COLUMN deleted_at TEXT;
  CREATE INDEX templates_deleted ON templates (deleted_at) WHERE deleted_at IS NOT NULL;

  CREATE TABLE removed_variants (
    proposal_id TEXT NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
    locale TEXT NOT NULL,
    body_json TEXT NOT NULL,
    body_text TEXT NOT NULL,
    revision INTEGER NOT NULL,
    source_locale TEXT,
    source_revision INTEGER,
    updated_at TEXT NOT NULL,
    removed_at TEXT NOT NULL,
    PRIMARY KEY (proposal_id, locale)
  ) STRICT;
  CREATE INDEX removed_variants_removed_at ON removed_variants (removed_at);

  CREATE TABLE removed_revisions (
    proposal_id TEXT NOT NULL,
    locale TEXT NOT NULL,
    revision INTEGER NOT NULL,
    body_json TEXT NOT NULL,
    body_text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    saved_at TEXT,
    PRIMARY KEY (proposal_id, locale, revision),
    FOREIGN KEY (proposal_id, locale) REFERENCES removed_variants (proposal_id, locale) ON DELETE CASCADE
  ) STRICT;
`;

export const migration0017RestorableDeletes: Migration = {
  version: 17,
  name: '0017-restorable-deletes',
  up: (db) => db.exec(schema),
};
