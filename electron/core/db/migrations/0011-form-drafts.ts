import type { Migration } from '../migrate';

/**
 * What the user has typed into a form that saves only on its Save button (a portfolio item, the profile, a
 * template), kept as they type: one draft per form and record (`portfolio-item:<id|new>`, `profile`,
 * `template:<id|new>`). The user's own words: never expired, never sent; Save or Discard removes one.
 */
const schema = `
  CREATE TABLE form_drafts (
    form_key TEXT PRIMARY KEY CHECK (length(form_key) BETWEEN 1 AND 300),
    value TEXT NOT NULL CHECK (json_valid(value) AND length(value) <= 1200000),
    saved_at TEXT NOT NULL
  ) STRICT;
`;

export const migration0011FormDrafts: Migration = {
  version: 11,
  name: '0011-form-drafts',
  up: (db) => db.exec(schema),
};
