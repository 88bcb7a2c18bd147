/**
 * Skills are shown as their platform names them (issue #14): the reference platform's slugs and Freelancer's
 * job names both pass records.ts, the profile's and the portfolio's schemas; text that cannot be one chip does not.
 */
import { describe, expect, it } from 'vitest';
import { skillListSchema, skillSchema } from '../../../shared/platform/primitives';
import { projectCategories, recordSchemas } from '../../../shared/platform/records';
import { simulateProjectBodySchema } from '../../../shared/platform/simulation';
import { makeProject } from '../../support/workspace-records';

const demoProject = () => makeProject('prj_0001a3', { skills: ['react', 'it-en-translation'] });

describe('skills by name', () => {
  it("takes the reference platform's slugs and a marketplace's names as they are", () => {
    for (const skill of ['react', 'it-en-translation', 'c#', 'node.js', 'User Interface / IA', 'Search Engine Optimization', 'Übersetzung', 'C++', 'ワードプレス']) {
      expect(skillSchema.parse(skill), skill).toBe(skill);
    }
  });

  it('refuses what cannot be one chip: empty, multi-line, control characters, padded, too long', () => {
    for (const skill of ['', ' ', 'two\nlines', 'tab\there', 'bell\u0007', ' padded', 'padded ', 'a'.repeat(101), 'line\u2028sep']) {
      expect(skillSchema.safeParse(skill).success, JSON.stringify(skill)).toBe(false);
    }
    expect(skillListSchema.safeParse(Array.from({ length: 51 }, (_, index) => `Skill ${index}`)).success).toBe(false);
  });

  it('a project and a profile with named skills are valid records; the reference records stay valid', () => {
    const project = demoProject();
    expect(recordSchemas.project.safeParse(project).success).toBe(true);
    expect(recordSchemas.project.parse({ ...project, skills: ['WordPress', 'User Interface / IA'] }).skills).toEqual(['WordPress', 'User Interface / IA']);
    expect(recordSchemas.project.safeParse({ ...project, skills: ['bad\nskill'] }).success).toBe(false);
  });
});

describe('category other', () => {
  it('is a category a record may have, but never one the reference platform is asked to post in', () => {
    expect(projectCategories).toContain('other');
    expect(recordSchemas.project.safeParse({ ...demoProject(), category: 'other' }).success).toBe(true);
    expect(simulateProjectBodySchema.safeParse({ category: 'other' }).success).toBe(false);
    expect(simulateProjectBodySchema.safeParse({ category: 'design' }).success).toBe(true);
  });
});
