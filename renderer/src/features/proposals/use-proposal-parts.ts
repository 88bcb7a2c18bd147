import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnswerItem, DiffPart, LinkableItem, ProposalPreview, TemplateItem } from '../../../../shared/contract/proposals';
import { useClient } from '../../app/client-context';
import { typingSaveTiming } from '../../components/save-scheduler';
import { useDebouncedSave } from '../../components/use-debounced-save';

/** The variant as the client will see it; reloaded whenever the proposal changes (a save, a sync). */
export const useProposalPreview = (id: string, locale: string, active: boolean): ProposalPreview | null => {
  const client = useClient();
  const [state, setState] = useState<{ key: string; preview: ProposalPreview } | null>(null);
  const key = `${id}:${locale}`;
  useEffect(() => {
    if (!active) return;
    let live = true;
    const load = (): void => {
      client.proposals.previewProposal({ id, locale }).then(
        (preview) => live && setState({ key: `${id}:${locale}`, preview }),
        () => undefined,
      );
    };
    load();
    const stop = client.on('proposalsChanged', (event) => (event.id === null || event.id === id) && load());
    return () => {
      live = false;
      stop();
    };
  }, [client, id, locale, active]);
  return state?.key === key ? state.preview : null;
};

export type RevisionDiff = { fromRevision: number | null; toRevision: number; parts: DiffPart[]; insertedWords: number; deletedWords: number };

/** The word-level changes of one revision, against the current text or the revision before. */
export const useRevisionDiff = (id: string, locale: string, revision: number | null, against: 'current' | 'previous'): RevisionDiff | null => {
  const client = useClient();
  const [state, setState] = useState<{ key: string; diff: RevisionDiff } | null>(null);
  const key = `${id}:${locale}:${revision}:${against}`;
  useEffect(() => {
    if (revision === null) return;
    let live = true;
    client.proposals.diffRevision({ id, locale, revision, against }).then(
      (diff) => live && setState({ key: `${id}:${locale}:${revision}:${against}`, diff }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client, id, locale, revision, against]);
  return state?.key === key ? state.diff : null;
};

/** The portfolio ranked for the proposal's project, and the linked items, ticked and unticked at once (saved in the core). */
export const useLinkableItems = (id: string, initialLinked: readonly string[], onSaved: () => void) => {
  const client = useClient();
  const [items, setItems] = useState<LinkableItem[] | null>(null);
  const [linked, setLinked] = useState<string[]>(() => [...initialLinked]);
  useEffect(() => {
    let live = true;
    const load = (): void => {
      client.proposals.listLinkableItems({ id }).then((next) => live && setItems(next), () => live && setItems([]));
    };
    load();
    const stop = client.on('portfolioChanged', load);
    return () => {
      live = false;
      stop();
    };
  }, [client, id]);
  const latest = useRef(linked);
  const toggle = useCallback(
    (itemId: string, on: boolean) => {
      const current = latest.current;
      const next = on ? [...current.filter((other) => other !== itemId), itemId] : current.filter((other) => other !== itemId);
      latest.current = next;
      setLinked(next);
      void client.proposals.linkPortfolioItems({ id, itemIds: next }).then(onSaved);
    },
    [client, id, onSaved],
  );
  return { items, linked, toggle };
};

/** Answers are saved while typing (typingSaveTiming), on leaving the screen and when the page is hidden. */
export const useAnswersAutosave = (id: string, initial: readonly AnswerItem[], onSaved: () => void) => {
  const client = useClient();
  const [answers, setAnswers] = useState<AnswerItem[]>(() => [...initial]);
  const answersRef = useRef(answers);
  const save = useCallback(
    (next: AnswerItem[]) => void client.proposals.saveAnswers({ id, answers: next }).then(onSaved),
    [client, id, onSaved],
  );
  const { schedule, flush } = useDebouncedSave(save, typingSaveTiming);
  const change = useCallback(
    (questionId: string, text: string) => {
      const next = [...answersRef.current.filter((answer) => answer.questionId !== questionId), { questionId, text }];
      answersRef.current = next;
      setAnswers(next);
      schedule(next);
    },
    [schedule],
  );
  return { answers, change, flush };
};

/** The library of templates and snippets (all languages), kept current as it is edited. */
export const useTemplateLibrary = () => {
  const client = useClient();
  const [items, setItems] = useState<TemplateItem[] | null>(null);
  const reload = useCallback(() => {
    client.proposals.listTemplates({ locale: null }).then(setItems, () => setItems([]));
  }, [client]);
  useEffect(reload, [reload]);
  const save = useCallback(
    async (input: { id?: string; kind: TemplateItem['kind']; locale: string; name: string; bodyJson: string }): Promise<TemplateItem> => {
      const saved = await client.proposals.saveTemplate(input);
      reload();
      return saved;
    },
    [client, reload],
  );
  const remove = useCallback(
    async (id: string): Promise<void> => {
      await client.proposals.deleteTemplate({ id });
      reload();
    },
    [client, reload],
  );
  return { items, reload, save, remove };
};
