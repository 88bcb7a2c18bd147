/** Whether the primary modifier is ⌘ (macOS) rather than Ctrl. */
const isMac = (): boolean => /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * A shortcut as this machine writes it: "Mod+B" becomes "Ctrl+B" on Windows and Linux, "⌘B" on macOS.
 * The input uses ProseMirror's names: Mod, Shift, Alt.
 */
export const formatShortcut = (keys: string): string => {
  if (!isMac()) return keys.replace('Mod', 'Ctrl');
  return keys
    .split('+')
    .map((key) => ({ Mod: '⌘', Shift: '⇧', Alt: '⌥' })[key] ?? key)
    .join('');
};
