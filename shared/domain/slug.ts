/**
 * A readable piece of a file name from any title: accents folded (ü → u, ß → ss), letters and digits of any script
 * kept in lower case, everything else one hyphen (no separators, dots or bidi controls survive); at most `max`
 * characters, cut at a word's end when one is near. Empty when nothing readable is left (only symbols).
 */
export const slugOf = (text: string, max = 60): string => {
  const folded = text
    .toLowerCase()
    .replaceAll('ß', 'ss')
    .replaceAll('æ', 'ae')
    .replaceAll('œ', 'oe')
    .replaceAll('ø', 'o')
    .replaceAll('ł', 'l')
    .normalize('NFKD')
    // Only Latin letters lose their accents: in Cyrillic й is not и.
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC');
  const slug = folded.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const lastBreak = cut.lastIndexOf('-');
  return (lastBreak > max / 2 ? cut.slice(0, lastBreak) : slug.slice(0, max)).replace(/-+$/, '');
};

/** `proposal-<project title>-<lang>.pdf`; the proposal's id stands in only for a title with nothing readable in it. */
export const proposalPdfFileName = (projectTitle: string | null, fallbackId: string, locale: string): string =>
  `proposal-${slugOf(projectTitle ?? '') || slugOf(fallbackId)}-${locale}.pdf`;
