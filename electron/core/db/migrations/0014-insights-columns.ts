import type { Migration } from '../migrate';

/*
 * What the insights figures read, kept on the proposal so that a figure is one range of a narrow index with no
 * per-proposal lookup (schema v12 walked the project threads' messages and joined the project per proposal:
 * 50–150 ms over 22k proposals and 630k messages; these make each a few ms). Triggers keep every column on
 * every write that can move it: the sync's upserts, a replacement sync's deletes, a pending message confirmed.
 *   first_reply_at: the earliest confirmed client message in the project's threads strictly after submitted_at;
 *   answered_at: the earliest confirmed message of the user's in those threads strictly after first_reply_at;
 *   project_pk, project_category, project_country: the project's, while the workspace holds it (else NULL);
 *   released_minor, released_milestones: the sum and count of the milestones the platform reports released.
 * Stored instants are all `YYYY-MM-DDTHH:MM:SS.sssZ`, so text order is time order.
 */

/** The project threads' confirmed messages from one side strictly after an instant: the thread index alone. */
const firstAfter = (fromMe: 0 | 1, after: string): string => `(SELECT min(m.sent_at) FROM threads t INDEXED BY threads_by_project
    JOIN messages m INDEXED BY messages_by_thread ON m.thread_id = t.id
  WHERE t.project_id = proposals.project_id AND t.context = 'project' AND m.sent_at > ${after} AND m.from_me = ${fromMe} AND m.state = 'synced')`;

const firstReply = firstAfter(0, 'proposals.submitted_at');
const replies = `first_reply_at = ${firstReply}, answered_at = ${firstAfter(1, firstReply)}`;

const ofProject = (column: string): string => `(SELECT p.${column} FROM projects p WHERE p.id = proposals.project_id)`;
const project = `project_pk = ${ofProject('pk')}, project_category = ${ofProject('category')}, project_country = ${ofProject('country')}`;

const releasedOf = (milestones: string, value: string): string =>
  `(SELECT ${value} FROM json_each(${milestones}) WHERE json_extract(value, '$.status') = 'released')`;
const released = `released_minor = ${releasedOf('proposals.milestones', "coalesce(sum(json_extract(value, '$.amount_minor')), 0)")},
  released_milestones = ${releasedOf('proposals.milestones', 'count(*)')}`;

/** Replies recomputed for the proposals of one project (by the index on project_id); most projects have none or one. */
const repliesOfProject = (projectId: string): string => `UPDATE proposals SET ${replies} WHERE project_id = ${projectId};`;
const projectOfThread = (threadId: string): string =>
  `(SELECT t.project_id FROM threads t WHERE t.id = ${threadId} AND t.context = 'project')`;

const messageMoves = 'old.sent_at IS NOT new.sent_at OR old.state IS NOT new.state OR old.from_me IS NOT new.from_me OR old.thread_id IS NOT new.thread_id';

const schema = `
  ALTER TABLE proposals ADD COLUMN first_reply_at TEXT;
  ALTER TABLE proposals ADD COLUMN answered_at TEXT;
  ALTER TABLE proposals ADD COLUMN project_pk INTEGER;
  ALTER TABLE proposals ADD COLUMN project_category TEXT;
  ALTER TABLE proposals ADD COLUMN project_country TEXT;
  ALTER TABLE proposals ADD COLUMN released_minor INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE proposals ADD COLUMN released_milestones INTEGER NOT NULL DEFAULT 0;
  UPDATE proposals SET ${replies}, ${project}, ${released};

  CREATE TRIGGER proposals_insights_insert AFTER INSERT ON proposals BEGIN
    UPDATE proposals SET ${replies}, ${project}, ${released} WHERE id = new.id;
  END;
  CREATE TRIGGER proposals_insights_submission AFTER UPDATE OF submitted_at, project_id ON proposals
    WHEN old.submitted_at IS NOT new.submitted_at OR old.project_id IS NOT new.project_id BEGIN
    UPDATE proposals SET ${replies}, ${project} WHERE id = new.id;
  END;
  CREATE TRIGGER proposals_insights_milestones AFTER UPDATE OF milestones ON proposals WHEN old.milestones IS NOT new.milestones BEGIN
    UPDATE proposals SET ${released} WHERE id = new.id;
  END;

  CREATE TRIGGER projects_insights_insert AFTER INSERT ON projects BEGIN
    UPDATE proposals SET project_pk = new.pk, project_category = new.category, project_country = new.country WHERE project_id = new.id;
  END;
  CREATE TRIGGER projects_insights_update AFTER UPDATE OF category, country ON projects
    WHEN old.category IS NOT new.category OR old.country IS NOT new.country BEGIN
    UPDATE proposals SET project_category = new.category, project_country = new.country WHERE project_id = new.id;
  END;
  CREATE TRIGGER projects_insights_delete AFTER DELETE ON projects BEGIN
    UPDATE proposals SET project_pk = NULL, project_category = NULL, project_country = NULL WHERE project_id = old.id;
  END;

  CREATE TRIGGER messages_insights_insert AFTER INSERT ON messages WHEN new.state = 'synced' BEGIN
    ${repliesOfProject(projectOfThread('new.thread_id'))}
  END;
  CREATE TRIGGER messages_insights_update AFTER UPDATE OF sent_at, state, from_me, thread_id ON messages
    WHEN (old.state = 'synced' OR new.state = 'synced') AND (${messageMoves}) BEGIN
    ${repliesOfProject(projectOfThread('old.thread_id'))}
    ${repliesOfProject(projectOfThread('new.thread_id'))}
  END;
  CREATE TRIGGER messages_insights_delete AFTER DELETE ON messages WHEN old.state = 'synced' BEGIN
    ${repliesOfProject(projectOfThread('old.thread_id'))}
  END;

  CREATE TRIGGER threads_insights_insert AFTER INSERT ON threads WHEN new.context = 'project' AND new.project_id IS NOT NULL BEGIN
    ${repliesOfProject('new.project_id')}
  END;
  CREATE TRIGGER threads_insights_update AFTER UPDATE OF context, project_id ON threads
    WHEN old.context IS NOT new.context OR old.project_id IS NOT new.project_id BEGIN
    ${repliesOfProject('old.project_id')}
    ${repliesOfProject('new.project_id')}
  END;
  CREATE TRIGGER threads_insights_delete AFTER DELETE ON threads WHEN old.context = 'project' AND old.project_id IS NOT NULL BEGIN
    ${repliesOfProject('old.project_id')}
  END;

  -- One index per figure, ordered by what it groups by (the grouping streams, no sort) and covering what it reads.
  DROP INDEX proposals_insights_created;
  CREATE INDEX proposals_insights_created ON proposals (created_at, submitted_at, status, was_shortlisted, first_reply_at);
  DROP INDEX proposals_insights_submitted;
  CREATE INDEX proposals_insights_submitted ON proposals (submitted_at, status, currency, kind, amount_minor, first_reply_at, answered_at)
    WHERE submitted_at IS NOT NULL;
  CREATE INDEX proposals_insights_language ON proposals (default_locale, status, submitted_at) WHERE submitted_at IS NOT NULL;
  CREATE INDEX proposals_insights_category ON proposals (project_category, status, submitted_at) WHERE submitted_at IS NOT NULL;
  CREATE INDEX proposals_insights_country ON proposals (project_country, status, submitted_at) WHERE submitted_at IS NOT NULL;
  CREATE INDEX proposals_insights_project ON proposals (project_pk, status, submitted_at) WHERE submitted_at IS NOT NULL;
  CREATE INDEX proposals_insights_released ON proposals (status, updated_at, currency, released_minor, released_milestones)
    WHERE released_milestones > 0;
  -- Read by no figure any more: one index less to keep up on every project the sync writes.
  DROP INDEX projects_insights;
`;

export const migration0014InsightsColumns: Migration = {
  version: 14,
  name: '0014-insights-columns',
  up: (db) => db.exec(schema),
};
