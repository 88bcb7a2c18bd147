import { readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { buildNotices, listProductionPackages, noticesFile, packageHeading } from '../../scripts/notices';

const root = path.join(import.meta.dirname, '../..');
const committed = readFileSync(path.join(root, noticesFile), 'utf8');

describe('the third-party notices shipped with the app', () => {
  it('name every production dependency, direct and transitive, with its licence text', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const packages = listProductionPackages(root);
    // Every direct dependency is among them, and none of the development tools.
    const names = new Set(packages.map((pkg) => pkg.name));
    for (const name of Object.keys(manifest.dependencies)) expect(names, name).toContain(name);
    expect(names).not.toContain('vitest');
    expect(names).not.toContain('electron');
    for (const pkg of packages) {
      // Listed at the top, and a section of its own with text under it.
      expect(committed, pkg.name).toContain(`\n  ${packageHeading(pkg)}\n`);
      const section = committed.split(`\n${packageHeading(pkg)}\n${'='.repeat(100)}\n\n`)[1] ?? '';
      expect(section.trim().length, pkg.name).toBeGreaterThan(100);
    }
    // DejaVu's licence, which requires the notice, word for word.
    expect(committed).toContain('Bitstream Vera Fonts Copyright');
    expect(committed).toContain('Copyright (c) 2003 by Bitstream, Inc. All Rights Reserved.');
  });

  it('are up to date with package-lock.json (run `npm run notices` after changing dependencies)', () => {
    expect(buildNotices(root) === committed).toBe(true);
  });

  it('are packaged with the app', () => {
    const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as { extraResources: { from: string; to: string }[] };
    expect(config.extraResources).toContainEqual({ from: noticesFile, to: 'THIRD_PARTY_NOTICES.txt' });
  });
});
