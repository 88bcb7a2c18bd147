import type { Migration } from '../migrate';

/*
 * Insights per account, and what bidding cost (issue #16).
 *
 * bid_fee_minor: what the platform reports the bid cost, in minor units of the proposal's currency (Freelancer's
 * `sponsored`, the amount paid to upgrade the bid; 0 for a plain one); NULL where the platform reports nothing
 * (the reference platform, a proposal never sent).
 *
 * Every insights index (v14, v16) is rebuilt with account_id as its last column: a figure filtered to one
 * account is tested in the index it already reads (no table lookup per proposal) and still groups without a
 * sort; proposals_insights_account groups by account. proposal_skills (v15) gets the proposal's account, kept by
 * its triggers, which are rebuilt to copy it and to follow a proposal brought by another account since.
 */

const rowsOf = (where: string): string => `INSERT INTO proposal_skills (proposal_id, skill, status, submitted_at, account_id)
    SELECT pr.id, ps.skill, pr.status, pr.submitted_at, pr.account_id FROM proposals pr
    LEFT JOIN project_skills ps INDEXED BY project_skills_by_project ON ps.project_pk = pr.project_pk
    WHERE ${where} AND pr.submitted_at IS NOT NULL;`;

const rebuildProposal = (id: string): string => `DELETE FROM proposal_skills WHERE proposal_id = ${id};
    ${rowsOf(`pr.id = ${id}`)}`;

const rebuildProject = (pk: string): string => `DELETE FROM proposal_skills
      WHERE proposal_id IN (SELECT id FROM proposals INDEXED BY proposals_insights_project WHERE project_pk = ${pk} AND submitted_at IS NOT NULL);
    ${rowsOf(`pr.project_pk = ${pk}`)}`;

const hasSubmitted = (pk: string): string =>
  `EXISTS (SELECT 1 FROM proposals INDEXED BY proposals_insights_project WHERE project_pk = ${pk} AND submitted_at IS NOT NULL)`;

const schema = `
  ALTER TABLE proposals ADD COLUMN bid_fee_minor INTEGER CHECK (bid_fee_minor IS NULL OR bid_fee_minor >= 0);

  DROP INDEX proposals_insights_created;
  CREATE INDEX proposals_insights_created ON proposals (created_at, submitted_at, status, was_shortlisted, first_reply_at, account_id);
  DROP INDEX proposals_insights_submitted;
  CREATE INDEX proposals_insights_submitted ON proposals (submitted_at, status, currency, kind, amount_minor, first_reply_at, answered_at, account_id)
    WHERE submitted_at IS NOT NULL;
  DROP INDEX proposals_insights_language;
  CREATE INDEX proposals_insights_language ON proposals (default_locale, status, submitted_at, account_id) WHERE submitted_at IS NOT NULL;
  DROP INDEX proposals_insights_category;
  CREATE INDEX proposals_insights_category ON proposals (project_category, status, submitted_at, account_id) WHERE submitted_at IS NOT NULL;
  DROP INDEX proposals_insights_country;
  CREATE INDEX proposals_insights_country ON proposals (project_country, status, submitted_at, account_id) WHERE submitted_at IS NOT NULL;
  DROP INDEX proposals_insights_released;
  CREATE INDEX proposals_insights_released ON proposals (status, updated_at, currency, released_minor, released_milestones, account_id)
    WHERE released_milestones > 0;
  DROP INDEX proposals_insights_price;
  CREATE INDEX proposals_insights_price ON proposals (currency, kind, status, submitted_at, amount_minor, account_id, bid_fee_minor)
    WHERE submitted_at IS NOT NULL;
  CREATE INDEX proposals_insights_account ON proposals (account_id, status, submitted_at) WHERE submitted_at IS NOT NULL;

  ALTER TABLE proposal_skills ADD COLUMN account_id TEXT;
  UPDATE proposal_skills SET account_id = (SELECT pr.account_id FROM proposals pr WHERE pr.id = proposal_skills.proposal_id);
  DROP INDEX proposal_skills_insights;
  CREATE INDEX proposal_skills_insights ON proposal_skills (skill, status, submitted_at, account_id);

  DROP TRIGGER proposals_skills_insert;
  DROP TRIGGER proposals_skills_update;
  DROP TRIGGER project_skills_proposals_insert;
  DROP TRIGGER project_skills_proposals_delete;
  CREATE TRIGGER proposals_skills_insert AFTER INSERT ON proposals BEGIN
    ${rebuildProposal('new.id')}
  END;
  CREATE TRIGGER proposals_skills_update AFTER UPDATE OF project_pk, status, submitted_at, account_id ON proposals
    WHEN old.project_pk IS NOT new.project_pk OR old.status IS NOT new.status OR old.submitted_at IS NOT new.submitted_at
      OR old.account_id IS NOT new.account_id BEGIN
    ${rebuildProposal('new.id')}
  END;
  CREATE TRIGGER project_skills_proposals_insert AFTER INSERT ON project_skills WHEN ${hasSubmitted('new.project_pk')} BEGIN
    ${rebuildProject('new.project_pk')}
  END;
  CREATE TRIGGER project_skills_proposals_delete AFTER DELETE ON project_skills WHEN ${hasSubmitted('old.project_pk')} BEGIN
    ${rebuildProject('old.project_pk')}
  END;
`;

export const migration0018InsightsAccounts: Migration = {
  version: 18,
  name: '0018-insights-accounts',
  up: (db) => db.exec(schema),
};
