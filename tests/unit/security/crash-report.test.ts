import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCrashReport, fitReportForMail, reportMailtoUrl, scrubSecrets } from '../../../electron/main/policy/crash-report';

describe('scrubSecrets', () => {
  it.each([
    ['Authorization: Bearer abc.def-ghi', 'abc.def-ghi'],
    ['POST /v1/oauth/token grant_type=password&username=anna&password=hunter2!', 'hunter2!'],
    ['{"access_token":"at-0123456789","refresh_token":"rt-9876543210","expires_in":3600}', 'at-0123456789'],
    ['{"access_token":"at-0123456789","refresh_token":"rt-9876543210","expires_in":3600}', 'rt-9876543210'],
    ['token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl seen', 'eyJhbGciOiJIUzI1NiJ9'],
    ['fetch https://anna:s3cret@platform.example/v1/changes', 's3cret'],
    ['GET /v1/changes?cursor=5&api_key=KEY-12345', 'KEY-12345'],
    ['user anna.rossi@example.it signed in', 'anna.rossi@example.it'],
    ['cookie: session=4f2a9c; theme=dark', '4f2a9c'],
    ['sha 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', '9f86d081884c7d659a2feaa0c55ad015'],
    ['-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC'],
  ])('removes the secret from %j', (text, secret) => {
    expect(scrubSecrets(text)).not.toContain(secret);
  });

  it('replaces the home folder and known secrets', () => {
    const text = 'open /home/anna/.config/Bottega/workspace.sqlite failed; C:\\Users\\anna\\AppData too; canary CANARY-77';
    const scrubbed = scrubSecrets(text, { homeDir: '/home/anna', knownSecrets: ['CANARY-77'] });
    expect(scrubbed).toContain('~/.config/Bottega/workspace.sqlite');
    expect(scrubbed).not.toContain('CANARY-77');
    expect(scrubSecrets('C:\\Users\\anna\\AppData', { homeDir: 'C:\\Users\\anna' })).toBe('~\\AppData');
  });

  it('keeps ordinary log text readable', () => {
    const line = '[2025-06-01 10:00:00.000] [error] Call feed.listProjects failed: SQLITE_BUSY (attempt 2)';
    expect(scrubSecrets(line)).toBe(line);
  });

  it('never lets a planted token through, whatever surrounds it (property)', () => {
    const token = fc.stringMatching(/^[A-Za-z0-9_-]{24,48}$/);
    const shape = fc.constantFrom(
      (value: string) => `Authorization: Bearer ${value}`,
      (value: string) => `{"refresh_token":"${value}"}`,
      (value: string) => `access_token=${value}&x=1`,
      (value: string) => `password: ${value}`,
      (value: string) => `Set-Cookie: session=${value}; Path=/`,
    );
    fc.assert(
      fc.property(token, shape, fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (value, wrap, before, after) => {
        const text = `${before.replace(/[A-Za-z0-9_-]$/, ' ')} ${wrap(value)} ${after}`;
        expect(scrubSecrets(text)).not.toContain(value);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the problem report', () => {
  const facts = {
    appVersion: '1.4.0',
    electronVersion: '45.4.1',
    chromeVersion: '142.0.0.0',
    platform: 'linux',
    arch: 'x64',
    osVersion: '6.8.0',
    locale: 'it',
    createdAt: '2025-06-01T10:00:00.000Z',
    logLines: Array.from({ length: 500 }, (_, index) => `[info] line ${index} token=t${index}-secretvalue`),
  };

  it('holds the facts and the last lines of the log, scrubbed', () => {
    const report = buildCrashReport(facts, { homeDir: '/home/anna' });
    expect(report).toContain('Bottega: 1.4.0');
    expect(report).toContain('line 499');
    expect(report).not.toContain('line 299 ');
    expect(report).not.toMatch(/secretvalue/);
  });

  it('sends exactly the text it shows', () => {
    const shown = fitReportForMail(buildCrashReport(facts), 'support@bottega.invalid', 'Problem report');
    const url = reportMailtoUrl('support@bottega.invalid', 'Problem report', shown);
    expect(url.length).toBeLessThanOrEqual(8000);
    expect(decodeURIComponent(new URL(url).searchParams.get('body') ?? '')).toBe(shown);
    expect(shown).toContain('Bottega: 1.4.0');
    expect(shown).toContain('line 499');
  });
});
