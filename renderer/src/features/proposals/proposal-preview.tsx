import { useTranslation } from 'react-i18next';
import type { ProposalPreview } from '../../../../shared/contract/proposals';
import { formatDate, formatLanguageName, formatMoney } from '../../../../shared/i18n/format';

const dayMs = 86_400_000;

/**
 * One variant as the client reads it: the plain text the platform receives (line breaks kept, no markup), merge
 * fields filled and the unfillable ones marked, then price, delivery, milestones, answers and linked items. The
 * client's part is labelled, and its money and dates written, in the variant's language; the notes around it
 * are in the user's.
 */
export const ProposalPreviewPane = ({ preview, now }: { preview: ProposalPreview; now: Date }) => {
  const { t, i18n } = useTranslation('proposals');
  const label = i18n.getFixedT(preview.locale, 'proposals');
  const money = (minor: number): string => formatMoney(minor, preview.currency, preview.locale);
  const empty = preview.letter.length === 0;
  return (
    <section className="client-preview" aria-label={t('preview.title')} data-testid="proposal-preview">
      <p className="muted small">{t('preview.note', { language: formatLanguageName(preview.locale, i18n.language) })}</p>
      {preview.unresolved.length > 0 && (
        <p className="form-error small" role="alert" data-testid="preview-unresolved">
          {t('preview.unresolvedNote', { count: preview.unresolved.length })}
        </p>
      )}
      <article className="client-card" lang={preview.locale}>
        <h3>{preview.projectTitle}</h3>
        {preview.clientName && <p className="muted">{label('preview.to', { client: preview.clientName })}</p>}
        <div className="preview-letter" data-testid="preview-letter">
          {empty && <span className="muted">{label('preview.emptyLetter')}</span>}
          {preview.letter.map((segment, index) =>
            'text' in segment ? (
              <span key={index}>{segment.text}</span>
            ) : segment.value !== null ? (
              <span key={index} className="merge-filled" title={`{${segment.field}}`} data-field={segment.field}>
                {segment.value}
              </span>
            ) : (
              <mark key={index} className="merge-unresolved" title={t('preview.unresolvedField')} data-testid="preview-unresolved-field">
                {`{${segment.field}}`}
              </mark>
            ),
          )}
        </div>
        <dl className="facts" data-testid="preview-terms">
          <dt>{preview.kind === 'fixed' ? label('preview.price') : label('preview.rate')}</dt>
          <dd>
            {preview.amountMinor === null
              ? label('preview.noPrice')
              : preview.kind === 'fixed'
                ? money(preview.amountMinor)
                : label('preview.perHour', { amount: money(preview.amountMinor) })}
          </dd>
          <dt>{label('preview.delivery')}</dt>
          <dd>
            {preview.periodDays === null
              ? label('preview.noDelivery')
              : label('preview.deliveryDays', {
                  count: preview.periodDays,
                  date: formatDate(new Date(now.getTime() + preview.periodDays * dayMs), preview.locale),
                })}
          </dd>
        </dl>
        {preview.milestones.length > 0 && (
          <>
            <h4>{label('preview.milestones')}</h4>
            <ol className="preview-milestones">
              {preview.milestones.map((milestone, index) => (
                <li key={index}>
                  <strong>{milestone.title}</strong> · {money(milestone.amountMinor)}
                  {milestone.dueInDays !== null && <span className="muted"> · {label('preview.dueDays', { count: milestone.dueInDays })}</span>}
                </li>
              ))}
            </ol>
          </>
        )}
        {preview.answers.length > 0 && (
          <>
            <h4>{label('preview.answers')}</h4>
            <dl className="preview-answers" data-testid="preview-answers">
              {preview.answers.map((answer) => (
                <div key={answer.questionId}>
                  <dt>{answer.question}</dt>
                  <dd>{answer.text}</dd>
                </div>
              ))}
            </dl>
          </>
        )}
        {preview.portfolioItems.length > 0 && (
          <>
            <h4>{label('preview.portfolio')}</h4>
            <ul className="preview-portfolio" data-testid="preview-portfolio">
              {preview.portfolioItems.map((item) => (
                <li key={item.itemId} lang={item.shownLocale ?? undefined}>
                  {item.title || t('portfolio.untitled')}
                </li>
              ))}
            </ul>
          </>
        )}
      </article>
    </section>
  );
};
