import { readSkillId } from './skills';

/** What the match score looks at: the freelancer's own profile. */
export type MatchProfile = {
  skills: readonly string[];
  /** BCP 47 tags of the languages the freelancer works in. */
  languages: readonly string[];
  hourlyRateMinor: number | null;
  currency: string | null;
};

export type MatchInput = {
  skills: readonly string[];
  language: string;
  kind: 'fixed' | 'hourly';
  currency: string;
  budgetMaxMinor: number | null;
};

export type MatchBreakdown = {
  score: number;
  skillsMatched: number;
  skillsTotal: number;
  speaksLanguage: boolean;
  /** 'fits': the budget pays the rate; 'low': it pays part of it; 'unknown': no rate, no budget or another currency. */
  budget: 'fits' | 'low' | 'unknown';
};

const skillPoints = 60;
const languagePoints = 25;
const budgetPoints = 15;
/** A fixed budget is weighed against a 40-hour week at the freelancer's rate. */
const fixedHours = 40;

const baseLanguage = (tag: string): string => tag.slice(0, 2).toLowerCase();

/**
 * The same score as the SQL in migration 0020 (which sorts by it), with the reasons shown on hover.
 * 60 points for the share of skills, 25 for the language, 15 for the budget against the hourly rate.
 */
export const scoreMatch = (project: MatchInput, profile: MatchProfile): MatchBreakdown => {
  // Through the skills catalogue: the profile's "seo" is the project's "Search Engine Optimization".
  const mine = new Set(profile.skills.map(readSkillId));
  const skillsMatched = project.skills.filter((skill) => mine.has(readSkillId(skill))).length;
  const speaksLanguage = profile.languages.some((tag) => baseLanguage(tag) === baseLanguage(project.language));
  const rate = profile.hourlyRateMinor;
  const budget = project.budgetMaxMinor;
  const comparable = rate !== null && rate > 0 && budget !== null && profile.currency === project.currency;
  const ratio = comparable ? Math.min(1, budget / (project.kind === 'hourly' ? rate : rate * fixedHours)) : 0.5;
  const score = Math.round(
    (skillPoints * skillsMatched) / Math.max(1, project.skills.length) + (speaksLanguage ? languagePoints : 0) + budgetPoints * ratio,
  );
  return {
    score,
    skillsMatched,
    skillsTotal: project.skills.length,
    speaksLanguage,
    budget: comparable ? (ratio >= 1 ? 'fits' : 'low') : 'unknown',
  };
};
