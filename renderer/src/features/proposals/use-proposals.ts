import { useCallback } from 'react';
import type { ProposalDetail, ProposalSummary, proposalListStatuses } from '../../../../shared/contract/proposals';
import { useClient } from '../../app/client-context';
import { useCoreQuery } from '../../data/use-core-query';

export const useProposalList = (
  text: string,
  status: (typeof proposalListStatuses)[number] | null,
  accountIds: readonly string[] = [],
): ProposalSummary[] | null => {
  // Read again when a proposal changes here, through a pull or as its queued write moves (proposalsChanged),
  // or an account goes (accountsChanged), not on every sync status.
  const list = useCoreQuery(
    ['proposals.listProposals', text, status, accountIds.join(',')],
    (client, [, query, shown, accounts]) => client.proposals.listProposals({ text: query, status: shown, accountIds: accounts === '' ? [] : accounts.split(',') }),
    { invalidatedBy: ['proposalsChanged', 'accountsChanged'] },
  );
  if (list.status === 'loading') return null;
  return list.data ?? [];
};

/**
 * The open proposal, read again when it changes here or through sync. The copy belongs to one opening: leaving
 * the proposal (another one, the templates library) drops it (a new key starts a new query), so coming back never
 * shows what was read before the letter was last saved. `reload` resolves once the copy read after it is shown.
 */
export const useProposal = (id: string | null): { proposal: ProposalDetail | null | undefined; reload: () => Promise<void> } => {
  const query = useCoreQuery(id === null ? null : ['proposals.getProposal', id], (client, [, proposalId]) => client.proposals.getProposal({ id: proposalId }), {
    invalidatedBy: ['proposalsChanged'],
  });
  const proposal = id === null || query.status === 'loading' ? undefined : query.status === 'failed' ? null : query.data;
  return { proposal, reload: query.refetch };
};

/**
 * The editor's own calls: each view says its refusal in place (the action-failed line, the refused notice), so
 * they are the contract's calls as they are, reached through this hook rather than by the components.
 */
export const useProposalCalls = () => {
  const { proposals } = useClient();
  return {
    createDraft: proposals.createDraft,
    addVariant: proposals.addVariant,
    saveVariant: proposals.saveVariant,
    removeVariant: proposals.removeVariant,
    restoreVariant: proposals.restoreVariant,
    saveTerms: proposals.saveTerms,
    saveAnswers: proposals.saveAnswers,
    linkPortfolioItems: proposals.linkPortfolioItems,
    startFromTemplate: proposals.startFromTemplate,
    submitProposal: proposals.submitProposal,
    withdrawProposal: proposals.withdrawProposal,
    listRevisions: proposals.listRevisions,
    markVariantCurrent: proposals.markVariantCurrent,
    exportPdf: proposals.exportPdf,
  };
};

/**
 * Electron's spellchecker checks one set of languages for the whole window, and only main can set it: the letter
 * that takes focus asks (through the core) for its own language. Where the host has no say, nothing happens.
 */
export const useSpellcheckFollowsFocus = (locale: string): (() => void) => {
  const client = useClient();
  return useCallback(() => {
    client.app.setSpellcheckLanguages({ languages: [locale] }).catch(() => undefined);
  }, [client, locale]);
};
