import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

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
    expect(config['asar']).toBe(true);
  });

  it('builds AppImage and deb, NSIS with a pinned publisher, and a universal dmg', () => {
    expect(config['linux'].target).toEqual(['AppImage', 'deb']);
    expect(config['win'].target[0].target).toBe('nsis');
    expect(config['win'].signtoolOptions.publisherName).toEqual(['Bottega']);
    expect(config['win'].verifyUpdateCodeSignature).toBe(true);
    expect(config['mac'].target).toContainEqual({ target: 'dmg', arch: ['universal'] });
    expect(config['appId']).toBe('app.bottega.desktop');
  });

  it('registers bottega://, rebuilds the native addon for Electron and publishes a generic feed', () => {
    expect(config['protocols'][0].schemes).toEqual(['bottega']);
    expect(config['nsis'].include).toBe('resources/installer.nsh');
    expect(readFileSync('resources/installer.nsh', 'utf8')).toMatch(/Software\\Classes\\bottega\\shell\\open\\command/);
    expect(config['npmRebuild']).toBe(true);
    expect(config['asarUnpack']).toContain('**/node_modules/better-sqlite3/**/*.node');
    expect(config['publish']).toMatchObject({ provider: 'generic', channel: 'latest' });
    expect(config['publish'].url).toMatch(/^https:\/\//);
  });
});
