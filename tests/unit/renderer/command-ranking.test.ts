import { describe, expect, it } from 'vitest';
import { rankCommands, readRecent, rememberRecent, type RecentEntry } from '../../../renderer/src/features/palette/command-ranking';

const commands = [
  { id: 'go.feed', label: 'Go to Job feed', keywords: ['projects'] },
  { id: 'go.settings', label: 'Go to Settings', keywords: ['preferences'] },
  { id: 'theme.dark', label: 'Switch to the dark theme', keywords: ['appearance'] },
  { id: 'theme.light', label: 'Switch to the light theme', keywords: ['appearance'] },
  { id: 'sync', label: 'Sync now', keywords: ['refresh'] },
  { id: 'go.einstellungen', label: 'Zu den Einstellungen', keywords: [] },
  { id: 'lang.fr', label: 'Interface en français', keywords: ['language'] },
];
const ids = (list: readonly { id: string }[]): string[] => list.map((command) => command.id);

describe('command ranking', () => {
  it('puts a label starting with the query before a word of it, before a keyword', () => {
    expect(ids(rankCommands(commands, 'sync', [], 'en'))).toEqual(['sync']);
    expect(ids(rankCommands(commands, 's', [], 'en'))).toEqual(['theme.dark', 'theme.light', 'sync', 'go.settings']);
    expect(ids(rankCommands(commands, 'pref', [], 'en'))).toEqual(['go.settings']);
  });

  it('finds a command from the start of several words, in any order', () => {
    expect(ids(rankCommands(commands, 'sw dark', [], 'en'))).toEqual(['theme.dark']);
    expect(ids(rankCommands(commands, 'theme switch', [], 'en'))).toEqual(['theme.dark', 'theme.light']);
  });

  it('needs neither accents nor capitals', () => {
    expect(ids(rankCommands(commands, 'FRANCAIS', [], 'fr'))).toEqual(['lang.fr']);
  });

  it('drops what does not match, and a short query does not match inside words', () => {
    expect(rankCommands(commands, 'zzz', [], 'en')).toEqual([]);
    expect(ids(rankCommands(commands, 'et', [], 'en'))).toEqual([]);
    expect(ids(rankCommands(commands, 'stell', [], 'de'))).toEqual(['go.einstellungen']);
  });

  it('orders equal matches by recent use, then as given; with nothing typed, recent commands come first', () => {
    const recent: RecentEntry[] = [
      { type: 'command', id: 'theme.light' },
      { type: 'record', kind: 'client', id: 'cli_1', title: 'Dubois' },
      { type: 'command', id: 'sync' },
    ];
    expect(ids(rankCommands(commands, 'switch', recent, 'en'))).toEqual(['theme.light', 'theme.dark']);
    expect(ids(rankCommands(commands, '', recent, 'en'))).toEqual(['theme.light', 'sync', 'go.feed', 'go.settings', 'theme.dark', 'go.einstellungen', 'lang.fr']);
  });
});

describe('recent list', () => {
  const project = (id: string): RecentEntry => ({ type: 'record', kind: 'project', id, title: `Project ${id}` });

  it('puts what was used last first, once, and forgets the oldest past the limit', () => {
    let list: RecentEntry[] = [];
    for (const id of ['a', 'b', 'c']) list = rememberRecent(list, project(id), 3);
    list = rememberRecent(list, project('a'), 3);
    expect(list.map((entry) => entry.id)).toEqual(['a', 'c', 'b']);
    list = rememberRecent(list, { type: 'command', id: 'sync' }, 3);
    expect(list.map((entry) => entry.id)).toEqual(['sync', 'a', 'c']);
  });

  it('keeps a record and a command with the same id apart, and records of different kinds apart', () => {
    const list = rememberRecent(rememberRecent([project('x')], { type: 'record', kind: 'client', id: 'x', title: 'X' }), { type: 'command', id: 'x' });
    expect(list).toHaveLength(3);
  });

  it('reads back only well-formed entries from storage, without duplicates, at most the limit', () => {
    expect(readRecent('not a list')).toEqual([]);
    expect(readRecent(null)).toEqual([]);
    expect(
      readRecent([
        { type: 'command', id: 'sync' },
        { type: 'command', id: 'sync' },
        { type: 'record', kind: 'planet', id: 'p', title: 'P' },
        { type: 'record', kind: 'client', id: 7, title: 'P' },
        { type: 'record', kind: 'client', id: 'cli_1', title: 'Dubois' },
        'junk',
        null,
      ]),
    ).toEqual([
      { type: 'command', id: 'sync' },
      { type: 'record', kind: 'client', id: 'cli_1', title: 'Dubois' },
    ]);
    expect(readRecent(Array.from({ length: 20 }, (_, index) => ({ type: 'command', id: `c${index}` })), 4)).toHaveLength(4);
  });
});
