import type { Translate } from './menu-model';

/** What Electron's `context-menu` event tells about the click, as far as this menu needs it. */
export type ContextMenuParams = {
  isEditable: boolean;
  /** The word under the cursor when the spellchecker marked it; empty otherwise. */
  misspelledWord: string;
  dictionarySuggestions: readonly string[];
  selectionText: string;
  editFlags: { canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean };
};

export type ContextMenuNode =
  | { kind: 'separator' }
  /** Replaces the misspelt word with `word` (webContents.replaceMisspelling). */
  | { kind: 'replace'; label: string; word: string }
  | { kind: 'add-to-dictionary'; label: string; word: string }
  | { kind: 'note'; label: string }
  | { kind: 'edit'; label: string; role: 'cut' | 'copy' | 'paste' | 'selectAll'; enabled: boolean };

/** At most this many suggestions: a longer list is noise, and Chromium puts the likeliest first. */
const maxSuggestions = 6;

/**
 * Menu labels show `&` as a mnemonic on Windows and Linux: a word from the page is shown as written. (Labels are
 * text in a native menu; nothing in them is run.)
 */
const asLabel = (text: string): string => text.replace(/&/g, '&&');

/**
 * The right-click menu of the window: spelling suggestions for a misspelt word (in the language the focused
 * letter is checked in), adding the word to the dictionary, then cut, copy, paste and select all as they
 * apply. Empty when there is nothing to offer (no menu shown).
 */
export const buildContextMenu = (t: Translate, params: ContextMenuParams): ContextMenuNode[] => {
  const nodes: ContextMenuNode[] = [];
  const word = params.misspelledWord.trim();
  if (params.isEditable && word !== '') {
    const suggestions = [...new Set(params.dictionarySuggestions)].filter((suggestion) => suggestion !== '').slice(0, maxSuggestions);
    if (suggestions.length === 0) nodes.push({ kind: 'note', label: t('contextMenu.noSuggestions') });
    for (const suggestion of suggestions) nodes.push({ kind: 'replace', label: asLabel(suggestion), word: suggestion });
    nodes.push({ kind: 'separator' }, { kind: 'add-to-dictionary', label: t('contextMenu.addToDictionary', { word: asLabel(word) }), word });
  }
  const edits: ContextMenuNode[] = [];
  if (params.isEditable) {
    edits.push(
      { kind: 'edit', label: t('menu.cut'), role: 'cut', enabled: params.editFlags.canCut },
      { kind: 'edit', label: t('menu.copy'), role: 'copy', enabled: params.editFlags.canCopy },
      { kind: 'edit', label: t('menu.paste'), role: 'paste', enabled: params.editFlags.canPaste },
      { kind: 'edit', label: t('menu.selectAll'), role: 'selectAll', enabled: params.editFlags.canSelectAll },
    );
  } else if (params.selectionText.trim() !== '') {
    edits.push({ kind: 'edit', label: t('menu.copy'), role: 'copy', enabled: params.editFlags.canCopy });
  }
  if (nodes.length > 0 && edits.length > 0) nodes.push({ kind: 'separator' });
  return [...nodes, ...edits];
};
