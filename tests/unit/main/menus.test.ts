import { describe, expect, it } from 'vitest';
import { buildApplicationMenu, buildTrayMenu, listMenuLabels, trayTooltip, type MenuNode } from '../../../electron/main/policy/menu-model';
import { createShellTranslator, resolveShellLocale } from '../../../electron/main/native/shell-i18n';
import { locales } from '../../../shared/i18n/locales';

const findItem = (nodes: readonly MenuNode[], id: string): MenuNode | undefined => {
  for (const node of nodes) {
    if (node.kind === 'separator') continue;
    if (node.id === id) return node;
    if (node.kind === 'submenu') {
      const found = findItem(node.submenu, id);
      if (found) return found;
    }
  }
  return undefined;
};

describe('menus and tray', () => {
  it('speak the app’s language on every platform, with no untranslated keys', () => {
    for (const platform of ['darwin', 'win32', 'linux']) {
      const english = listMenuLabels(buildApplicationMenu(createShellTranslator('en'), { platform, development: false }));
      for (const locale of locales) {
        const labels = listMenuLabels(buildApplicationMenu(createShellTranslator(locale), { platform, development: false }));
        expect(labels.length).toBe(english.length);
        for (const label of labels) expect(label).not.toMatch(/^(menu|tray)\./);
      }
    }
  });

  it('is Italian when the setting says Italian', () => {
    const t = createShellTranslator('it');
    const menu = buildApplicationMenu(t, { platform: 'linux', development: false });
    expect(menu.map((node) => (node.kind === 'separator' ? '' : node.label))).toEqual(['File', 'Modifica', 'Vista', 'Finestra', 'Aiuto']);
    expect(findItem(menu, 'checkForUpdates')).toMatchObject({ label: 'Cerca aggiornamenti…', action: 'check-updates' });
    expect(listMenuLabels(buildTrayMenu(t))).toEqual(['Apri Bottega', 'Cerca aggiornamenti', 'Esci']);
    expect(trayTooltip(t, 3)).toBe('Bottega: 3 messaggi non letti');
    expect(trayTooltip(createShellTranslator('de'), 1)).toBe('Bottega: 1 ungelesene Nachricht');
    expect(trayTooltip(t, 0)).toBe('Bottega');
  });

  it('has the macOS application menu only on macOS, and developer tools only in development', () => {
    const t = createShellTranslator('fr');
    expect(buildApplicationMenu(t, { platform: 'darwin', development: false })[0]).toMatchObject({ role: 'appMenu', label: 'Bottega' });
    expect(findItem(buildApplicationMenu(t, { platform: 'linux', development: false }), 'devTools')).toBeUndefined();
    expect(findItem(buildApplicationMenu(t, { platform: 'linux', development: true }), 'devTools')).toMatchObject({ role: 'toggleDevTools' });
  });

  it('follows the setting, else the system’s languages', () => {
    expect(resolveShellLocale('es', ['it-IT'])).toBe('es');
    expect(resolveShellLocale(null, ['pt-BR', 'it-IT'])).toBe('it');
    expect(resolveShellLocale(null, ['ja-JP'])).toBe('en');
  });
});
