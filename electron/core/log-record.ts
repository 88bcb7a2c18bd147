import { redactSecrets } from '../../shared/security/redact-secrets';

/**
 * What the core writes to its log, in every host: Electron's main process writes the records it is
 * sent to electron-log (scope "core"), web-host to a file in the data folder. Every record is redacted
 * here, before it leaves the core, so no host can write a token or an Authorization header.
 */
export const logLevels = ['info', 'warn', 'error'] as const;
export type LogLevel = (typeof logLevels)[number];
export type LogRecord = { level: LogLevel; message: string };

/** How the engine logs: routine events at info, what went wrong but was handled at warn, failures at error. */
export type CoreLog = (level: LogLevel, message: string, detail?: unknown) => void;

/** Longer lines are cut: a log is for reading, and a hostile platform's body must not fill the disk. */
export const maxLogMessageLength = 4_000;

const describeDetail = (detail: unknown): string => {
  if (!(detail instanceof Error)) return String(detail);
  const cause = detail.cause instanceof Error ? ` (cause: ${detail.cause.message})` : '';
  return `${detail.message}${cause}`;
};

export const toLogRecord = (level: LogLevel, message: string, detail?: unknown): LogRecord => {
  const full = detail === undefined ? message : `${message}: ${describeDetail(detail)}`;
  // Cut before redacting too (twice the limit), so a huge hostile body costs the redaction little; the final
  // cut comes after it, so no secret is split by the cut into pieces the rules would miss.
  const text = redactSecrets(full.slice(0, maxLogMessageLength * 2));
  return { level, message: text.length > maxLogMessageLength ? `${text.slice(0, maxLogMessageLength)}…` : text };
};
