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

/**
 * Fills the fields that have a value. Unknown names and fields without a value stay as written and are
 * listed in `unresolved`, so that nothing raw is ever sent unnoticed: submit refuses while any remain.
 */
export const resolveMergeFields = (text: string, values: MergeValues): { text: string; unresolved: string[] } => {
  const unresolved = new Set<string>();
  const resolved = text.replace(fieldPattern, (whole, name: string) => {
    const value = isKnownName(name) ? values[name] : undefined;
    if (value === undefined || value === null || value.trim() === '') {
      unresolved.add(name);
      return whole;
    }
    return value;
  });
  return { text: resolved, unresolved: [...unresolved] };
};
