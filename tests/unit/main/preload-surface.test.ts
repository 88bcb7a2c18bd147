import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('the preload', () => {
  it('exposes exactly one global, the contract bridge', () => {
    const source = readFileSync('electron/preload/index.ts', 'utf8');
    expect([...source.matchAll(/exposeInMainWorld\(\s*'([^']+)'/g)].map((match) => match[1])).toEqual(['bottega']);
    expect(source).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
    expect(source).toMatch(/satisfies BottegaBridge/);
  });
});
