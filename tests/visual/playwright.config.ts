import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium';

/**
 * The visual regression suite (issue #15): every screen against committed baselines (`baselines/`). Everything that
 * could make two runs differ is fixed here or in the spec: one viewport and device scale, time zone and browser
 * locale, reduced motion, animations stopped and the caret hidden while shooting; the clock and the data in the spec.
 * `npm run test:visual -- --update` writes new baselines (look at every one before committing it).
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.visual.ts',
  outputDir: '../../test-results/visual',
  snapshotPathTemplate: '{testDir}/baselines/{arg}{ext}',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 600_000,
  reporter: [['list']],
  expect: {
    timeout: 15_000,
    // A colour difference above 0.1 (YIQ, 0–1) in more than 16 pixels fails. Runs on Debian's Chromium with its Noto
    // fonts agree pixel for pixel except one rounded corner at the editor's panel edge, whose anti-aliasing differed
    // in 6 pixels between two identical runs (Italian editor, 1440 px); a changed word or moved control is hundreds.
    toHaveScreenshot: { threshold: 0.1, maxDiffPixels: 16, animations: 'disabled', caret: 'hide', scale: 'css' },
  },
  use: {
    launchOptions: { ...chromiumLaunchOptions, args: [...(chromiumLaunchOptions.args ?? []), '--font-render-hinting=none', '--hide-scrollbars'] },
    viewport: { width: 1440, height: 900 },
    deviceScaleFactor: 1,
    locale: 'en-US',
    timezoneId: 'Europe/Rome',
    colorScheme: 'light',
    reducedMotion: 'reduce',
    trace: 'off',
  },
});
