import { useTranslation } from 'react-i18next';
import type { ProposalDetail } from '../../../../shared/contract/proposals';
import { formatLanguageName, formatMoney } from '../../../../shared/i18n/format';

/** What stops the proposal from being sent, each in the user's language; an error once a submit was refused. */
export const ProposalProblems = ({ proposal, refused }: { proposal: ProposalDetail; refused: boolean }) => {
  const { t, i18n } = useTranslation('proposals');
  if (proposal.problems.length === 0) return null;
  return (
    <section className={refused ? 'problems error' : 'problems'} data-testid="proposal-problems" aria-live="polite">
      <h3>{t('problems.title')}</h3>
      <ul>
        {proposal.problems.map((problem, index) => (
          <li key={index}>
            {t(`problems.${problem.code}`, {
              language: problem.locale ? formatLanguageName(problem.locale, i18n.language) : '',
              source: problem.sourceLocale ? formatLanguageName(problem.sourceLocale, i18n.language) : '',
              index: (problem.index ?? 0) + 1,
              field: problem.field ?? '',
              question: problem.question ?? '',
              total: problem.totalMinor !== undefined ? formatMoney(problem.totalMinor, proposal.currency, i18n.language) : '',
              amount: problem.amountMinor !== undefined ? formatMoney(problem.amountMinor, proposal.currency, i18n.language) : '',
              length: problem.length !== undefined ? new Intl.NumberFormat(i18n.language).format(problem.length) : '',
              limit: problem.limit !== undefined ? new Intl.NumberFormat(i18n.language).format(problem.limit) : '',
            })}
          </li>
        ))}
      </ul>
    </section>
  );
};
