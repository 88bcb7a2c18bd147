import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { findSkillKey } from '../../../shared/domain/skills';

/**
 * A skill's name in the UI's language ("Übersetzung Deutsch–Italienisch" for the reference platform's
 * `de-it-translation`, "Suchmaschinenoptimierung" for Freelancer's "Search Engine Optimization"); a skill
 * the catalogue does not know is shown as its platform wrote it. Every place that shows a skill uses this.
 */
export const useSkillName = (): ((skill: string) => string) => {
  const { t } = useTranslation('skills');
  return useCallback((skill: string) => {
    const key = findSkillKey(skill);
    return key ? t(key) : skill;
  }, [t]);
};
