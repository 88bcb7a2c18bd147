/**
 * The real core in its own process, for kill tests: opens the workspace in `dataDir` (its session from the
 * vault there), lets the sync service push and pull as the app would, and prints "done" once nothing is left
 * to send. Its parent kills it at chosen moments.
 */
import { openCore } from '../../electron/core/core';

const [platformUrl, dataDir] = process.argv.slice(2) as [string, string];
const core = await openCore({ dataDir, host: 'web', version: 'test', platformUrl });
process.stdout.write('ready\n');
const check = setInterval(() => {
  const status = core.sync.status();
  if (status.failed > 0 || status.conflicts > 0) {
    process.stderr.write(`sync stopped with problems: ${JSON.stringify(status)}\n`);
    process.exit(1);
  }
  if (status.phase === 'idle' && status.connection === 'online' && status.pending === 0) {
    clearInterval(check);
    core.close();
    process.stdout.write('done\n');
    process.exit(0);
  }
}, 20);
