/**
 * No emoji flags in what the renderer shows (#15): Windows and many Linux machines draw regional-indicator
 * pairs as two empty boxes or letters. Flags are bundled SVGs (renderer/src/ui/flag.tsx). This scans the
 * renderer's sources and everything of shared/ it bundles, and the built bundle when there is one
 * (`npm run build:renderer`, which the e2e run does first), for a regional indicator written out, escaped, or
 * computed from its code point.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '../../..');

const filesUnder = (dir: string, extensions: readonly string[]): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return filesUnder(full, extensions);
    return extensions.some((extension) => name.endsWith(extension)) ? [full] : [];
  });

const regionalIndicator = /[\u{1F1E6}-\u{1F1FF}]/u;
// Escapes and the arithmetic that makes one from a letter (0x1F1E6 = 127462; minus 'A' (65) is 127397).
const madeOrEscaped = /\\u\{1f1[ef][0-9a-f]\}|\\ud83c\\udd[ef][0-9a-f]|0x1f1e6|127462|127397/i;

const offenders = (files: readonly string[]): string[] =>
  files.filter((file) => {
    const text = readFileSync(file, 'utf8');
    return regionalIndicator.test(text) || madeOrEscaped.test(text);
  });

describe('emoji flags', () => {
  it('the patterns find a flag written out, escaped or computed (so a clean scan means something)', () => {
    for (const sample of ['🇮🇹 Italy', '"\\u{1F1EE}\\u{1F1F9}"', '"\\uD83C\\uDDEE"', 'String.fromCodePoint(0x1f1e6 + c)', 'String.fromCodePoint(c+127397)']) {
      expect(regionalIndicator.test(sample) || madeOrEscaped.test(sample), sample).toBe(true);
    }
  });

  it('none in the renderer sources or in shared/, which the renderer bundles', () => {
    const sources = [...filesUnder(path.join(root, 'renderer/src'), ['.ts', '.tsx', '.css', '.json']), ...filesUnder(path.join(root, 'shared'), ['.ts', '.json'])];
    expect(sources.length).toBeGreaterThan(100);
    expect(offenders(sources).map((file) => path.relative(root, file))).toEqual([]);
  });

  const bundle = path.join(root, 'out/renderer');
  it.skipIf(!existsSync(bundle))('none in the built renderer bundle, its dependencies included', () => {
    const built = filesUnder(bundle, ['.js', '.css', '.html']);
    expect(built.length).toBeGreaterThan(0);
    expect(offenders(built).map((file) => path.relative(root, file))).toEqual([]);
  });
});
