import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ProposalDetail, ProposalSummary, proposalListStatuses } from '../../../../shared/contract/proposals';
import { useClient } from '../../app/client-context';
import { createSaveScheduler, typingSaveTiming } from '../../components/save-scheduler';

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

/** The open proposal, reloaded when it changes here or through sync; keyed by id so a stale answer never shows. */
export const useProposal = (id: string | null): { proposal: ProposalDetail | null | undefined; reload: () => void } => {
  const client = useClient();
  const [state, setState] = useState<{ id: string; proposal: ProposalDetail | null } | null>(null);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((count) => count + 1), []);
  useEffect(() => {
    if (!id) return;
    let live = true;
    const load = (): void => {
      client.proposals.getProposal({ id }).then(
        (proposal) => live && setState({ id, proposal }),
        () => live && setState({ id, proposal: null }),
      );
    };
    load();
    const stopSync = client.on('syncStatusChanged', load);
    return () => {
      live = false;
      stopSync();
    };
  }, [client, id, tick]);
  return { proposal: id && state?.id === id ? state.proposal : undefined, reload };
};

export type AutosaveState = 'idle' | 'saving' | 'saved' | 'failed';

type VariantBody = { bodyJson: string; bodyText: string };

/**
 * Autosave of one variant: while typing (typingSaveTiming), when the variant changes, the screen closes or the
 * page is hidden. `checkpoint` asks the core to start a new revision (used when leaving the variant).
 */
export const useVariantAutosave = (id: string, locale: string, onSaved: () => void) => {
  const client = useClient();
  const [state, setState] = useState<AutosaveState>('idle');
  const save = useCallback(
    (body: VariantBody, checkpoint = false) => {
      setState('saving');
      client.proposals.saveVariant({ id, locale, ...body, checkpoint }).then(
        () => {
          setState('saved');
          onSaved();
        },
        () => setState('failed'),
      );
    },
    [client, id, locale, onSaved],
  );
  const scheduler = useMemo(() => createSaveScheduler<VariantBody>((body) => save(body), typingSaveTiming), [save]);
  const flush = useCallback(
    (checkpoint = false) => {
      const body = scheduler.take();
      if (body) save(body, checkpoint);
    },
    [scheduler, save],
  );
  useEffect(() => {
    const hide = (): void => flush();
    window.addEventListener('pagehide', hide);
    return () => {
      window.removeEventListener('pagehide', hide);
      flush(true);
    };
  }, [flush]);
  const change = useCallback(
    (bodyJson: string, bodyText: string) => {
      setState('saving');
      scheduler.schedule({ bodyJson, bodyText });
    },
    [scheduler],
  );
  return { state, change, flush };
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
