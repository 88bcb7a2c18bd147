import { describe, expect, it } from 'vitest';
import { createShellTranslator } from '../../../electron/main/native/shell-i18n';
import { buildContextMenu, type ContextMenuParams } from '../../../electron/main/policy/context-menu-model';

const flags = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true };
const click = (params: Partial<ContextMenuParams>): ContextMenuParams => ({
  isEditable: true,
  misspelledWord: '',
  dictionarySuggestions: [],
  selectionText: '',
  editFlags: flags,
  ...params,
});
const labels = (nodes: ReturnType<typeof buildContextMenu>) => nodes.map((node) => (node.kind === 'separator' ? '—' : node.label));

describe('the right-click menu', () => {
  it('offers the spellchecker’s suggestions for a misspelt word first, each replacing it, then adding it to the dictionary', () => {
    const t = createShellTranslator('de');
    const nodes = buildContextMenu(t, click({ misspelledWord: 'Grüsse', dictionarySuggestions: ['Grüße', 'Grüßen', 'Grüße'] }));
    expect(labels(nodes)).toEqual(['Grüße', 'Grüßen', '—', '„Grüsse“ zum Wörterbuch hinzufügen', '—', 'Ausschneiden', 'Kopieren', 'Einfügen', 'Alles auswählen']);
    expect(nodes[0]).toEqual({ kind: 'replace', label: 'Grüße', word: 'Grüße' });
    expect(nodes[3]).toMatchObject({ kind: 'add-to-dictionary', word: 'Grüsse' });
  });

  it('says so when there is no suggestion, in the app’s language', () => {
    expect(labels(buildContextMenu(createShellTranslator('it'), click({ misspelledWord: 'qwrtz' })))[0]).toBe('Nessun suggerimento ortografico');
    expect(buildContextMenu(createShellTranslator('fr'), click({ misspelledWord: 'qwrtz' }))[0]).toEqual({
      kind: 'note',
      label: 'Aucune suggestion d’orthographe',
    });
  });

  it('shows a word from the page as written (an & is not a mnemonic), and keeps at most six suggestions', () => {
    const nodes = buildContextMenu(createShellTranslator('en'), click({ misspelledWord: 'R&D', dictionarySuggestions: ['R&D', 'a', 'b', 'c', 'd', 'e', 'f'] }));
    expect(nodes.filter((node) => node.kind === 'replace')).toHaveLength(6);
    expect(nodes[0]).toEqual({ kind: 'replace', label: 'R&&D', word: 'R&D' });
    expect(nodes.find((node) => node.kind === 'add-to-dictionary')).toMatchObject({ label: 'Add “R&&D” to Dictionary', word: 'R&D' });
  });

  it('only copies outside editable text, and shows nothing where there is nothing to do', () => {
    const t = createShellTranslator('en');
    expect(labels(buildContextMenu(t, click({ isEditable: false, selectionText: 'Projekt' })))).toEqual(['Copy']);
    expect(buildContextMenu(t, click({ isEditable: false }))).toEqual([]);
    // A spellchecker mark outside an editable field offers no replacing.
    expect(buildContextMenu(t, click({ isEditable: false, misspelledWord: 'x', dictionarySuggestions: ['y'] }))).toEqual([]);
    const disabled = buildContextMenu(t, click({ editFlags: { ...flags, canCut: false, canCopy: false } }));
    expect(disabled.filter((node) => node.kind === 'edit' && !node.enabled).map((node) => node.kind === 'edit' && node.role)).toEqual(['cut', 'copy']);
  });
});
