import { createHash } from 'node:crypto';
import { skillTokenKeys } from '../../../../shared/domain/skills';
import { prepare, type WritableDB } from '../database';
import { readSyncValue, writeSyncValue } from './sync-state-repository';

// Raised when readSkillId folds tokens differently (the catalogue's own changes, and its names', are in its tokens below).
const skillIdRules = 1;

/**
 * The skills catalogue and folding rules this build compares skills with. The match scores stored in projects
 * were computed by whichever build wrote them: v21's triggers call `skill_id`, which is this code, not the
 * schema's, so a release that adds an alias must score the stored projects again.
 */
const catalogueFingerprint = createHash('sha256')
  .update(JSON.stringify({ skillIdRules, tokens: [...skillTokenKeys] }))
  .digest('hex')
  .slice(0, 16);

/** The schema whose migration scores every project with this build's `skill_id` (0021-skill-match.ts). */
export const skillMatchSchema = 21;

/**
 * At start, after the migrations: when the workspace's match scores were computed with another catalogue (or
 * never recorded with one), every project is scored again through the profile's rescore trigger, in one
 * transaction with the fingerprint. A start whose migrations ran v21 (a new workspace, or an update across it)
 * has just scored every project with this build: it only records the fingerprint. True when it rescored.
 */
export const rescoreMatchesIfCatalogueChanged = (db: WritableDB, migration: { from: number; to: number }): boolean => {
  if (readSyncValue(db, 'skill_catalogue') === catalogueFingerprint) return false;
  const scoredByMigration = migration.from < skillMatchSchema && migration.to >= skillMatchSchema;
  db.transaction(() => {
    // v21's profile_rescore_update scores every project with today's skill_id (nothing else fires on profile).
    if (!scoredByMigration) prepare(db, 'UPDATE profile SET skills = skills WHERE id = 1').run();
    writeSyncValue(db, 'skill_catalogue', catalogueFingerprint);
  }).immediate();
  return !scoredByMigration;
};
