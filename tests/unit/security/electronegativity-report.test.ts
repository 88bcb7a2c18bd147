import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockingFindings, findSuppressions, reviewedSuppressions, toFinding } from './electronegativity-report';

const issue = (id: string, severity: string) => ({ id, file: 'electron/main/x.ts', location: { line: 3, column: 1 }, severity: { name: severity }, confidence: { name: 'FIRM' } });

describe('judging Electronegativity’s findings', () => {
  it('blocks medium and above, except the preload reminder', () => {
    const findings = [issue('PRELOAD_JS_CHECK', 'MEDIUM'), issue('OPEN_EXTERNAL_JS_CHECK', 'MEDIUM'), issue('CSP_GLOBAL_CHECK', 'LOW'), issue('X', 'HIGH'), issue('Y', 'INFORMATIONAL')].map(toFinding);
    expect(blockingFindings(findings).map((finding) => finding.check)).toEqual(['OPEN_EXTERNAL_JS_CHECK', 'X']);
  });

  it('finds eng-disable annotations, and the sources hold only reviewed ones', () => {
    expect(findSuppressions('a.ts', 'x(); // eng-disable OPEN_EXTERNAL_JS_CHECK DANGEROUS_FUNCTIONS_JS_CHECK')).toEqual([
      { file: 'a.ts', check: 'OPEN_EXTERNAL_JS_CHECK' },
      { file: 'a.ts', check: 'DANGEROUS_FUNCTIONS_JS_CHECK' },
    ]);
    const files = readdirSync('electron', { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
      .map((entry) => path.join(entry.parentPath, entry.name));
    const found = files.flatMap((file) => findSuppressions(file, readFileSync(file, 'utf8')));
    expect(found).toEqual(expect.arrayContaining(reviewedSuppressions.map((entry) => expect.objectContaining(entry))));
    for (const suppression of found) expect(reviewedSuppressions).toContainEqual(suppression);
  });
});
