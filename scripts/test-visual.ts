/**
 * `npm run test:visual`: builds the renderer, then runs the visual regression suite (tests/visual) against its
 * committed baselines. `-- --update` writes the baselines anew (look at each before committing); `-- --no-build` uses
 * the renderer already in out/renderer (npm test builds it once for the end-to-end tests). Other arguments go to
 * Playwright as they are (a file, `-g <title>`).
 */
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const run = (command: string, commandArgs: string[]): void => {
  const { status } = spawnSync(command, commandArgs, { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
};

if (!args.includes('--no-build')) run('npm', ['run', 'build:renderer']);
const passed = args.filter((arg) => arg !== '--no-build' && arg !== '--update');
run('npx', ['playwright', 'test', '--config', 'tests/visual/playwright.config.ts', ...(args.includes('--update') ? ['--update-snapshots=all'] : []), ...passed]);
