import type { Core } from '../core';
import { countProjects, upsertProjects } from '../db/repositories/projects-repository';
import { generateDemoProjects } from './demo-projects';

/** Fills an empty workspace with demo projects (development and the demo, until sync lands). */
export const seedWorkspaceIfEmpty = (core: Core, count: number, seed = 7): number => {
  if (countProjects(core.db) > 0) return 0;
  const now = new Date();
  const changed = upsertProjects(core.db, generateDemoProjects(count, seed, now), now);
  core.emit('projectsChanged', { count: countProjects(core.db) });
  return changed;
};
