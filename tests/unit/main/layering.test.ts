import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const listSources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));

/** Comments mention 'electron' freely; only real import and require statements count. */
const withoutComments = (source: string): string => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

const importsOf = (file: string): string[] =>
  [...withoutComments(readFileSync(file, 'utf8')).matchAll(/(?:\bfrom|\bimport|\brequire)\s*\(?\s*['"]([^'"]+)['"]/g)].map(
    (match) => match[1] ?? '',
  );

describe('the shell keeps its layers', () => {
  it('policy modules are pure: no electron, so they run (and are tested) in plain Node', () => {
    for (const file of listSources('electron/main/policy')) {
      expect(importsOf(file).filter((name) => name === 'electron' || name.startsWith('electron/')), file).toEqual([]);
    }
  });

  it('the core never imports electron', () => {
    for (const file of listSources('electron/core')) {
      expect(importsOf(file).filter((name) => name === 'electron' || name.startsWith('electron/')), file).toEqual([]);
    }
  });

  it('electron/main takes from the core only the host-message schema (and types)', () => {
    for (const file of listSources('electron/main')) {
      const source = readFileSync(file, 'utf8');
      const valueImports = [...source.matchAll(/^import\s+(?!type\b)[^'"]*from\s+['"]([^'"]*\/core\/[^'"]*)['"]/gm)].map((match) => match[1]);
      expect(valueImports.filter((name) => !name?.endsWith('/core/host-messages')), file).toEqual([]);
    }
  });

  it('the preload exposes exactly one global, the contract bridge', () => {
    const source = readFileSync('electron/preload/index.ts', 'utf8');
    expect([...source.matchAll(/exposeInMainWorld\(\s*'([^']+)'/g)].map((match) => match[1])).toEqual(['bottega']);
    expect(source).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
    expect(source).toMatch(/satisfies BottegaBridge/);
  });
});

describe('the preload–main IPC names', () => {
  it('are the same on both sides', async () => {
    const main = await import('../../../electron/main/ipc-channels');
    const preload = await import('../../../electron/preload/ipc-channels');
    expect(main).toEqual(preload);
  });
});
