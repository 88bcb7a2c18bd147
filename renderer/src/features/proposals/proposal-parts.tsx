import { useTranslation } from 'react-i18next';
import type { AnswerItem, LinkableItem } from '../../../../shared/contract/proposals';
import { useSkillName } from '../../ui/skill-names';

type QuestionsProps = {
  questions: readonly { id: string; text: string }[];
  answers: readonly AnswerItem[];
  /** The project's language: questions are asked in it and answered in it (spell-checking follows). */
  locale: string;
  editable: boolean;
  onChange: (questionId: string, text: string) => void;
  onBlur: () => void;
};

/** One field per question the client asks every bidder. */
export const QuestionAnswers = ({ questions, answers, locale, editable, onChange, onBlur }: QuestionsProps) => {
  const { t } = useTranslation('proposals');
  return (
    <section className="detail-section proposal-questions" aria-labelledby="proposal-questions-title" data-testid="proposal-questions">
      <h3 id="proposal-questions-title">{t('questions.title')}</h3>
      <p className="muted small">{t('questions.hint')}</p>
      {questions.map((question, index) => (
        <label key={question.id} className="field">
          <span className="field-label" lang={locale}>
            {index + 1}. {question.text}
          </span>
          <textarea
            rows={3}
            lang={locale}
            spellCheck
            placeholder={t('questions.answer')}
            readOnly={!editable}
            value={answers.find((answer) => answer.questionId === question.id)?.text ?? ''}
            data-testid="question-answer"
            onChange={(event) => onChange(question.id, event.target.value)}
            onBlur={onBlur}
          />
        </label>
      ))}
    </section>
  );
};

type LinkedProps = {
  items: readonly LinkableItem[] | null;
  linkedIds: readonly string[];
  editable: boolean;
  onToggle: (itemId: string, linked: boolean) => void;
};

/** The user's portfolio, best matches for the project first; ticked items go with the proposal. */
export const LinkedPortfolioItems = ({ items, linkedIds, editable, onToggle }: LinkedProps) => {
  const { t } = useTranslation('proposals');
  const nameSkill = useSkillName();
  return (
    <section className="detail-section" aria-labelledby="proposal-portfolio-title" data-testid="proposal-portfolio">
      <div className="section-header">
        <h3 id="proposal-portfolio-title">{t('portfolio.title')}</h3>
        {linkedIds.length > 0 && <span className="muted small">{t('portfolio.linked', { count: linkedIds.length })}</span>}
      </div>
      <p className="muted small">{t('portfolio.hint')}</p>
      {items !== null && items.length === 0 && <p className="muted">{t('portfolio.empty')}</p>}
      <ul className="linkable-items">
        {(items ?? []).map((item) => (
          <li key={item.itemId}>
            <label className="linkable-item">
              <input
                type="checkbox"
                checked={linkedIds.includes(item.itemId)}
                disabled={!editable}
                data-testid="link-item"
                onChange={(event) => onToggle(item.itemId, event.target.checked)}
              />
              <span className="linkable-title" lang={item.shownLocale ?? undefined}>
                {item.title || t('portfolio.untitled')}
              </span>
              {item.visibility === 'private' && <span className="status-badge">{t('portfolio.private')}</span>}
              <span className="muted small">
                {item.matchedSkills.length > 0 ? t('portfolio.matched', { skills: item.matchedSkills.map(nameSkill).join(', ') }) : t('portfolio.noMatch')}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
};
