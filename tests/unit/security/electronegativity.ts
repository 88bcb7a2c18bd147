/**
 * `npm run test:security`: Electronegativity over the Electron sources and the renderer's built
 * index.html (where the Content-Security-Policy meta tag is), offline: the Electron version is given
 * (electronVersionOverride, the CLI's -e), and AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK (it downloads Electron's release list) is left
 * out. Fails on any finding of MEDIUM or higher except PRELOAD_JS_CHECK, and on any `eng-disable`
 * annotation that has not been reviewed (electronegativity-report.ts).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { blockingFindings, findSuppressions, reviewedSuppressions, toFinding, type RawIssue } from './electronegativity-report';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const electronVersion = (JSON.parse(readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
const work = mkdtempSync(path.join(tmpdir(), 'bottega-electronegativity-'));

const listFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|js|html)$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));

try {
  // What is scanned: the sources of everything that runs in Electron, and the HTML the renderer ships.
  const stage = path.join(work, 'app');
  mkdirSync(stage, { recursive: true });
  cpSync(path.join(root, 'electron'), path.join(stage, 'electron'), { recursive: true });
  cpSync(path.join(root, 'renderer/src'), path.join(stage, 'renderer/src'), { recursive: true });
  cpSync(path.join(root, 'package.json'), path.join(stage, 'package.json'));
  const built = path.join(work, 'renderer-build');
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.renderer.config.ts', '--outDir', built, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: root,
    stdio: 'inherit',
  });
  cpSync(path.join(built, 'index.html'), path.join(stage, 'renderer/index.html'));

  // Programmatic run: the CLI's CSV writer writes its header asynchronously and can clobber the first
  // row, so the issues are taken from the runner itself; the SARIF file is kept as the report.
  const report = path.join(root, 'test-results', 'electronegativity.sarif');
  mkdirSync(path.dirname(report), { recursive: true });
  rmSync(report, { force: true });
  const require = createRequire(import.meta.url);
  const run = require('@doyensec/electronegativity') as (options: Record<string, unknown>) => Promise<{ issues: RawIssue[]; errors: unknown[] }>;
  const result = await run({
    input: stage,
    output: report,
    isSarif: true,
    customScan: [],
    excludeFromScan: ['availablesecurityfixesglobalcheck'],
    isRelative: true,
    isVerbose: false,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  });
  // The runner writes the report asynchronously after it returns.
  const readReport = async (): Promise<{ runs: Array<{ results: Array<{ ruleId: string }> }> }> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return JSON.parse(readFileSync(report, 'utf8')) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
      } catch (error) {
        if (attempt > 200) throw error;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }
  };
  const sarif = await readReport();
  if (sarif.runs[0]?.results.length !== result.issues.length) throw new Error('The SARIF report and the runner disagree.');
  const findings = result.issues.map(toFinding);
  const blocking = blockingFindings(findings);
  const bySeverity = new Map<string, number>();
  for (const finding of findings) bySeverity.set(finding.severity, (bySeverity.get(finding.severity) ?? 0) + 1);
  console.log(`Electronegativity (Electron ${electronVersion}): ${findings.length} findings — ${[...bySeverity].map(([severity, count]) => `${severity} ${count}`).join(', ') || 'none'}`);
  for (const finding of findings) {
    const mark = blocking.includes(finding) ? '✗' : '·';
    console.log(`  ${mark} ${finding.severity.padEnd(13)} ${finding.check.padEnd(36)} ${finding.file}:${finding.location}`);
  }

  const suppressions = [...listFiles(path.join(root, 'electron')), ...listFiles(path.join(root, 'renderer/src')), 'renderer/index.html'].flatMap((file) =>
    findSuppressions(file, readFileSync(path.join(root, file), 'utf8')),
  );
  const unreviewed = suppressions.filter((found) => !reviewedSuppressions.some((ok) => ok.file === found.file && ok.check === found.check));
  console.log(`eng-disable annotations: ${suppressions.length} (${suppressions.map((found) => `${found.check} in ${found.file}`).join('; ') || 'none'})`);

  if (blocking.length > 0 || unreviewed.length > 0) {
    for (const found of unreviewed) console.error(`Unreviewed eng-disable ${found.check} in ${found.file}`);
    console.error(`Electronegativity: ${blocking.length} finding(s) of medium severity or higher (PRELOAD_JS_CHECK excepted).`);
    process.exitCode = 1;
  } else {
    console.log('Electronegativity: no findings of medium severity or higher apart from PRELOAD_JS_CHECK.');
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
