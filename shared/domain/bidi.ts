/**
 * Untrusted text (names, titles, messages from the platform) may carry bidirectional controls: embeddings and
 * overrides U+202A–U+202E, isolates U+2066–U+2069, and the marks U+200E, U+200F, U+061C. Shown as they are,
 * they reorder what the user reads ("invoice‮fdp.exe" looks like "invoiceexe.pdf") and, unclosed, the text
 * after them. Such text is isolated where it is shown and the controls are made visible where it names a file.
 */
const bidiControls = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/** First-strong isolate around a value placed inside a sentence: nothing in it can reorder the sentence. */
export const isolateBidi = (text: string): string => `\u2068${text}\u2069`;

/** Each bidi control written out as [U+202E], so it is seen instead of obeyed. */
export const showBidiControls = (text: string): string =>
  text.replace(bidiControls, (control) => `[U+${control.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`);

// Control characters (CR, LF, tab, C1), characters no file system or shell takes well in a name, and separators.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const unsafeInFileName = /[\u0000-\u001F\u007F-\u009F/\\:*?"<>|]/g;
const reservedOnWindows = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;
const maxFileNameLength = 120;

/**
 * A download's file name made from untrusted text: bidi controls shown as [U+…], line breaks, other control
 * characters and path or shell characters replaced with "_", leading dots and trailing dots or spaces
 * removed, at most 120 characters with the extension kept; `fallback` when nothing is left.
 */
export const toSafeFileName = (name: string, fallback = 'download'): string => {
  let safe = showBidiControls(name.normalize('NFC'))
    .replace(unsafeInFileName, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '');
  if (safe.length > maxFileNameLength) {
    const dot = safe.lastIndexOf('.');
    const extension = dot > 0 && safe.length - dot <= 10 ? safe.slice(dot) : '';
    safe = safe.slice(0, maxFileNameLength - extension.length).replace(/[\s.]+$/, '') + extension;
  }
  const stem = safe.split('.')[0] ?? '';
  if (reservedOnWindows.test(stem)) safe = `_${safe}`;
  return safe === '' ? fallback : safe;
};
