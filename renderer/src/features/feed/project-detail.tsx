import { useTranslation } from 'react-i18next';
import type { ClientSummary, ProjectDetail } from '../../../../shared/domain/project';
import {
  formatDate,
  formatLanguageName,
  formatMoneyCompact,
  formatRegionName,
  formatRelativeTime,
} from '../../../../shared/i18n/format';
import { Flag } from '../../ui/flag';
import { HighlightedText, LinkedText } from '../../components/rich-text';
import { MissingRecord } from '../../components/missing-record';
import { MatchMeter, useMatchExplanation } from './match-meter';
import type { ProjectDetailState } from './use-feed-extras';
import { useBudgetLabel } from './project-row';
import { useSkillName } from '../../ui/skill-names';

type Props = {
  state: ProjectDetailState;
  now: Date;
  query: string;
  onClose: () => void;
  onOpenClient: (id: string) => void;
  onWriteProposal: (project: ProjectDetail) => void;
  onOpenProposal: (id: string) => void;
};

export const ClientFacts = ({ client, now }: { client: ClientSummary; now: Date }) => {
  const { t, i18n } = useTranslation('clients');
  return (
    <dl className="facts">
      {client.country && (
        <>
          <dt>{t('country')}</dt>
          <dd>
            <Flag country={client.country} /> {formatRegionName(client.country, i18n.language)}
            {client.city && ` · ${client.city}`}
          </dd>
        </>
      )}
      <dt>{t('languages')}</dt>
      <dd>{client.languages.map((tag) => formatLanguageName(tag, i18n.language)).join(', ')}</dd>
      {client.reputation !== null && (
        <>
          <dt>{t('reputation')}</dt>
          <dd>
            {client.reviewsCount === 0
              ? t('noReviews')
              : t('reputationValue', {
                  score: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(client.reputation),
                  count: client.reviewsCount,
                })}
          </dd>
        </>
      )}
      <dt>{t('payment')}</dt>
      <dd className={client.paymentVerified ? 'ok' : 'warn'}>{client.paymentVerified ? t('paymentVerified') : t('paymentUnverified')}</dd>
      {client.registeredAt && (
        <>
          <dt>{t('memberSince')}</dt>
          <dd title={formatDate(client.registeredAt, i18n.language)}>{formatRelativeTime(client.registeredAt, now, i18n.language)}</dd>
        </>
      )}
    </dl>
  );
};

const Detail = ({ project, now, query, onClose, onOpenClient, onWriteProposal, onOpenProposal }: Props & { project: ProjectDetail }) => {
  const { t, i18n } = useTranslation('feed');
  const budget = useBudgetLabel(project);
  const explanation = useMatchExplanation(project.match ?? { score: 0, skillsMatched: 0, skillsTotal: 0, speaksLanguage: false, budget: 'unknown' });
  const language = formatLanguageName(project.language, i18n.language);
  const nameSkill = useSkillName();
  return (
    <article className="detail-pane" aria-labelledby="project-detail-title" data-testid="project-detail">
      <header className="detail-header">
        <div>
          <h2 id="project-detail-title" lang={project.language}>
            <HighlightedText text={project.title} query={query} />
          </h2>
          <p className="muted">
            {t(`status.${project.status}`)} · {t('postedAgo', { when: formatRelativeTime(project.postedAt, now, i18n.language) })}
          </p>
        </div>
        <button type="button" className="secondary small" onClick={onClose} aria-label={t('detail.close')}>
          ×
        </button>
      </header>
      <dl className="facts">
        <dt>{t('detail.budget')}</dt>
        <dd>
          <span className={`kind kind-${project.kind}`}>{t(`kind.${project.kind}`)}</span> <strong>{budget}</strong>
        </dd>
        <dt>{t('detail.language')}</dt>
        <dd>{language}</dd>
        <dt>{t('detail.bids')}</dt>
        <dd>{t('bids', { count: project.bidCount })}</dd>
        {project.deadline && (
          <>
            <dt>{t('detail.deadline')}</dt>
            <dd data-testid="time-left">
              {formatDate(`${project.deadline}T23:59:59Z`, i18n.language)} ·{' '}
              {new Date(`${project.deadline}T23:59:59Z`) < now
                ? t('detail.overdue')
                : t('detail.timeLeft', { when: formatRelativeTime(`${project.deadline}T23:59:59Z`, now, i18n.language) })}
            </dd>
          </>
        )}
        {project.match && (
          <>
            <dt>{t('detail.match')}</dt>
            <dd>
              <MatchMeter match={project.match} /> <span className="muted">{explanation}</span>
            </dd>
          </>
        )}
      </dl>
      <ul className="chips wrap" aria-label={t('skillsLabel')} lang={i18n.language}>
        {project.skills.map((skill) => (
          <li key={skill} className="chip" data-testid="skill-chip">
            {nameSkill(skill)}
          </li>
        ))}
      </ul>
      <section className="description" lang={project.language} data-testid="project-description">
        <LinkedText text={project.description} query={query} />
      </section>
      <section className="detail-section">
        <h3>{t('detail.yourProposal')}</h3>
        {project.proposal ? (
          <div className="proposal-link">
            <p data-testid="project-proposal">
              {t('detail.proposalStatus', { status: t(`proposalStatus.${project.proposal.status}`, { defaultValue: project.proposal.status }) })}
              {project.proposal.amountMinor !== null &&
                ` · ${formatMoneyCompact(project.proposal.amountMinor, project.proposal.currency, i18n.language)}`}
            </p>
            <button type="button" onClick={() => onOpenProposal(project.proposal!.id)} data-testid="open-proposal">
              {t('detail.openProposal')}
            </button>
            {/* A withdrawn bid is over: the platform takes a new one on the same project. */}
            {project.proposal.status === 'withdrawn' && project.status === 'open' && (
              <button type="button" className="secondary" onClick={() => onWriteProposal(project)} data-testid="write-proposal">
                {t('detail.writeAnother', { language })}
              </button>
            )}
          </div>
        ) : (
          <button type="button" onClick={() => onWriteProposal(project)} data-testid="write-proposal">
            {t('detail.writeProposal', { language })}
          </button>
        )}
      </section>
      {project.client && (
        <section className="detail-section client-panel" data-testid="client-panel">
          <h3>{t('detail.client')}</h3>
          <button type="button" className="link-button big" onClick={() => onOpenClient(project.client!.id)}>
            {project.client.name}
            {project.client.company && ` · ${project.client.company}`}
          </button>
          <ClientFacts client={project.client} now={now} />
        </section>
      )}
    </article>
  );
};

export const ProjectDetailPane = (props: Props) => {
  const { t } = useTranslation('feed');
  if (props.state.status === 'ready') return <Detail {...props} project={props.state.project} />;
  if (props.state.status === 'missing') {
    return (
      <article className="detail-pane">
        <MissingRecord title={t('detail.missing')} back="feed" onBack={props.onClose} />
      </article>
    );
  }
  return (
    <article className="detail-pane" aria-busy={props.state.status === 'loading'}>
      <p className="muted">{props.state.status === 'loading' ? t('detail.loading') : t('detail.missing')}</p>
    </article>
  );
};
