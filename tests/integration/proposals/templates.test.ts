import { describe, expect, it } from 'vitest';
import { useCoreHarness } from '../../support/core-harness';

const { makeTempDir, openWorkspace } = useCoreHarness();

const snippet = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Grüße, {my.name}' }] }] });

describe('templates and snippets', () => {
  it('are kept per language across restarts, replaced by id, listed by name, and removed', async () => {
    const dataDir = makeTempDir();
    const { core, client: first } = await openWorkspace(null, { dataDir });
    const saved = await first.proposals.saveTemplate({ kind: 'snippet', locale: 'de', name: 'Schluss', bodyJson: snippet });
    await first.proposals.saveTemplate({ kind: 'template', locale: 'de', name: 'Anschreiben', bodyJson: snippet });
    await first.proposals.saveTemplate({ kind: 'snippet', locale: 'it', name: 'Saluti', bodyJson: snippet });
    core.close();

    const { client: again } = await openWorkspace(null, { dataDir });
    expect((await again.proposals.listTemplates({ locale: 'de' })).map((t) => [t.kind, t.name])).toEqual([
      ['template', 'Anschreiben'],
      ['snippet', 'Schluss'],
    ]);
    await again.proposals.saveTemplate({ id: saved.id, kind: 'snippet', locale: 'de', name: 'Gruß', bodyJson: snippet });
    expect((await again.proposals.listTemplates({})).map((t) => t.name)).toEqual(['Anschreiben', 'Gruß', 'Saluti']);
    await expect(again.proposals.deleteTemplate({ id: saved.id })).resolves.toEqual({ deleted: true });
    await expect(again.proposals.deleteTemplate({ id: saved.id })).resolves.toEqual({ deleted: false });
    await expect(again.proposals.saveTemplate({ kind: 'snippet', locale: 'de', name: '  ', bodyJson: snippet })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});
