/** Merge fields in templates and letters: `{client.name}` and the like, filled in preview and at submit. */

export const mergeFieldNames = ['client.name', 'project.title', 'my.name', 'my.rate'] as const;
export type MergeFieldName = (typeof mergeFieldNames)[number];

/** Values known for one proposal; null when the workspace does not know it (no profile yet, no client). */
export type MergeValues = Partial<Record<MergeFieldName, string | null>>;

// A dotted lower-case name in single braces; anything else in braces is ordinary text.
const fieldPattern = /\{([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+)\}/gu;

const isKnownName = (name: string): name is MergeFieldName => mergeFieldNames.some((known) => known === name);

/** Every merge field in the text, in order of appearance, once each. */
export const findMergeFields = (text: string): string[] => [...new Set([...text.matchAll(fieldPattern)].map((match) => match[1]!))];

/** A run of the letter: plain text, or a merge field with the value it was filled with (null: left unfilled). */
export type MergeSegment = { text: string } | { field: string; value: string | null };

/**
 * The one resolver behind preview, PDF and submit: splits the text into plain runs and fields, each field with
 * its value, or null when the name is unknown or the workspace has no value for it.
 */
export const splitMergeFields = (text: string, values: MergeValues): MergeSegment[] => {
  const segments: MergeSegment[] = [];
  let at = 0;
  for (const match of text.matchAll(fieldPattern)) {
    const name = match[1]!;
    if (match.index > at) segments.push({ text: text.slice(at, match.index) });
    const value = isKnownName(name) ? values[name] : undefined;
    segments.push({ field: name, value: value === undefined || value === null || value.trim() === '' ? null : value });
    at = match.index + match[0].length;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
};

/**
 * Fills the fields that have a value. Unknown names and fields without a value stay as written and are
 * listed in `unresolved`, so that nothing raw is ever sent unnoticed: submit refuses while any remain.
 */
export const resolveMergeFields = (text: string, values: MergeValues): { text: string; unresolved: string[] } => {
  const unresolved = new Set<string>();
  const resolved = splitMergeFields(text, values)
    .map((segment) => {
      if ('text' in segment) return segment.text;
      if (segment.value !== null) return segment.value;
      unresolved.add(segment.field);
      return `{${segment.field}}`;
    })
    .join('');
  return { text: resolved, unresolved: [...unresolved] };
};

/**
 * Whether `sent` is `text` with its merge fields filled (any values): the platform holds letters as sent, and a
 * letter that only differs by its filled fields is still the one written here, fields and all.
 */
export const isFilledFrom = (text: string, sent: string): boolean => {
  if (text === sent) return true;
  // Many fields would make the pattern slow to refute; such a letter is simply taken as changed.
  const fields = [...text.matchAll(fieldPattern)].length;
  if (fields === 0 || fields > 30) return false;
  const escape = (part: string): string => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let pattern = '';
  let at = 0;
  for (const match of text.matchAll(fieldPattern)) {
    pattern += `${escape(text.slice(at, match.index))}[\\s\\S]*?`;
    at = match.index + match[0].length;
  }
  pattern += escape(text.slice(at));
  return new RegExp(`^${pattern}$`, 'u').test(sent);
};
