/** What Electron's `nativeTheme.themeSource` takes. */
export type ThemeSource = 'system' | 'light' | 'dark';

/** The window's paint before the renderer draws (and behind it while resizing): the tokens' page background. */
export const windowBackgrounds = { light: '#f6f5f2', dark: '#141312' } as const;

/**
 * The native side of the theme setting (`ui.theme`): a chosen light or dark overrides the system for the whole
 * app (menus, dialogs, the title bar on Windows and macOS, the renderer's prefers-color-scheme), so nothing
 * native shows in the other theme; "system", nothing yet (the core has not said) or anything unknown (a setting
 * from a newer Bottega) follows the OS.
 */
export const chooseThemeSource = (theme: unknown): ThemeSource => (theme === 'light' || theme === 'dark' ? theme : 'system');

/** The window's background for what Electron resolved (`nativeTheme.shouldUseDarkColors`, which already follows the source). */
export const chooseWindowBackground = (dark: boolean): string => (dark ? windowBackgrounds.dark : windowBackgrounds.light);
