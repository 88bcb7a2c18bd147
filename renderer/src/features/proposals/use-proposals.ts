import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProposalDetail, ProposalSummary, proposalListStatuses } from '../../../../shared/contract/proposals';
import { useClient } from '../../app/client-context';

export const useProposalList = (text: string, status: (typeof proposalListStatuses)[number] | null): ProposalSummary[] | null => {
  const client = useClient();
  const [items, setItems] = useState<ProposalSummary[] | null>(null);
  useEffect(() => {
    let live = true;
    const load = (): void => {
      client.proposals
        .listProposals({ text, status })
        .then((next) => live && setItems(next), () => live && setItems([]));
    };
    load();
    const stopProposals = client.on('proposalsChanged', load);
    const stopSync = client.on('syncStatusChanged', load);
    return () => {
      live = false;
      stopProposals();
      stopSync();
    };
  }, [client, text, status]);
  return items;
};

/**
 * The open proposal, read again when it changes here or through sync. The copy belongs to one opening: leaving
 * the proposal (another one, the templates library) drops it, so coming back never shows what was read before
 * the letter was last saved. `reload` resolves once the copy read after it is shown.
 */
export const useProposal = (id: string | null): { proposal: ProposalDetail | null | undefined; reload: () => Promise<void> } => {
  const client = useClient();
  const [state, setState] = useState<{ id: string; proposal: ProposalDetail | null } | null>(null);
  const loader = useRef<(() => Promise<void>) | null>(null);
  const reload = useCallback(() => loader.current?.() ?? Promise.resolve(), []);
  useEffect(() => {
    if (!id) return;
    let live = true;
    const load = (): Promise<void> =>
      client.proposals.getProposal({ id }).then(
        (proposal) => {
          if (live) setState({ id, proposal });
        },
        () => {
          if (live) setState({ id, proposal: null });
        },
      );
    loader.current = load;
    void load();
    const stopProposals = client.on('proposalsChanged', (event) => (event.id === null || event.id === id) && void load());
    const stopSync = client.on('syncStatusChanged', () => void load());
    return () => {
      live = false;
      loader.current = null;
      stopProposals();
      stopSync();
      setState(null);
    };
  }, [client, id]);
  return { proposal: id && state?.id === id ? state.proposal : undefined, reload };
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
