import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectSummary } from '../../../../shared/domain/project';
import { formatLanguageName, formatMoneyCompact, formatRegionName, formatRelativeTime } from '../../../../shared/i18n/format';
import { HighlightedText } from '../../components/rich-text';
import { PlatformBadge } from '../accounts/platform-badge';
import { MatchMeter } from './match-meter';
import { useSkillName } from '../../ui/skill-names';

/** `cursor`: where j/k are (a ring); `selected`: the project open beside the list (filled). */
type Props = { project: ProjectSummary; now: Date; query?: string; selected?: boolean; cursor?: boolean };

export const useBudgetLabel = (project: Pick<ProjectSummary, 'budgetMinMinor' | 'budgetMaxMinor' | 'currency' | 'kind'>): string => {
  const { t, i18n } = useTranslation('feed');
  const money = (minor: number) => formatMoneyCompact(minor, project.currency, i18n.language);
  const { budgetMinMinor: min, budgetMaxMinor: max } = project;
  const range =
    min !== null && max !== null && min !== max
      ? t('budget.range', { min: money(min), max: money(max) })
      : max !== null
        ? min === max
          ? money(max)
          : t('budget.upTo', { max: money(max) })
        : min !== null
          ? t('budget.from', { min: money(min) })
          : null;
  if (range === null) return t('budget.unknown');
  return project.kind === 'hourly' ? t('budget.perHour', { amount: range }) : range;
};

const ProjectRowView = ({ project, now, query = '', selected = false, cursor = false }: Props) => {
  const { t, i18n } = useTranslation('feed');
  const budget = useBudgetLabel(project);
  const nameSkill = useSkillName();
  return (
    <div className={`project-row${selected ? ' selected' : ''}${cursor ? ' cursor' : ''}`} data-testid="project-row" lang={project.language}>
      <div className="project-main">
        <div className="project-title-row">
          <h2 className="project-title" title={project.title}>
            <HighlightedText text={project.title} query={query} />
          </h2>
          <PlatformBadge account={project.account} />
        </div>
        <ul className="chips" aria-label={t('skillsLabel')} lang={i18n.language}>
          {project.skills.slice(0, 6).map((skill) => (
            <li key={skill} className="chip" data-testid="skill-chip">
              <HighlightedText text={nameSkill(skill)} query={query} />
            </li>
          ))}
        </ul>
      </div>
      <div className="project-facts" lang={i18n.language}>
        <span className="budget-line">
          {project.status !== 'open' && <span className="status-pill">{t(`status.${project.status}`)}</span>}
          <span className={`kind kind-${project.kind}`}>{t(`kind.${project.kind}`)}</span>
          <span className="budget">{budget}</span>
        </span>
        <span className="muted">
          {t('writtenIn', { language: formatLanguageName(project.language, i18n.language) })}
          {project.country && ` · ${formatRegionName(project.country, i18n.language)}`}
        </span>
        <span className="muted">
          {t('bids', { count: project.bidCount })} ·{' '}
          {t('postedAgo', { when: formatRelativeTime(project.postedAt, now, i18n.language) })}
        </span>
        {project.match && <MatchMeter match={project.match} />}
      </div>
    </div>
  );
};

// Memoized: the list re-renders each time the rows in view change while scrolling (and as each page arrives);
// a row already on screen keeps its props (the page's own record object), so only the rows coming in render.
export const ProjectRow = memo(ProjectRowView);

export const ProjectRowPlaceholder = () => <div className="project-row placeholder" aria-hidden="true" />;
