/**
 * `npm run bench [-- suite ...] [--scale large|N]`: runs benchmark suites, each printing JSON lines on stdout.
 * A suite is tests/bench/suites/<name>.ts exporting `runBench(options)`; each is found there by name (editor, platform,
 * sync, workspace), so a new file is registered by being added.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

export type BenchOptions = { scale: string; emit: (line: Record<string, unknown> & { bench: string }) => void };

const suitesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'suites');
const available = readdirSync(suitesDir)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.slice(0, -3))
  .sort();

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { scale: { type: 'string', default: 'large' } },
});

const chosen = positionals.length > 0 ? positionals : available;
const unknown = chosen.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown bench suite(s): ${unknown.join(', ')}. Available: ${available.join(', ')}`);
  process.exit(2);
}

const emit: BenchOptions['emit'] = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);
for (const name of chosen) {
  const suite = (await import(pathToFileURL(path.join(suitesDir, `${name}.ts`)).href)) as {
    runBench: (options: BenchOptions) => Promise<void>;
  };
  await suite.runBench({ scale: values.scale, emit });
}
