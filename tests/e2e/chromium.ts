import type { LaunchOptions } from '@playwright/test';

/**
 * Debian's Chromium: Playwright's own browser download cannot run on these machines. The background
 * networking flags stop Chromium from calling home, which this machine's closed network refuses anyway.
 */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: process.env.BOTTEGA_CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
