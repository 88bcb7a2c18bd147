import { readSkillId } from '../../../shared/domain/skills';
import type Database from 'better-sqlite3';

/**
 * `skill_id(token)` in SQL: shared/domain/skills.ts's readSkillId, so the match score's SQL (the triggers of schema
 * v21) compares skills through the same catalogue, folding and aliases as the TypeScript score. Registered on
 * every connection the core opens (a trigger that calls it fails on a connection without it); deterministic, so
 * SQLite may reuse a result within a statement.
 */
// A plain connection, not database.ts's branded one: database.ts registers these as it opens each connection.
export const registerSkillFunctions = (db: Database.Database): void => {
  db.function('skill_id', { deterministic: true }, (token: unknown) => (typeof token === 'string' ? readSkillId(token) : null));
};
