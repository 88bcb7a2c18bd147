import { afterEach, describe, expect, it } from 'vitest';
import { contract, type BottegaClient } from '../../../shared/contract';
import { createBridge, createClient } from '../../../shared/rpc/bridge';
import { createInProcessPair } from '../../../shared/rpc/transport';
import { openCore } from '../../../electron/core/core';
import { useTempDirs } from '../../support/temp-dir';

const makeTempDir = useTempDirs();
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const open = async (dataDir: string): Promise<BottegaClient> => {
  const core = await openCore({ dataDir, host: 'web', version: 'test', validateOutput: true });
  cleanups.push(() => core.close());
  const [near, far] = createInProcessPair();
  core.serve(far);
  return createClient(contract, createBridge(contract, near));
};

const snippet = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Grüße, {my.name}' }] }] });

describe('templates and snippets', () => {
  it('are kept per language across restarts, replaced by id, listed by name, and removed', async () => {
    const dataDir = makeTempDir();
    const first = await open(dataDir);
    const saved = await first.proposals.saveTemplate({ kind: 'snippet', locale: 'de', name: 'Schluss', bodyJson: snippet });
    await first.proposals.saveTemplate({ kind: 'template', locale: 'de', name: 'Anschreiben', bodyJson: snippet });
    await first.proposals.saveTemplate({ kind: 'snippet', locale: 'it', name: 'Saluti', bodyJson: snippet });
    await cleanups.pop()!();

    const again = await open(dataDir);
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
