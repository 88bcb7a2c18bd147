import { prepare, type WritableDB } from '../database';
import { readSyncValue, writeSyncValue } from './sync-state-repository';

/*
 * The insights columns on proposals (schema v14) and proposal_skills (v15, v18) are kept by triggers on every write
 * that can move them. During a first load those triggers run once per message, thread, project and project skill
 * the platform sends (each message re-reads its project's proposals' replies): hundreds of thousands of small
 * UPDATEs for a few thousand proposals. A first load sets them aside, as it does the search indexes' triggers,
 * and fills the columns once, set-based, at its end. The triggers' own SQL is kept in sync_state, committed with
 * their removal, so a crash or a stop mid-load leaves a flag that the next start (or the load's end) resolves:
 * columns filled from what the tables hold, the very same triggers back. Writes made meanwhile (the user's, other
 * accounts') need nothing: the fill reads every proposal.
 * A later migration that replaces one of these triggers must count on them being aside after such a crash: a
 * trigger it creates again wins over the saved one, but a trigger it drops would come back from the saved SQL
 * (drop it from the saved list too, or resume before migrating).
 */

/** v14's and v15's triggers (v18's versions of the latter): everything that keeps insights columns and proposal_skills. */
const insightsTriggers = [
  'proposals_insights_insert',
  'proposals_insights_submission',
  'proposals_insights_milestones',
  'projects_insights_insert',
  'projects_insights_update',
  'projects_insights_delete',
  'messages_insights_insert',
  'messages_insights_update',
  'messages_insights_delete',
  'threads_insights_insert',
  'threads_insights_update',
  'threads_insights_delete',
  'proposals_skills_insert',
  'proposals_skills_update',
  'proposals_skills_delete',
  'project_skills_proposals_insert',
  'project_skills_proposals_delete',
] as const;

/*
 * The columns as v14's triggers compute them, for every proposal at once (the same expressions as
 * 0014-insights-columns.ts, which ran this very statement when it was applied; a shipped migration is not
 * edited, so they are spelled again here and tests/integration/sync/insights-bulk-load.test.ts holds the two
 * equal).
 */
const firstAfter = (fromMe: 0 | 1, after: string): string => `(SELECT min(m.sent_at) FROM threads t INDEXED BY threads_by_project
    JOIN messages m INDEXED BY messages_by_thread ON m.thread_id = t.id
  WHERE t.project_id = proposals.project_id AND t.context = 'project' AND m.sent_at > ${after} AND m.from_me = ${fromMe} AND m.state = 'synced')`;
const firstReply = firstAfter(0, 'proposals.submitted_at');
const ofProject = (column: string): string => `(SELECT p.${column} FROM projects p WHERE p.id = proposals.project_id)`;
const releasedOf = (value: string): string =>
  `(SELECT ${value} FROM json_each(proposals.milestones) WHERE json_extract(value, '$.status') = 'released')`;
const fillColumns = `UPDATE proposals SET first_reply_at = ${firstReply}, answered_at = ${firstAfter(1, firstReply)},
  project_pk = ${ofProject('pk')}, project_category = ${ofProject('category')}, project_country = ${ofProject('country')},
  released_minor = ${releasedOf("coalesce(sum(json_extract(value, '$.amount_minor')), 0)")}, released_milestones = ${releasedOf('count(*)')}`;

/**
 * proposal_skills as v15's triggers (rebuilt by v18 to copy the proposal's account) leave it: a row per submitted
 * proposal and skill of its project (NULL: none).
 */
const fillSkills = `DELETE FROM proposal_skills;
  INSERT INTO proposal_skills (proposal_id, skill, status, submitted_at, account_id)
    SELECT pr.id, ps.skill, pr.status, pr.submitted_at, pr.account_id FROM proposals pr
    LEFT JOIN project_skills ps INDEXED BY project_skills_by_project ON ps.project_pk = pr.project_pk
    WHERE pr.submitted_at IS NOT NULL;`;

type SavedTrigger = { name: string; sql: string };

export const isInsightsMaintenancePaused = (db: WritableDB): boolean => readSyncValue(db, 'insights_paused_triggers') !== null;

/** Sets the insights triggers aside for a bulk load (nothing to do when they already are). One transaction. */
export const pauseInsightsMaintenance = (db: WritableDB): void => {
  db.transaction(() => {
    if (isInsightsMaintenancePaused(db)) return;
    const placeholders = insightsTriggers.map(() => '?').join(', ');
    const saved = prepare(db, `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (${placeholders}) ORDER BY name`).all(
      ...insightsTriggers,
    ) as SavedTrigger[];
    for (const { name } of saved) db.exec(`DROP TRIGGER ${name}`);
    writeSyncValue(db, 'insights_paused_triggers', JSON.stringify(saved));
  }).immediate();
};

/**
 * Fills the insights columns and proposal_skills from what the tables hold and puts the triggers back, in one
 * transaction (its cost grows with the proposals, a few thousand, not with the messages). Nothing to do when
 * they are not set aside.
 */
export const resumeInsightsMaintenance = (db: WritableDB): void => {
  db.transaction(() => {
    const value = readSyncValue(db, 'insights_paused_triggers');
    if (value === null) return;
    db.exec(fillColumns);
    db.exec(fillSkills);
    const present = new Set(prepare(db, "SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[]);
    // A trigger already there was made again by a later migration (applied while these were aside): it wins.
    for (const { name, sql } of JSON.parse(value) as SavedTrigger[]) if (!present.has(name)) db.exec(sql);
    writeSyncValue(db, 'insights_paused_triggers', null);
  }).immediate();
};
