import type { Migration } from '../migrate';

/**
 * What the insights section reads. A proposal keeps only its current status, so one shortlisted and then
 * declined would vanish from the funnel's shortlisted stage: `was_shortlisted` remembers that the workspace
 * once saw it shortlisted (set by triggers on every write, the sync's upserts included; rows already
 * shortlisted are marked now, a decline seen before this version cannot be told). Indexes: proposals by the
 * instants the figures filter on (covering the grouped columns, so a figure never reads the wide rows with
 * their raw JSON), and project threads by project (a client's reply is looked up per proposal).
 */
const schema = `
  ALTER TABLE proposals ADD COLUMN was_shortlisted INTEGER NOT NULL DEFAULT 0 CHECK (was_shortlisted IN (0, 1));
  UPDATE proposals SET was_shortlisted = 1 WHERE status = 'shortlisted';
  CREATE TRIGGER proposals_shortlisted_insert AFTER INSERT ON proposals WHEN new.status = 'shortlisted' BEGIN
    UPDATE proposals SET was_shortlisted = 1 WHERE id = new.id;
  END;
  CREATE TRIGGER proposals_shortlisted_update AFTER UPDATE OF status ON proposals
    WHEN new.status = 'shortlisted' AND new.was_shortlisted = 0 BEGIN
    UPDATE proposals SET was_shortlisted = 1 WHERE id = new.id;
  END;

  CREATE INDEX proposals_insights_created ON proposals (created_at, submitted_at, status, was_shortlisted, project_id);
  CREATE INDEX proposals_insights_submitted ON proposals (submitted_at, status, project_id, default_locale, currency, kind, amount_minor)
    WHERE submitted_at IS NOT NULL;
  CREATE INDEX threads_by_project ON threads (project_id, id) WHERE context = 'project';
  -- Win rates by the project's category or country read these here, not from the project's wide row.
  CREATE INDEX projects_insights ON projects (id, category, country);

  -- The thread's messages in order as before, now carrying who wrote each and whether it is confirmed: a client's
  -- first reply and the user's answers are read from the index alone (same leading columns, so the conversation
  -- view's reads are unchanged, and still one index to keep up on every write).
  DROP INDEX messages_by_thread;
  CREATE INDEX messages_by_thread ON messages (thread_id, sent_at, pk, from_me, state);
`;

export const migration0012Insights: Migration = {
  version: 12,
  name: '0012-insights',
  up: (db) => db.exec(schema),
};
