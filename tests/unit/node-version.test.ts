import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.join(import.meta.dirname, '../..');
const check = path.join(root, 'scripts/check-node.cjs');

/** Runs the check as if this Node reported `version` (the check reads process.versions.node and nothing else). */
const runAs = (version: string) =>
  spawnSync(
    process.execPath,
    ['-e', `Object.defineProperty(process, 'versions', { value: { ...process.versions, node: ${JSON.stringify(version)} } }); require(${JSON.stringify(check)});`],
    { encoding: 'utf8' },
  );

describe('a Node older than 22', () => {
  it('is told what to do and stopped, before anything else runs', () => {
    for (const version of ['20.20.2', '18.19.0', '22.11.9', '8.0.0']) {
      const result = runAs(version);
      expect(result.status, version).toBe(1);
      expect(result.stderr).toContain(`Bottega needs Node 22 or newer (22.12.0+); this is Node ${version}.`);
      expect(result.stderr).toContain('Run `. scripts/use-node22.sh` first');
    }
    for (const version of ['22.12.0', '22.23.5', '24.1.0', '100.0.0']) expect(runAs(version).status, version).toBe(0);
  });

  it('is checked at npm ci (engine-strict against engines, preinstall) and first thing in npm run demo', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      engines: { node: string };
      scripts: Record<string, string>;
    };
    expect(pkg.engines.node).toBe('>=22.12.0');
    expect(readFileSync(path.join(root, '.npmrc'), 'utf8')).toMatch(/^engine-strict=true$/m);
    expect(pkg.scripts['preinstall']).toBe('node scripts/check-node.cjs');
    expect(pkg.scripts['demo']).toMatch(/^node scripts\/check-node\.cjs && /);
    // The demo's first import, evaluated before any module that needs Node 22.
    const firstImport = /^import .*$/m.exec(readFileSync(path.join(root, 'scripts/demo.ts'), 'utf8'))?.[0];
    expect(firstImport).toBe("import './check-node.cjs';");
  });
});
