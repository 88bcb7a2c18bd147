import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { deepLinkScheme, parseDeepLink } from '../../../electron/main/policy/deep-link';

/**
 * The packaging policy electron-builder.yml must hold. That the package holds every file the built app
 * loads (bundles, worker, fonts, native addon, locales) is checked against a real build in
 * tests/integration/built-bundle.test.ts.
 */
const config = yaml.load(readFileSync('electron-builder.yml', 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a YAML document

describe('electron-builder.yml', () => {
  it('flips the security fuses when packaging', () => {
    expect(config['electronFuses']).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // The integrity fuses protect an archive: without asar they guard nothing.
    expect(config['asar']).toBe(true);
  });

  it('ships only updates it can verify: signed Windows installers from the pinned publisher, notarized macOS builds, an https feed', () => {
    expect(config['win'].verifyUpdateCodeSignature).toBe(true);
    expect(config['win'].signtoolOptions.publisherName.length).toBeGreaterThan(0);
    // Notarization needs the hardened runtime; it runs where CI provides the Apple credentials.
    expect(config['mac'].hardenedRuntime).toBe(true);
    expect(config['mac'].notarize).toBe(true);
    expect(new URL(config['publish'].url).protocol).toBe('https:');
  });

  it('registers bottega:// on every OS for the links main accepts', () => {
    const [scheme] = config['protocols'][0].schemes as string[];
    // The scheme registered is the one the deep-link policy parses.
    expect(scheme).toBe(deepLinkScheme);
    expect(parseDeepLink(`${scheme}://project/prj_000001`)).toBeDefined();
    // Windows registers it through the NSIS include (electron-builder does not for NSIS).
    const nsis = readFileSync(config['nsis'].include as string, 'utf8');
    expect(nsis).toContain(`Software\\Classes\\${scheme}\\shell\\open\\command`);
  });
});
