/**
 * The command centre's pure parts: which commands match what was typed and in what order, and the list of what
 * was used last. No React, no storage: the palette and its unit tests share them.
 */

/** What the ranking needs of a command: a stable id, the label as shown (in the UI language), other words it answers to. */
export type RankableCommand = { id: string; label: string; keywords?: readonly string[] };

/** Something used from the palette: a command by its id, or a record found through quick find. */
const recordKinds = ['project', 'client', 'thread', 'proposal'] as const;
export type RecordKind = (typeof recordKinds)[number];
export type RecentEntry = { type: 'command'; id: string } | { type: 'record'; kind: RecordKind; id: string; title: string };

export const maxRecent = 6;

/** Lower case, accents folded ("Paramètres" is found by "parametres"), so typing needs neither. */
export const foldText = (text: string, locale: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLocaleLowerCase(locale)
    .trim();

const wordsOf = (text: string): string[] => text.split(/[\s\-–—/·:,.()“”"'’]+/u).filter((word) => word !== '');

/**
 * How well `query` names the command; 0 is no match. The label beats the keywords, a label starting with the
 * query beats a word of it starting with it, which beats the query somewhere inside; several typed words must
 * each start a word of the label or the keywords ("sw th" finds "Switch to the dark theme").
 */
export const scoreCommand = (command: RankableCommand, query: string, locale: string): number => {
  const typed = foldText(query, locale);
  if (typed === '') return 1;
  const label = foldText(command.label, locale);
  const labelWords = wordsOf(label);
  const keywordWords = (command.keywords ?? []).flatMap((keyword) => wordsOf(foldText(keyword, locale)));
  if (label.startsWith(typed)) return 100;
  if (labelWords.some((word) => word.startsWith(typed))) return 80;
  if (keywordWords.some((word) => word.startsWith(typed))) return 60;
  const parts = wordsOf(typed);
  if (parts.length > 1) {
    const all = [...labelWords, ...keywordWords];
    if (parts.every((part) => all.some((word) => word.startsWith(part)))) return 50;
  }
  if (typed.length >= 3 && label.includes(typed)) return 30;
  return 0;
};

/**
 * The commands that match `query`, best first. Equal scores keep the recent order (most recent first), then
 * the order the commands were given in, so the list never reshuffles between two keystrokes of equal match.
 * With nothing typed every command stays, recent ones first.
 */
export const rankCommands = <C extends RankableCommand>(commands: readonly C[], query: string, recent: readonly RecentEntry[], locale: string): C[] => {
  const recency = new Map<string, number>();
  recent.forEach((entry, index) => {
    if (entry.type === 'command' && !recency.has(entry.id)) recency.set(entry.id, index);
  });
  return commands
    .map((command, index) => ({ command, index, score: scoreCommand(command, query, locale), recent: recency.get(command.id) ?? Number.POSITIVE_INFINITY }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.recent - b.recent || a.index - b.index)
    .map((entry) => entry.command);
};

const sameEntry = (a: RecentEntry, b: RecentEntry): boolean =>
  a.type === 'command' ? b.type === 'command' && a.id === b.id : b.type === 'record' && a.kind === b.kind && a.id === b.id;

/** The recent list after using `entry`: it moves to the front (no duplicates), the oldest falls off past `limit`. */
export const rememberRecent = (list: readonly RecentEntry[], entry: RecentEntry, limit = maxRecent): RecentEntry[] =>
  [entry, ...list.filter((other) => !sameEntry(other, entry))].slice(0, limit);

/**
 * The recent list as stored (anything: an older version's, a hand-edited one): only well-formed entries, at
 * most `limit`, so a bad value costs the list, never the palette.
 */
export const readRecent = (stored: unknown, limit = maxRecent): RecentEntry[] => {
  if (!Array.isArray(stored)) return [];
  const entries: RecentEntry[] = [];
  for (const value of stored) {
    if (typeof value !== 'object' || value === null) continue;
    const entry: Record<string, unknown> = { ...value };
    const kind = recordKinds.find((known) => known === entry['kind']);
    if (entry['type'] === 'command' && typeof entry['id'] === 'string') entries.push({ type: 'command', id: entry['id'] });
    else if (entry['type'] === 'record' && kind && typeof entry['id'] === 'string' && typeof entry['title'] === 'string')
      entries.push({ type: 'record', kind, id: entry['id'], title: entry['title'] });
  }
  return entries.reduce<RecentEntry[]>((list, entry) => (list.some((other) => sameEntry(other, entry)) ? list : [...list, entry]), []).slice(0, limit);
};
