import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

const root = path.join(import.meta.dirname, '../..');

export type RunningWebHost = {
  url: string;
  dataDir: string;
  /** Stops it cleanly (SIGTERM) and removes its workspace folder. */
  stop(): Promise<void>;
  /** Kills it as a crash would (SIGKILL: no shutdown, no checkpoint); the workspace folder stays. */
  kill(): Promise<void>;
  /** A new web-host on the same workspace folder, as after a crash and a restart (new port and token). */
  restart(): Promise<RunningWebHost>;
  /** The first match of `pattern` in what the host prints from now on (e.g. a sign-in page it was asked to open). */
  nextOutput(pattern: RegExp): Promise<RegExpExecArray>;
};

export type WebHostProcessOptions = {
  /** Added to the host's environment (e.g. BOTTEGA_FREELANCER_CLIENT_ID). */
  env?: Readonly<Record<string, string>>;
};

/** Starts `web-host` in its own process on the given workspace folder (kept until `stop`). */
export const startWebHostIn = async (dataDir: string, args: string[] = [], options: WebHostProcessOptions = {}): Promise<RunningWebHost> => {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/web-host/cli.ts', '--data-dir', dataDir, ...args],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], ...(options.env ? { env: { ...process.env, ...options.env } } : {}) },
  );
  let output = '';
  const outputListeners = new Set<() => void>();
  const url = await new Promise<string>((resolve, reject) => {
    // A host that never printed its address is killed, not left running beside the next test.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`web-host did not start within 60 s:\n${output}`));
    }, 60_000);
    const read = (chunk: Buffer): void => {
      output += chunk.toString();
      for (const listener of [...outputListeners]) listener();
      const match = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`web-host exited with ${code}:\n${output}`)));
  });
  const end = async (signal: NodeJS.Signals): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill(signal);
    await exited;
  };
  return {
    url,
    dataDir,
    stop: async () => {
      await end('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
    },
    kill: () => end('SIGKILL'),
    restart: async () => {
      await end('SIGKILL');
      return startWebHostIn(dataDir, args, options);
    },
    nextOutput: (pattern) => {
      const from = output.length;
      return new Promise((resolve) => {
        const check = (): void => {
          const match = pattern.exec(output.slice(from));
          if (!match) return;
          outputListeners.delete(check);
          resolve(match);
        };
        outputListeners.add(check);
      });
    },
  };
};

/** Reads the workspace a host serves (or served before a crash) straight from its file, read-only. */
export const readWorkspace = <T>(dataDir: string, read: (db: Database.Database) => T): T => {
  const db = new Database(path.join(dataDir, 'workspace.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
};

/** Starts `web-host` as a user would, in its own process, on a fresh workspace folder. */
export const startWebHostProcess = (args: string[] = [], options: WebHostProcessOptions = {}): Promise<RunningWebHost> =>
  startWebHostIn(mkdtempSync(path.join(tmpdir(), 'bottega-e2e-')), args, options);
