/**
 * Text search helpers shared by the core (building FTS5 queries) and the renderer (highlighting, links).
 * Pure: no DOM, no Node.
 */

const wordPattern = /[\p{L}\p{N}]+/gu;
const maxTerms = 8;

/** Lower case without accents or umlauts: "Città" and "citta", "München" and "munchen" fold alike. */
export const foldText = (text: string): string => text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();

/** The words a query searches for, folded; one-letter words are left out (they would match almost everything). */
export const queryTerms = (text: string): string[] =>
  [...new Set((foldText(text).match(wordPattern) ?? []).filter((word) => [...word].length >= 2))].slice(0, maxTerms);

/**
 * An FTS5 MATCH expression for what the user typed: every word must occur, each as a prefix (search as you
 * type), each quoted so that no FTS5 syntax ("OR", "NEAR", "-", ":") typed by the user is ever interpreted.
 * Null when nothing searchable is left.
 */
export const toFtsQuery = (text: string): string | null => {
  const terms = queryTerms(text);
  return terms.length === 0 ? null : terms.map((term) => `"${term}"*`).join(' ');
};

export type TextSegment = { text: string; mark: boolean };

/** Splits `text` into runs, marking every word that starts with one of the query's terms (accents folded). */
export const highlightMatches = (text: string, query: string): TextSegment[] => {
  const terms = queryTerms(query);
  if (terms.length === 0 || text.length === 0) return [{ text, mark: false }];
  const segments: TextSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(wordPattern)) {
    const folded = foldText(match[0]);
    if (!terms.some((term) => folded.startsWith(term))) continue;
    if (match.index > last) segments.push({ text: text.slice(last, match.index), mark: false });
    segments.push({ text: match[0], mark: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), mark: false });
  return segments;
};

/** Markers the core puts around matches in FTS snippets: control characters that never occur in real text. */
export const snippetMarkStart = '\u0002';
export const snippetMarkEnd = '\u0003';

export const parseMarkedSnippet = (snippet: string): TextSegment[] => {
  const segments: TextSegment[] = [];
  const pattern = new RegExp(`${snippetMarkStart}([^${snippetMarkEnd}]*)${snippetMarkEnd}`, 'g');
  let last = 0;
  for (const match of snippet.matchAll(pattern)) {
    if (match.index > last) segments.push({ text: snippet.slice(last, match.index), mark: false });
    segments.push({ text: match[1] ?? '', mark: true });
    last = match.index + match[0].length;
  }
  if (last < snippet.length) segments.push({ text: snippet.slice(last), mark: false });
  return segments.map((segment) => ({
    ...segment,
    text: segment.text.replaceAll(snippetMarkStart, '').replaceAll(snippetMarkEnd, ''),
  }));
};

const externalSchemes = new Set(['http:', 'https:', 'mailto:']);

/** The URL if it may be opened in the system browser (http, https, mailto), else null. Never javascript:, data:, file:. */
export const toSafeExternalUrl = (candidate: string): string | null => {
  try {
    const url = new URL(candidate);
    return externalSchemes.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
};

export type LinkSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const linkPattern = /\b(?:https?:\/\/|mailto:)[^\s<>"'`]+/gi;

/** Untrusted text as runs of plain text and checked links: the only markup a message or description gets. */
export const linkifyText = (text: string): LinkSegment[] => {
  const segments: LinkSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(linkPattern)) {
    // Sentence punctuation after a link belongs to the sentence.
    const raw = match[0].replace(/[.,;:!?)\]}]+$/, '');
    const href = toSafeExternalUrl(raw);
    if (!href) continue;
    if (match.index > last) segments.push({ kind: 'text', text: text.slice(last, match.index) });
    segments.push({ kind: 'link', text: raw, href });
    last = match.index + raw.length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
};
