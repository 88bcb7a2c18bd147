/**
 * Electron's security checklist for every window, spelled out even where it matches Electron's
 * default. window.ts repeats these as a literal (Electronegativity reads the source, not values) and
 * `satisfies` this type, so the compiler keeps the two identical.
 */
export const secureWebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: true,
  // Middle-click would otherwise open links in a new window without passing setWindowOpenHandler's checks.
  disableBlinkFeatures: 'Auxclick',
} as const;
