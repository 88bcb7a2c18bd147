import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyPlus, Lock } from 'lucide-react';
import type { ProposalDetail } from '../../../../shared/contract/proposals';
import { useRouteParams } from '../../app/routes';
import { Button } from '../../ui/button';
import { Callout } from '../../ui/callout';
import { showToast } from '../../ui/toast';
import { useProposalCalls } from './use-proposals';

const explained = new Set(['awarded', 'declined', 'withdrawn', 'completed']);

/**
 * Why a proposal cannot be edited any more, and what can be done (#15). A withdrawn proposal can be duplicated as a
 * new draft for its project (letters in every language, terms, answers and linked items), to change and send again.
 */
export const ReadOnlyNotice = ({ proposal }: { proposal: ProposalDetail }) => {
  const { t } = useTranslation('proposals');
  const calls = useProposalCalls();
  const [, go] = useRouteParams();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const status = explained.has(proposal.status) ? proposal.status : 'other';
  const duplicate = async (): Promise<void> => {
    setBusy(true);
    setFailed(false);
    try {
      const { id, created } = await calls.createDraft({ projectId: proposal.projectId, locale: proposal.defaultLocale });
      // Another proposal for the project is already open here: that one is the place to write, nothing is copied over it.
      if (created) {
        for (const variant of proposal.variants) {
          await calls.saveVariant({ id, locale: variant.locale, bodyJson: variant.bodyJson, bodyText: variant.bodyText });
        }
        await calls.saveTerms({ id, kind: proposal.kind, amountMinor: proposal.amountMinor, periodDays: proposal.periodDays, milestones: proposal.milestones });
        if (proposal.answers.length > 0) await calls.saveAnswers({ id, answers: proposal.answers });
        if (proposal.portfolioItemIds.length > 0) await calls.linkPortfolioItems({ id, itemIds: proposal.portfolioItemIds });
        showToast({ title: t('readOnly.duplicated'), tone: 'success' });
      }
      go('proposals', id);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Callout
      icon={<Lock size={18} />}
      title={t(`readOnly.${status}.title`)}
      testId="read-only-notice"
      actions={
        proposal.status === 'withdrawn' && (
          <Button variant="secondary" size="small" icon={<CopyPlus size={16} aria-hidden="true" />} isDisabled={busy} onPress={() => void duplicate()} data-testid="duplicate-proposal">
            {t('readOnly.duplicate')}
          </Button>
        )
      }
    >
      {t(`readOnly.${status}.body`, { status: t(`status.${proposal.status}`, { defaultValue: proposal.status }) })}
      {failed && <span className="form-error"> {t('actionFailed')}</span>}
    </Callout>
  );
};
