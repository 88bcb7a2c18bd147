import { diffWordsWithSpace } from 'diff';
import type { DiffPart } from '../../../shared/contract/proposals';

const wordPattern = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const countWords = (text: string): number => text.match(wordPattern)?.length ?? 0;

/** Past this a letter's diff is shown as replaced whole rather than keeping the core busy (two 5,000-word letters diff well inside it). */
const diffTimeoutMs = 2_000;

// A space or a punctuation mark between two changes: read as part of the change, not as text that stayed.
const isGlue = (text: string): boolean => text.length <= 3 && !/[\p{L}\p{N}\n]/u.test(text);

/**
 * Words are compared one by one, which cuts a rewritten phrase into alternating crossed-out and added words.
 * Changes separated only by glue become one removed run followed by one added run, which reads as an edit.
 */
const groupChanges = (parts: readonly DiffPart[]): DiffPart[] => {
  const grouped: DiffPart[] = [];
  let removed = '';
  let added = '';
  const close = (): void => {
    if (removed) grouped.push({ op: 'delete', text: removed });
    if (added) grouped.push({ op: 'insert', text: added });
    removed = '';
    added = '';
  };
  parts.forEach((part, index) => {
    if (part.op === 'delete') removed += part.text;
    else if (part.op === 'insert') added += part.text;
    else if ((removed || added) && isGlue(part.text) && parts[index + 1] !== undefined && parts[index + 1]!.op !== 'equal') {
      removed += part.text;
      added += part.text;
    } else {
      close();
      grouped.push(part);
    }
  });
  close();
  return grouped;
};

/**
 * Word-level differences between two plain texts, whitespace and line breaks kept, so that the parts joined
 * give back either text (equal + delete = old, equal + insert = new). Neighbouring changes keep their order:
 * what was removed first, then what replaced it.
 */
export const diffTexts = (before: string, after: string): { parts: DiffPart[]; insertedWords: number; deletedWords: number } => {
  const changes = diffWordsWithSpace(before, after, { timeout: diffTimeoutMs }) ?? [
    { value: before, added: false, removed: true, count: 1 },
    { value: after, added: true, removed: false, count: 1 },
  ];
  const parts = groupChanges(
    changes
      .filter((change) => change.value !== '')
      .map((change): DiffPart => ({ op: change.added ? 'insert' : change.removed ? 'delete' : 'equal', text: change.value })),
  );
  return {
    parts,
    insertedWords: parts.filter((part) => part.op === 'insert').reduce((sum, part) => sum + countWords(part.text), 0),
    deletedWords: parts.filter((part) => part.op === 'delete').reduce((sum, part) => sum + countWords(part.text), 0),
  };
};
