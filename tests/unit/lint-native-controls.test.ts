import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

const ruleHits = async (file: string, source: string): Promise<string[]> => {
  const [result] = await eslint.lintText(source, { filePath: path.join(root, file) });
  return result!.messages
    .filter((message) => ['no-restricted-syntax', 'no-restricted-globals', 'no-restricted-properties'].includes(message.ruleId ?? ''))
    .map((message) => message.message);
};

// The design system replaces native selects and the browser's dialogs; lint keeps them from coming back.
describe('native controls in the renderer', () => {
  it.each([
    ['a native select', "export const Pick = () => <select><option>a</option></select>;"],
    ['window.confirm', 'export const ask = (): boolean => window.confirm("Sure?");'],
    ['the global confirm', 'export const ask = (): boolean => confirm("Sure?");'],
    ['globalThis.prompt', 'export const ask = (): string | null => globalThis.prompt("Name?");'],
  ])('rejects %s, pointing to renderer/src/ui', async (_, source) => {
    const hits = await ruleHits('renderer/src/features/x/x.tsx', source);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.join(' ')).toContain('renderer/src/ui');
  });

  it.each([
    ['the design system Select', "import { Select } from '../../ui/select';\nexport const Pick = () => <Select label=\"x\" options={[]} value=\"a\" onChange={() => undefined} />;"],
    ['the confirm that useConfirm() returns', "import { useConfirm } from '../../ui/dialog';\nexport const useAsk = () => {\n  const confirm = useConfirm();\n  return () => confirm({ title: 'x', body: 'y', confirmLabel: 'z' });\n};"],
  ])('lets %s pass', async (_, source) => {
    expect(await ruleHits('renderer/src/features/x/x.tsx', source)).toEqual([]);
  });

  it('does not reach outside the renderer (tests drive native controls of their own pages)', async () => {
    expect(await ruleHits('tests/e2e/x.tsx', 'export const Pick = () => <select />;')).toEqual([]);
  });
});
