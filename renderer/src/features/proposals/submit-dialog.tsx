import { useTranslation } from 'react-i18next';
import type { ProposalDetail, ProposalPreview } from '../../../../shared/contract/proposals';
import type { BidConfirmation } from '../../../../shared/domain/bid-confirmation';
import { splitFee } from '../../../../shared/domain/proposal';
import { formatLanguageName, formatMoney } from '../../../../shared/i18n/format';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { Dialog } from '../../ui/dialog';
import { Skeleton } from '../../ui/skeleton';

/** The letter as the platform receives it: merge fields filled, trimmed (as the core compares it). */
const outgoingLetter = (preview: ProposalPreview): string =>
  preview.letter
    .map((segment) => ('text' in segment ? segment.text : (segment.value ?? '')))
    .join('')
    .trim();

/**
 * The terms the user is shown, as the core will send them; null while something the platform needs is missing
 * (the core then answers with the problems instead of sending).
 */
export const confirmationOf = (preview: ProposalPreview): BidConfirmation | null =>
  preview.amountMinor === null || preview.periodDays === null
    ? null
    : { amountMinor: preview.amountMinor, currency: preview.currency, periodDays: preview.periodDays, coverLetter: outgoingLetter(preview) };

type Props = {
  isOpen: boolean;
  proposal: ProposalDetail;
  /** The project language's variant exactly as it would go out; null while it is read. */
  preview: ProposalPreview | null;
  onConfirm: (confirmation: BidConfirmation | null) => void;
  onCancel: () => void;
};

/**
 * What a submit sends, before it is sent: price, the platform's fee and the net, delivery, the languages, the
 * linked portfolio items and the start of the letter. Read from the core's preview, so what is shown is what
 * goes (the core refuses a confirmation that no longer matches).
 */
export const SubmitDialog = ({ isOpen, proposal, preview, onConfirm, onCancel }: Props) => {
  const { t, i18n } = useTranslation('proposals');
  const locale = i18n.language;
  const money = (minor: number): string => formatMoney(minor, preview?.currency ?? proposal.currency, locale);
  const fee = preview?.amountMinor === null || preview?.amountMinor === undefined ? null : splitFee(preview.amountMinor, proposal.fee.percent);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(proposal.fee.percent / 100);
  const first = proposal.version === null;
  const letter = preview ? outgoingLetter(preview) : '';
  return (
    <Dialog
      isOpen={isOpen}
      onOpenChange={(open) => !open && onCancel()}
      title={first ? t('submitDialog.titleFirst') : t('submitDialog.titleUpdate')}
      testId="submit-dialog"
      footer={
        <>
          <Button variant="secondary" onPress={onCancel} data-testid="submit-cancel">
            {t('submitDialog.cancel')}
          </Button>
          {/* Mounted again once the terms are read, so the focus lands on it then (not on a disabled button). */}
          <Button
            key={preview ? 'ready' : 'reading'}
            variant="primary"
            isDisabled={!preview}
            onPress={() => preview && onConfirm(confirmationOf(preview))}
            data-testid="submit-confirm"
            autoFocus
          >
            {first ? t('submit.first') : t('submit.update')}
          </Button>
        </>
      }
    >
      <p className="submit-project">
        <strong>{proposal.projectTitle ?? proposal.projectId}</strong>
        {proposal.clientName && <span className="muted"> · {proposal.clientName}</span>}
      </p>
      {!preview ? (
        <div aria-busy="true" aria-label={t('submitDialog.reading')}>
          <Skeleton lines={5} />
        </div>
      ) : (
        <dl className="facts submit-facts" data-testid="submit-facts">
          <dt>{preview.kind === 'hourly' ? t('terms.hourly') : t('terms.fixed')}</dt>
          <dd data-testid="submit-price">{preview.amountMinor === null ? t('submitDialog.missing') : money(preview.amountMinor)}</dd>
          {fee && (
            <>
              <dt>{t('submitDialog.fee', { percent })}</dt>
              <dd data-testid="submit-fee">
                {money(fee.feeMinor)}
                {proposal.fee.source === 'default' && <span className="muted"> ({t('submitDialog.feeUsual')})</span>}
              </dd>
              <dt>{t('submitDialog.net')}</dt>
              <dd data-testid="submit-net">
                <strong>{money(fee.netMinor)}</strong>
              </dd>
            </>
          )}
          <dt>{t('submitDialog.delivery')}</dt>
          <dd data-testid="submit-delivery">{preview.periodDays === null ? t('submitDialog.missing') : t('submitDialog.days', { count: preview.periodDays })}</dd>
          <dt>{t('submitDialog.languages')}</dt>
          <dd className="submit-languages" data-testid="submit-languages">
            {proposal.variants.map((variant) => (
              <Badge key={variant.locale} tone={variant.locale === proposal.defaultLocale ? 'accent' : 'neutral'}>
                {formatLanguageName(variant.locale, locale)}
              </Badge>
            ))}
          </dd>
          <dt>{t('submitDialog.items')}</dt>
          <dd data-testid="submit-items">
            {preview.portfolioItems.length === 0 ? (
              <span className="muted">{t('submitDialog.noItems')}</span>
            ) : (
              <ul className="submit-items">
                {preview.portfolioItems.map((item) => (
                  <li key={item.itemId}>{item.title}</li>
                ))}
              </ul>
            )}
          </dd>
        </dl>
      )}
      {preview && (
        <figure className="submit-letter">
          <figcaption className="muted small">{t('submitDialog.letter', { language: formatLanguageName(proposal.defaultLocale, locale) })}</figcaption>
          <blockquote lang={proposal.defaultLocale}>{letter}</blockquote>
        </figure>
      )}
    </Dialog>
  );
};
