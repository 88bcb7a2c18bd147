import { useTranslation } from 'react-i18next';
import type { ProjectSummary } from '../../../../shared/domain/project';

type Match = NonNullable<ProjectSummary['match']>;

/** The reasons behind a score, in one line: shown on hover and in the detail. */
export const useMatchExplanation = (match: Match): string => {
  const { t } = useTranslation('feed');
  return [
    t('match.skills', { count: match.skillsMatched, total: match.skillsTotal }),
    match.speaksLanguage ? t('match.language') : t('match.noLanguage'),
    t(`match.budget.${match.budget}`),
  ].join(' · ');
};

export const MatchMeter = ({ match }: { match: Match }) => {
  const { t } = useTranslation('feed');
  const explanation = useMatchExplanation(match);
  const level = match.score >= 70 ? 'high' : match.score >= 40 ? 'mid' : 'low';
  return (
    <span
      className={`match match-${level}`}
      title={`${t('match.label', { score: match.score })}: ${explanation}`}
      data-testid="match-meter"
    >
      <span className="match-track" aria-hidden="true">
        <span className="match-fill" style={{ width: `${match.score}%` }} />
      </span>
      <span>{t('match.short', { score: match.score })}</span>
    </span>
  );
};
