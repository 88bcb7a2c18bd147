import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chooseThemeSource, chooseWindowBackground, windowBackgrounds } from '../../../electron/main/policy/native-theme';

describe('chooseThemeSource', () => {
  it('makes a chosen light or dark the whole app’s theme, native menus and dialogs included', () => {
    expect(chooseThemeSource('light')).toBe('light');
    expect(chooseThemeSource('dark')).toBe('dark');
  });

  it('follows the system for "system", before the core has said, and for a value it does not know', () => {
    expect(chooseThemeSource('system')).toBe('system');
    expect(chooseThemeSource(null)).toBe('system');
    expect(chooseThemeSource(undefined)).toBe('system');
    expect(chooseThemeSource('sepia')).toBe('system');
    expect(chooseThemeSource('DARK')).toBe('system');
  });
});

describe('chooseWindowBackground', () => {
  it('paints the window in the resolved theme’s page background, the same colours the renderer’s tokens use', () => {
    expect(chooseWindowBackground(true)).toBe(windowBackgrounds.dark);
    expect(chooseWindowBackground(false)).toBe(windowBackgrounds.light);
    const tokens = readFileSync(new URL('../../../renderer/src/ui/tokens.css', import.meta.url), 'utf8');
    expect(tokens).toContain(`--color-bg: light-dark(${windowBackgrounds.light}, ${windowBackgrounds.dark});`);
  });
});
