import { describe, expect, it } from 'vitest';
import { demoTemplates, seedDemoTemplatesIfEmpty } from '../../../electron/core/dev/demo-templates';
import { findMergeFields, mergeFieldNames } from '../../../shared/domain/merge-fields';
import { useCoreHarness } from '../../support/core-harness';

const { openWorkspace } = useCoreHarness();

/** The text of an editor document, its paragraphs one per line. */
const textOf = (bodyJson: string): string =>
  (JSON.parse(bodyJson) as { content: { content?: { type: string; text?: string }[] }[] }).content
    .map((paragraph) => (paragraph.content ?? []).map((node) => (node.type === 'hardBreak' ? '\n' : (node.text ?? ''))).join(''))
    .join('\n');

describe('the demo workspace’s template library (issue #15)', () => {
  it('holds a cover letter and two snippets in every language, with known merge fields only, written once', async () => {
    const { core, client } = await openWorkspace();
    expect(seedDemoTemplatesIfEmpty(core.db)).toBe(15);
    for (const locale of ['en', 'it', 'de', 'fr', 'es'] as const) {
      const library = await client.proposals.listTemplates({ locale });
      expect(library.map((template) => template.kind).sort()).toEqual(['snippet', 'snippet', 'template']);
      expect(library.map((template) => template.name).sort()).toEqual(demoTemplates[locale].map((template) => template.name).sort());
      const letter = library.find((template) => template.kind === 'template')!;
      const fields = findMergeFields(textOf(letter.bodyJson));
      expect(fields.sort()).toEqual([...mergeFieldNames].sort());
    }
    // German addresses the client formally.
    expect(textOf((await client.proposals.listTemplates({ locale: 'de' })).find((template) => template.kind === 'template')!.bodyJson)).toMatch(/Ihre Ausschreibung/);
    // A library that has something (the user's own, or the demo's from a first start) is left as it is.
    expect(seedDemoTemplatesIfEmpty(core.db)).toBe(0);
    expect(await client.proposals.listTemplates({})).toHaveLength(15);
  });
});
