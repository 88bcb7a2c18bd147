import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const probeKey = 'BOTTEGA_ELECTRON_BINARY_PROBE';

export const electronSkipReason =
  'Electron binary not installed on this machine (downloads are blocked); run npm test on a machine where it is.';

/**
 * The Electron executable, or undefined where it is missing: `require('electron')` answers the
 * binary's path and throws when the package's post-install download never happened.
 */
export const findElectronBinary = (): string | undefined => {
  // Probe once per run: the answer is handed to Playwright's workers through the environment,
  // because requiring 'electron' where the binary is missing starts a (here: failing) download.
  const probed = process.env[probeKey];
  if (probed !== undefined) return probed && existsSync(probed) ? probed : undefined;
  let found: string | undefined;
  try {
    const binary: unknown = createRequire(import.meta.url)('electron');
    found = typeof binary === 'string' && existsSync(binary) ? binary : undefined;
  } catch {
    found = undefined;
  }
  process.env[probeKey] = found ?? '';
  return found;
};
