import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { electronSkipReason, findElectronBinary } from './electron-binary';

/** Builds main, preload and renderer before launching them; skipped (with the tests) when Electron is absent. */
export default function buildApp(): void {
  if (!findElectronBinary()) {
    // The list reporter shows skipped tests without their reason: say it once, plainly.
    console.log(`\n[tests/electron] Every test here is skipped: ${electronSkipReason}\n`);
    return;
  }
  const root = fileURLToPath(new URL('../..', import.meta.url));
  execFileSync(process.execPath, [fileURLToPath(new URL('../../node_modules/electron-vite/bin/electron-vite.js', import.meta.url)), 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
}
