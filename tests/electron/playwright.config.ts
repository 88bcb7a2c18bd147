import { defineConfig } from '@playwright/test';

/** Playwright `_electron` tests: they run where the Electron binary exists and report themselves skipped elsewhere. */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../../test-results/electron',
  globalSetup: './global-setup.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  retries: 0,
  reporter: [['list']],
});
