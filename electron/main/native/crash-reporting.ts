import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { app, clipboard, crashReporter, dialog, shell, type BrowserWindow } from 'electron';
import log from 'electron-log/main';
import { buildCrashReport, fitReportForMail, reportMailtoUrl, scrubSecrets } from '../policy/crash-report';
import { isSafeExternalUrl } from '../policy/external-url';
import type { Translate } from '../policy/menu-model';

export const supportAddress = 'support@bottega.invalid';

/**
 * The local log (electron-log, in the user-data logs folder) and crash capture. Nothing is uploaded:
 * native crash dumps stay on disk, and a problem report leaves only when the user has read it and
 * chosen to send it. Every log line is scrubbed before it is written, not only when reported.
 */
export const startCrashReporting = (): void => {
  log.transports.file.level = 'info';
  log.transports.file.maxSize = 2 * 1024 * 1024;
  log.transports.console.level = app.isPackaged ? false : 'info';
  const homeDir = os.homedir();
  log.hooks.push((message) => ({ ...message, data: message.data.map((part: unknown) => (typeof part === 'string' ? scrubSecrets(part, { homeDir }) : part)) }));
  log.errorHandler.startCatching({ showDialog: false });
  crashReporter.start({ uploadToServer: false, compress: true });
  app.on('render-process-gone', (_event, _contents, details) => log.error(`Renderer gone: ${details.reason} (exit ${details.exitCode})`));
  app.on('child-process-gone', (_event, details) => log.error(`Child process gone: ${details.type} ${details.reason} (exit ${details.exitCode})`));
};

export const logger = log;

export const logFolder = (): string => app.getPath('logs');

const readLogTail = async (): Promise<string[]> => {
  try {
    const text = await readFile(log.transports.file.getFile().path, 'utf8');
    return text.split(/\r?\n/).filter((line) => line.length > 0);
  } catch {
    return [];
  }
};

/** Builds the report, shows the user exactly that text, and sends it only if they say so. */
export const offerProblemReport = async (t: Translate, locale: string, parent: BrowserWindow | undefined): Promise<void> => {
  const subject = t('dialogs.reportTitle');
  const report = fitReportForMail(
    buildCrashReport(
      {
        appVersion: app.getVersion(),
        electronVersion: process.versions.electron ?? '',
        chromeVersion: process.versions.chrome ?? '',
        platform: process.platform,
        arch: process.arch,
        osVersion: os.release(),
        locale,
        createdAt: new Date().toISOString(),
        logLines: await readLogTail(),
      },
      { homeDir: os.homedir() },
    ),
    supportAddress,
    subject,
  );
  const options = {
    type: 'info' as const,
    title: subject,
    message: t('dialogs.reportMessage'),
    detail: report,
    buttons: [t('dialogs.reportSend'), t('dialogs.reportCopy'), t('dialogs.cancel')],
    defaultId: 2,
    cancelId: 2,
    noLink: true,
  };
  const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  if (response === 1) clipboard.writeText(report);
  if (response !== 0) return;
  const url = reportMailtoUrl(supportAddress, subject, report);
  if (isSafeExternalUrl(url)) await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK -- a mailto: built here and checked by isSafeExternalUrl
};
