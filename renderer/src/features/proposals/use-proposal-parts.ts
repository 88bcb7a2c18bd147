import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnswerItem, DiffPart, LinkableItem, ProposalPreview, TemplateItem } from '../../../../shared/contract/proposals';
import { useClient } from '../../app/client-context';
import { useCoreAction } from '../../data/use-core-action';
import { useCoreQuery } from '../../data/use-core-query';
import type { BottegaClient } from '../../../../shared/contract';
import { typingSaveTiming } from '../../components/save-scheduler';
import { useDebouncedSave } from '../../components/use-debounced-save';

/** The variant as the client will see it; reloaded whenever the proposal changes (a save, a sync). */
export const useProposalPreview = (id: string, locale: string, active: boolean): ProposalPreview | null =>
  useCoreQuery(active ? ['proposals.previewProposal', id, locale] : null, (client, [, proposalId, tag]) => client.proposals.previewProposal({ id: proposalId, locale: tag }), {
    invalidatedBy: ['proposalsChanged'],
  }).data ?? null;

export type RevisionDiff = { fromRevision: number | null; toRevision: number; parts: DiffPart[]; insertedWords: number; deletedWords: number };

/** The word-level changes of one revision, against the current text or the revision before. */
export const useRevisionDiff = (id: string, locale: string, revision: number | null, against: 'current' | 'previous'): RevisionDiff | null =>
  useCoreQuery(
    revision === null ? null : ['proposals.diffRevision', id, locale, revision, against],
    (client, [, proposalId, tag, number, base]) => client.proposals.diffRevision({ id: proposalId, locale: tag, revision: number, against: base }),
    { invalidatedBy: [] },
  ).data ?? null;

/** The portfolio ranked for the proposal's project, and the linked items, ticked and unticked at once (saved in the core). */
export const useLinkableItems = (id: string, initialLinked: readonly string[], onSaved: () => void) => {
  const linkable = useCoreQuery(['proposals.listLinkableItems', id], (client, [, proposalId]) => client.proposals.listLinkableItems({ id: proposalId }), {
    invalidatedBy: ['portfolioChanged'],
  });
  const items: LinkableItem[] | null = linkable.status === 'loading' ? null : (linkable.data ?? []);
  const [linked, setLinked] = useState<string[]>(() => [...initialLinked]);
  const link = useCoreAction((core, proposalId: string, itemIds: string[]) => core.proposals.linkPortfolioItems({ id: proposalId, itemIds })).run;
  const latest = useRef(linked);
  const toggle = useCallback(
    (itemId: string, on: boolean) => {
      const current = latest.current;
      const next = on ? [...current.filter((other) => other !== itemId), itemId] : current.filter((other) => other !== itemId);
      latest.current = next;
      setLinked(next);
      void link(id, next).then((result) => result.ok && onSaved());
    },
    [link, id, onSaved],
  );
  return { items, linked, toggle };
};

/** Answers are saved while typing (typingSaveTiming), on leaving the screen and when the page is hidden. */
export const useAnswersAutosave = (id: string, initial: readonly AnswerItem[], onSaved: () => void) => {
  const [answers, setAnswers] = useState<AnswerItem[]>(() => [...initial]);
  const answersRef = useRef(answers);
  const saveAnswers = useCoreAction((core, proposalId: string, next: AnswerItem[]) => core.proposals.saveAnswers({ id: proposalId, answers: next })).run;
  const save = useCallback(
    (next: AnswerItem[]) => void saveAnswers(id, next).then((result) => result.ok && onSaved()),
    [saveAnswers, id, onSaved],
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
  const restore = useCallback(
    async (id: string): Promise<void> => {
      await client.proposals.restoreTemplate({ id });
      reload();
    },
    [client, reload],
  );
  return { items, reload, save, remove, restore };
};

type SaveTermsInput = Parameters<BottegaClient['proposals']['saveTerms']>[0];

/** The terms as typed, saved; a refusal is said in the notice region, and `onSaved` runs only after a save. */
export const useSaveTerms = (onSaved: () => void) => {
  const save = useCoreAction((core, input: SaveTermsInput) => core.proposals.saveTerms(input)).run;
  return useCallback((input: SaveTermsInput) => void save(input).then((result) => result.ok && onSaved()), [save, onSaved]);
};
