import type { Migration } from '../migrate';

/**
 * How well a project fits the freelancer (0–100), written as SQL so that "sort by match" walks an index
 * instead of scoring 100k rows per query: 60 points for the share of the project's skills the freelancer
 * has, 25 when they speak the posting's language, 15 for the budget against their hourly rate (half when
 * either is unknown or in another currency; a fixed budget is compared with a 40-hour week).
 * shared/domain/match-score.ts computes the same number with its explanation; a test holds the two equal.
 * Frozen with this migration: a later schema writes its own SQL.
 */
const matchScore = `(
  SELECT CAST(round(
      60.0 * (SELECT count(*) FROM json_each(projects.skills) s
               WHERE lower(s.value) IN (SELECT lower(value) FROM json_each(pr.skills)))
           / max(1, json_array_length(projects.skills))
    + CASE WHEN EXISTS (SELECT 1 FROM json_each(pr.languages) l
                        WHERE lower(substr(json_extract(l.value, '$.tag'), 1, 2)) = lower(substr(projects.language, 1, 2)))
           THEN 25 ELSE 0 END
    + 15.0 * CASE
        WHEN pr.hourly_rate_minor IS NULL OR pr.hourly_rate_minor <= 0 OR projects.budget_max_minor IS NULL
          OR pr.currency IS NOT projects.currency THEN 0.5
        WHEN projects.kind = 'hourly' THEN min(1.0, 1.0 * projects.budget_max_minor / pr.hourly_rate_minor)
        ELSE min(1.0, 1.0 * projects.budget_max_minor / (pr.hourly_rate_minor * 40.0))
      END) AS INTEGER)
  FROM profile pr WHERE pr.id = 1)`;

const schema = `
  -- One row per (skill, project): the skills filter and the skills facet read an index, not JSON.
  CREATE TABLE project_skills (
    skill TEXT NOT NULL COLLATE NOCASE,
    project_pk INTEGER NOT NULL,
    PRIMARY KEY (skill, project_pk)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX project_skills_by_project ON project_skills (project_pk);
  INSERT OR IGNORE INTO project_skills (skill, project_pk) SELECT j.value, p.pk FROM projects p, json_each(p.skills) j;

  CREATE TRIGGER project_skills_insert AFTER INSERT ON projects BEGIN
    INSERT OR IGNORE INTO project_skills (skill, project_pk) SELECT value, new.pk FROM json_each(new.skills);
  END;
  CREATE TRIGGER project_skills_update AFTER UPDATE OF skills ON projects BEGIN
    DELETE FROM project_skills WHERE project_pk = old.pk;
    INSERT OR IGNORE INTO project_skills (skill, project_pk) SELECT value, new.pk FROM json_each(new.skills);
  END;
  CREATE TRIGGER project_skills_delete AFTER DELETE ON projects BEGIN
    DELETE FROM project_skills WHERE project_pk = old.pk;
  END;

  ALTER TABLE projects ADD COLUMN match_score INTEGER;
  UPDATE projects SET match_score = ${matchScore};
  CREATE TRIGGER projects_match_insert AFTER INSERT ON projects BEGIN
    UPDATE projects SET match_score = ${matchScore} WHERE pk = new.pk;
  END;
  CREATE TRIGGER projects_match_update AFTER UPDATE OF skills, language, kind, currency, budget_max_minor ON projects BEGIN
    UPDATE projects SET match_score = ${matchScore} WHERE pk = new.pk;
  END;
  -- A new profile (skills, languages, rate) rescores everything once.
  CREATE TRIGGER profile_rescore_insert AFTER INSERT ON profile BEGIN
    UPDATE projects SET match_score = ${matchScore};
  END;
  CREATE TRIGGER profile_rescore_update AFTER UPDATE ON profile BEGIN
    UPDATE projects SET match_score = ${matchScore};
  END;
  CREATE TRIGGER profile_rescore_delete AFTER DELETE ON profile BEGIN
    UPDATE projects SET match_score = NULL;
  END;

  -- One index per sort of the feed, each ending on pk (stable paging on ties) and carrying every filtered
  -- column: a filtered page walks the index in order and never reads the wide rows (descriptions, raw JSON),
  -- and a filtered count scans an index instead of the table. They replace v1's plain sort indexes.
  DROP INDEX projects_by_posted;
  DROP INDEX projects_by_budget;
  DROP INDEX projects_by_bids;
  CREATE INDEX projects_feed_newest ON projects (posted_at DESC, pk DESC,
    language, country, status, kind, currency, budget_min_minor, budget_max_minor);
  CREATE INDEX projects_feed_budget ON projects (budget_max_minor DESC, pk DESC,
    language, country, status, kind, currency, budget_min_minor, posted_at);
  CREATE INDEX projects_feed_bids ON projects (bid_count DESC, pk DESC,
    language, country, status, kind, currency, budget_min_minor, budget_max_minor, posted_at);
  CREATE INDEX projects_feed_match ON projects (match_score DESC, pk DESC,
    language, country, status, kind, currency, budget_min_minor, budget_max_minor, posted_at);
  -- No separate language or country index: without statistics the planner would pick it for a common
  -- language and sort tens of thousands of rows; walking a covering sort index is bounded by its size.

  -- A feed query the user named; pk marks say what is new since they last opened it and what was announced.
  CREATE TABLE saved_searches (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    query TEXT NOT NULL,
    seen_max_pk INTEGER NOT NULL DEFAULT 0,
    notified_max_pk INTEGER NOT NULL DEFAULT 0,
    opened_at TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT;

  -- What the user is writing in each conversation, saved as they type; survives restarts.
  CREATE TABLE thread_drafts (
    thread_id TEXT PRIMARY KEY,
    body TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;

  -- Read locally up to this instant: unread counts are recomputed from messages after it.
  CREATE TABLE thread_reads (
    thread_id TEXT PRIMARY KEY,
    read_through TEXT NOT NULL
  ) STRICT;

  CREATE INDEX threads_by_client ON threads (client_id, last_message_at DESC);
`;

export const migration0003Workspace: Migration = {
  version: 3,
  name: '0003-workspace',
  up: (db) => db.exec(schema),
};
