import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { bundledChild } from './bundled-child';

const child = path.join(import.meta.dirname, 'core-sync-child.ts');

/**
 * When to SIGKILL the pushing core: after N more writes the server committed; N ms after it is ready, or after
 * `atMostWrites` more writes if those come first (so a fast machine cannot finish the whole outbox before the
 * clock's kill, which made the run end 'done' instead of 'killed'); or never.
 */
type KillWhen = { afterWrites: number } | { afterMs: number; atMostWrites: number } | null;

/**
 * Runs the real core (tests/support/core-sync-child.ts) against a server and kills it at chosen moments. The
 * test calls `noteCommitted()` synchronously inside the server's commit, so an `afterWrites` kill lands after the
 * write is stored and before its answer leaves: the worst moment for exactly-once.
 */
export const createKillLoop = (serverUrl: string, dataDir: string) => {
  let committed = 0;
  let onCommitted: ((count: number) => void) | null = null;

  const run = async (killWhen: KillWhen) => {
    const file = await bundledChild(child);
    return new Promise<'killed' | 'done'>((resolve, reject) => {
      const process_: ChildProcess = spawn(process.execPath, [file, serverUrl, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      let errors = '';
      const kill = (): void => {
        if (process_.exitCode === null && process_.signalCode === null) process_.kill('SIGKILL');
      };
      if (killWhen) {
        const target = committed + ('afterWrites' in killWhen ? killWhen.afterWrites : killWhen.atMostWrites);
        onCommitted = (count) => {
          if (count >= target) kill();
        };
      }
      process_.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
      process_.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (killWhen && 'afterMs' in killWhen && output.includes('ready')) setTimeout(kill, killWhen.afterMs);
      });
      process_.on('exit', (code, signal) => {
        onCommitted = null;
        if (signal === 'SIGKILL') resolve('killed');
        else if (code === 0 && output.includes('done')) resolve('done');
        else reject(new Error(`core child exited with ${code}: ${errors}`));
      });
    });
  };

  return {
    noteCommitted: (): void => {
      committed++;
      onCommitted?.(committed);
    },
    get committed(): number {
      return committed;
    },
    /** Each planned run in turn; their outcomes in order. */
    runPlan: async (plan: readonly Exclude<KillWhen, null>[]): Promise<string[]> => {
      const outcomes: string[] = [];
      for (const killWhen of plan) outcomes.push(await run(killWhen));
      return outcomes;
    },
    /** One run left alone to finish what the killed ones could not. */
    finish: () => run(null),
  };
};
