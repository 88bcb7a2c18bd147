import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import type { LogRecord } from '../core/log-record';

export type LogFile = {
  readonly path: string;
  write(record: LogRecord): void;
};

export const logFileName = 'core.log';

/** Past this size the file becomes core.old.log (one generation kept) and a new one starts, as electron-log does. */
const defaultMaxBytes = 2 * 1024 * 1024;

/**
 * web-host's log: the core's records (already redacted by the core) appended to `<dataDir>/logs/core.log`,
 * readable by the user only. Writing is synchronous: log lines are rare, and a crash must not lose the last one.
 * A failed write is dropped rather than taking the core down.
 */
export const openLogFile = (logsDir: string, options: { maxBytes?: number; now?: () => Date } = {}): LogFile => {
  const file = path.join(logsDir, logFileName);
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  const now = options.now ?? (() => new Date());
  const sizeOf = (): number => {
    try {
      return statSync(file).size;
    } catch {
      return 0;
    }
  };
  let size: number | undefined;
  return {
    path: file,
    write: (record) => {
      const line = `[${now().toISOString()}] [${record.level}] ${record.message.replace(/\r?\n/g, '\n  ')}\n`;
      try {
        mkdirSync(logsDir, { recursive: true, mode: 0o700 });
        size ??= sizeOf();
        if (size > 0 && size + Buffer.byteLength(line) > maxBytes) {
          renameSync(file, path.join(logsDir, 'core.old.log'));
          size = 0;
        }
        appendFileSync(file, line, { mode: 0o600 });
        size += Buffer.byteLength(line);
      } catch {
        // No log is better than no workspace.
      }
    },
  };
};
