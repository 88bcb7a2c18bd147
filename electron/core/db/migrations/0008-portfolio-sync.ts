import type { Migration } from '../migrate';

/**
 * Portfolio and profile across devices. A profile edited before the workspace ever synced carries a
 * local-edits flag, so the first pull adopts the platform's id and version instead of overwriting the edit
 * (a profile row without a platform id can only be such an edit). Images that items or the avatar name but
 * only the platform holds are listed for download, with why a download failed.
 */
const schema = `
  ALTER TABLE profile ADD COLUMN local_edits INTEGER NOT NULL DEFAULT 0 CHECK (local_edits IN (0, 1));
  UPDATE profile SET local_edits = 1 WHERE user_id IS NULL;
  CREATE TABLE image_downloads (
    hash TEXT PRIMARY KEY CHECK (length(hash) = 64),
    state TEXT NOT NULL DEFAULT 'wanted' CHECK (state IN ('wanted', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    problem TEXT CHECK (problem IN ('not_found', 'corrupt', 'not_supported', 'too_large', 'refused')),
    last_error TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;
`;

export const migration0008PortfolioSync: Migration = {
  version: 8,
  name: '0008-portfolio-sync',
  up: (db) => db.exec(schema),
};
