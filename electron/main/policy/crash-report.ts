/**
 * The "send a problem report" text: built from the local log, scrubbed, and shown to the user in
 * full before anything leaves the machine. The scrubber errs on the side of removing too much.
 */
import { redactSecrets } from '../../../shared/security/redact-secrets';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export type ScrubOptions = {
  /** The user's home folder: replaced by ~ so user names in paths do not leave the machine. */
  homeDir?: string;
  /** Exact values known to be secret (e.g. tokens the vault holds right now). */
  knownSecrets?: readonly string[];
};

export const scrubSecrets = (text: string, options: ScrubOptions = {}): string => {
  let scrubbed = text;
  for (const secret of options.knownSecrets ?? []) {
    if (secret.length >= 4) scrubbed = scrubbed.split(secret).join('[redacted]');
  }
  if (options.homeDir && options.homeDir.length > 1) {
    const home = options.homeDir.replace(/[\\/]+$/, '');
    // Both separators: logs written on Windows may show either.
    const pattern = escapeRegExp(home).replace(/\\\\|\//g, String.raw`[\\/]`);
    scrubbed = scrubbed.replace(new RegExp(pattern, 'gi'), '~');
  }
  return redactSecrets(scrubbed);
};

export type CrashReportFacts = {
  appVersion: string;
  electronVersion: string;
  chromeVersion: string;
  platform: string;
  arch: string;
  osVersion: string;
  locale: string;
  /** ISO time the report was made. */
  createdAt: string;
  /** The end of the local log, oldest first. */
  logLines: readonly string[];
};

/** Lines of log included: enough context for a crash, not a history of the user's day. */
export const reportLogLines = 200;

/** The exact text the user sees and, if they agree, sends. */
export const buildCrashReport = (facts: CrashReportFacts, options: ScrubOptions = {}): string => {
  const header = [
    'Bottega problem report',
    `Created: ${facts.createdAt}`,
    `Bottega: ${facts.appVersion}`,
    `Electron: ${facts.electronVersion} (Chromium ${facts.chromeVersion})`,
    `System: ${facts.platform} ${facts.arch} ${facts.osVersion}`,
    `Language: ${facts.locale}`,
    '',
    `Last ${Math.min(reportLogLines, facts.logLines.length)} lines of the log:`,
  ];
  const lines = facts.logLines.slice(-reportLogLines);
  return scrubSecrets([...header, ...lines].join('\n'), options);
};

const mailtoPrefix = (address: string, subject: string): string => `mailto:${address}?subject=${encodeURIComponent(subject)}&body=`;

/**
 * The report cut to what a mailto: link reliably carries (oldest log lines dropped first). The user
 * is shown this text, and exactly this text is sent.
 */
export const fitReportForMail = (report: string, address: string, subject: string, maxLength = 8000): string => {
  const prefix = mailtoPrefix(address, subject);
  let body = report;
  while (body.length > 0 && prefix.length + encodeURIComponent(body).length > maxLength) {
    const lines = body.split('\n');
    const headerEnd = lines.findIndex((line) => line.startsWith('Last '));
    if (headerEnd < 0 || lines.length <= headerEnd + 2) {
      body = body.slice(0, Math.floor(body.length / 2));
      continue;
    }
    lines.splice(headerEnd + 1, Math.max(1, Math.ceil((lines.length - headerEnd - 1) / 4)));
    body = lines.join('\n');
  }
  return body;
};

export const reportMailtoUrl = (address: string, subject: string, body: string): string =>
  mailtoPrefix(address, subject) + encodeURIComponent(body);
