import type { Migration } from '../migrate';

/** Schema for the community (stories and forum search, saved stories, read tracking). */
const schema = `
  SELECT 1;
`;

export const migration0004Community: Migration = {
  version: 4,
  name: '0004-community',
  up: (db) => db.exec(schema),
};
