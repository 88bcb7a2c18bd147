import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProposalVariantItem } from '../../../../shared/contract/proposals';
import { useClient } from '../../app/client-context';
import { createSaveScheduler, typingSaveTiming, type SaveScheduler } from '../../components/save-scheduler';
import type { LetterEditorHandle } from './cover-letter-editor';

export type AutosaveState = 'idle' | 'saving' | 'saved' | 'failed';

type VariantBody = { bodyJson: string; bodyText: string };

/**
 * One variant's letter while it is open. The editor shows only what the core stores:
 * - it is built from the variant read when the letter opens, after every save sent before (the core answers calls
 *   in order), never from a copy of the proposal read earlier;
 * - what changes the letter in the core (restoring a revision, starting from a template) answers the stored
 *   variant, and the editor is set to exactly that, in place (it is never built again);
 * - a letter changed elsewhere (a sync) replaces what is shown only while nothing typed here is on its way.
 * Typing is saved as it goes (typingSaveTiming), when the letter closes and when the page is hidden; the first
 * change of each editing session (opening the letter, looking at its history) starts a revision of its own.
 */
export const useLetterSession = (id: string, locale: string, onSaved: () => void) => {
  const client = useClient();
  /** undefined until the first read; null when the variant is gone. */
  const [stored, setStored] = useState<ProposalVariantItem | null | undefined>(undefined);
  const [state, setState] = useState<AutosaveState>('idle');
  const [actionFailed, setActionFailed] = useState(false);
  const editor = useRef<LetterEditorHandle | null>(null);
  /** The letter as the editor shows it, in the form the core stores it once saved. */
  const shown = useRef<string | null>(null);
  /** Bumped by every edit, save and replacement here: a read asked before one of these is not applied. */
  const activity = useRef(0);
  const saving = useRef(0);
  const replacing = useRef(false);
  const revisionOwed = useRef(true);

  const saved = useRef(onSaved);
  useEffect(() => {
    saved.current = onSaved;
  }, [onSaved]);
  const scheduler = useRef<SaveScheduler<VariantBody> | null>(null);
  const send = useCallback(
    (body: VariantBody, checkpoint: boolean): void => {
      activity.current += 1;
      saving.current += 1;
      setState('saving');
      client.proposals.saveVariant({ id, locale, ...body, checkpoint }).then(
        () => {
          saving.current -= 1;
          if (saving.current === 0 && !scheduler.current?.hasPending()) setState('saved');
          saved.current();
        },
        () => {
          saving.current -= 1;
          setState('failed');
        },
      );
    },
    [client, id, locale],
  );
  const flush = useCallback(
    (checkpoint = false) => {
      const body = scheduler.current?.take();
      if (body) send(body, checkpoint);
    },
    [send],
  );
  // One scheduler per letter. What is typed and not yet saved goes when the letter closes or the page is hidden.
  useEffect(() => {
    scheduler.current = createSaveScheduler<VariantBody>((body) => send(body, false), typingSaveTiming);
    const hide = (): void => flush();
    window.addEventListener('pagehide', hide);
    return () => {
      window.removeEventListener('pagehide', hide);
      flush(true);
      scheduler.current = null;
    };
  }, [send, flush]);

  const change = useCallback(
    (bodyJson: string, bodyText: string) => {
      activity.current += 1;
      shown.current = bodyJson;
      setState('saving');
      scheduler.current?.schedule({ bodyJson, bodyText });
      if (revisionOwed.current) {
        revisionOwed.current = false;
        flush(true);
      }
    },
    [flush],
  );

  // The stored variant: read when the letter opens and whenever the core says this proposal (or any, after a sync) changed.
  useEffect(() => {
    let live = true;
    const read = (): void => {
      const asked = activity.current;
      client.proposals.getProposal({ id }).then(
        (proposal) => {
          if (!live) return;
          const variant = proposal?.variants.find((candidate) => candidate.locale === locale) ?? null;
          if (shown.current === null) {
            // The first read: the editor is built from it.
            if (variant) shown.current = variant.bodyJson;
            setStored(variant);
            return;
          }
          // Something typed here (or a replacement) is newer than this answer: its own save brings the next read.
          if (asked !== activity.current || saving.current > 0 || scheduler.current?.hasPending() || replacing.current || !editor.current) return;
          setStored(variant);
          if (variant && variant.bodyJson !== shown.current) {
            shown.current = variant.bodyJson;
            editor.current.replace(variant.bodyJson, false);
          }
        },
        () => live && shown.current === null && setStored(null),
      );
    };
    read();
    // A sync that pulls proposals says so with proposalsChanged (id null); syncStatusChanged alone changes no letter.
    const stopProposals = client.on('proposalsChanged', (event) => (event.id === null || event.id === id) && read());
    return () => {
      live = false;
      stopProposals();
    };
  }, [client, id, locale]);

  /** A change made by the core (restore, template): typed text goes first, nothing is typed meanwhile, the editor shows the answer. */
  const replaceBy = useCallback(
    (action: () => Promise<ProposalVariantItem>): Promise<void> => {
      flush();
      replacing.current = true;
      activity.current += 1;
      setActionFailed(false);
      editor.current?.setLocked(true);
      return action().then(
        (variant) => {
          replacing.current = false;
          activity.current += 1;
          shown.current = variant.bodyJson;
          setStored(variant);
          editor.current?.setLocked(false);
          editor.current?.replace(variant.bodyJson, true);
          saved.current();
        },
        () => {
          replacing.current = false;
          editor.current?.setLocked(false);
          setActionFailed(true);
        },
      );
    },
    [flush],
  );

  return {
    /** The variant as stored (undefined while it is first read); the editor starts from it. */
    stored,
    state,
    actionFailed,
    editor,
    change,
    flush,
    /** The letter as the editor shows it (stored once its save lands). */
    shownBody: (): string => shown.current ?? '',
    /** The next change starts a new revision (after looking at the history). */
    oweRevision: () => {
      revisionOwed.current = true;
    },
    restore: (revision: number) => replaceBy(() => client.proposals.restoreRevision({ id, locale, revision })),
    startFromTemplate: (templateId: string) => replaceBy(() => client.proposals.startFromTemplate({ id, locale, templateId })),
    /** A snippet at the cursor: one insertion per call, saved as typing is. */
    insert: (bodyJson: string) => editor.current?.insert(bodyJson),
  };
};
