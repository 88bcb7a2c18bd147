import type { Migration } from '../migrate';
import { registerSkillFunctions } from '../skill-functions';

/*
 * The match score compares skills through the skills catalogue (shared/domain/skills.ts): v3's SQL compared raw
 * tokens without case, so a profile's "seo" did not match a project's "Search Engine Optimization", nor
 * "Übersetzung" "ubersetzung". Both sides now go through `skill_id` (readSkillId: the catalogue entry, else the
 * token without case, accents or extra spaces), the same function the TypeScript score calls
 * (shared/domain/match-score.ts), so the two stay equal by construction of the comparison; the rest of the
 * formula is v3's. The five triggers that keep match_score are made again with it and every project is rescored.
 * Frozen with this migration: a later schema writes its own SQL.
 */
const matchScore = `(
  SELECT CAST(round(
      60.0 * (SELECT count(*) FROM json_each(projects.skills) s
               WHERE skill_id(s.value) IN (SELECT skill_id(value) FROM json_each(pr.skills)))
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
  DROP TRIGGER projects_match_insert;
  DROP TRIGGER projects_match_update;
  DROP TRIGGER profile_rescore_insert;
  DROP TRIGGER profile_rescore_update;
  CREATE TRIGGER projects_match_insert AFTER INSERT ON projects BEGIN
    UPDATE projects SET match_score = ${matchScore} WHERE pk = new.pk;
  END;
  CREATE TRIGGER projects_match_update AFTER UPDATE OF skills, language, kind, currency, budget_max_minor ON projects BEGIN
    UPDATE projects SET match_score = ${matchScore} WHERE pk = new.pk;
  END;
  CREATE TRIGGER profile_rescore_insert AFTER INSERT ON profile BEGIN
    UPDATE projects SET match_score = ${matchScore};
  END;
  CREATE TRIGGER profile_rescore_update AFTER UPDATE ON profile BEGIN
    UPDATE projects SET match_score = ${matchScore};
  END;
  UPDATE projects SET match_score = ${matchScore} WHERE EXISTS (SELECT 1 FROM profile WHERE id = 1);
`;

export const migration0021SkillMatch: Migration = {
  version: 21,
  name: '0021-skill-match',
  up: (db) => {
    // The connection that migrates has it already when the core opened it; a bare one gets it here.
    registerSkillFunctions(db);
    db.exec(schema);
  },
};
