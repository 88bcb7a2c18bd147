import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxLogMessageLength, toLogRecord } from '../../../electron/core/log-record';
import { hostCoreOnParentPort } from '../../../electron/core/utility-host';
import { openWritableDatabase } from '../../../electron/core/db/database';
import { migrate } from '../../../electron/core/db/migrate';
import { migrations } from '../../../electron/core/db/migrations';
import { openLogFile } from '../../../electron/web-host/log-file';
import { startWebHost } from '../../../electron/web-host/web-host';
import { createParentPortStandIn, waitForValue } from '../main/support/parent-port-stand-in';
import { useTempDirs } from '../../support/temp-dir';

const makeTempDir = useTempDirs();

describe('the core’s log records', () => {
  it.each([
    ['Sync failed', new Error('401 from GET /v1/changes with Authorization: Bearer at-SECRET-0123456789'), 'at-SECRET-0123456789'],
    ['Refresh failed', new Error('answer {"access_token":"at-9","refresh_token":"rt-SECRET-42"}'), 'rt-SECRET-42'],
    ['Call sync.signIn failed', new Error('POST /v1/oauth/token grant_type=password&password=hunter2!'), 'hunter2!'],
    ['Request https://anna:pa55word@platform.example/v1/events failed', undefined, 'pa55word'],
  ])('redacts secrets in %j and its detail', (message, detail, secret) => {
    const record = toLogRecord('error', message, detail);
    expect(record.level).toBe('error');
    expect(record.message).not.toContain(secret);
    expect(record.message).toContain('[redacted');
  });

  it('never lets a planted token through, in the line or in the error it reports (property)', () => {
    const token = fc.stringMatching(/^[A-Za-z0-9_-]{24,48}$/);
    const shape = fc.constantFrom(
      (value: string) => `Authorization: Bearer ${value}`,
      (value: string) => `{"refresh_token":"${value}"}`,
      (value: string) => `access_token=${value}&x=1`,
    );
    fc.assert(
      fc.property(token, shape, fc.boolean(), (value, wrap, inDetail) => {
        const record = inDetail ? toLogRecord('warn', 'Platform said', new Error(wrap(value))) : toLogRecord('warn', `Platform said ${wrap(value)}`);
        expect(record.message).not.toContain(value);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the cause of an error and cuts a line longer than the limit', () => {
    const record = toLogRecord('error', 'Export failed', new Error('PDF failed', { cause: new Error('ENOSPC') }));
    expect(record.message).toBe('Export failed: PDF failed (cause: ENOSPC)');
    expect(toLogRecord('info', 'word '.repeat(maxLogMessageLength)).message).toHaveLength(maxLogMessageLength + 1);
  });
});

describe('the core’s log in Electron', () => {
  it('goes to main as host messages, redacted, with their level', async () => {
    const { parentPort, outbox, deliver } = createParentPortStandIn();
    hostCoreOnParentPort(parentPort, {
      openCore: async (options) => {
        options.log?.('info', 'Workspace migrated from schema 1 to 2');
        options.log?.('error', 'Sync failed', new Error('GET /v1/changes: Authorization: Bearer at-SECRET-0123456789 refused'));
        throw new Error('stop here');
      },
    });
    deliver({ type: 'init', dataDir: makeTempDir(), version: '1.0.0' });
    await waitForValue(() => outbox.find((message) => message.type === 'log' && message.level === 'error'));
    expect(outbox.filter((message) => message.type === 'log').slice(0, 2)).toEqual([
      { type: 'log', level: 'info', message: 'Workspace migrated from schema 1 to 2' },
      { type: 'log', level: 'error', message: 'Sync failed: GET /v1/changes: Authorization: [redacted] [redacted] refused' },
    ]);
    deliver({ type: 'no-such-message' });
    expect(outbox.filter((message) => message.type === 'log').at(-1)).toMatchObject({ level: 'warn' });
  });
});

describe('web-host’s log file', () => {
  it('appends one line per record, private to the user, and starts over past its size', () => {
    const dir = makeTempDir();
    const logs = path.join(dir, 'logs');
    const file = openLogFile(logs, { maxBytes: 200, now: () => new Date('2026-12-06T10:00:00.000Z') });
    file.write({ level: 'warn', message: 'first\nsecond line' });
    expect(readFileSync(file.path, 'utf8')).toBe('[2026-12-06T10:00:00.000Z] [warn] first\n  second line\n');
    if (process.platform !== 'win32') expect(statSync(file.path).mode & 0o777).toBe(0o600);
    for (let index = 0; index < 10; index++) file.write({ level: 'info', message: `line ${index}` });
    expect(statSync(file.path).size).toBeLessThanOrEqual(200);
    expect(readFileSync(file.path, 'utf8')).toContain('line 9');
    expect(readFileSync(path.join(logs, 'core.old.log'), 'utf8')).toContain('[info] line');
  });
});


describe('the core’s log in web-host', () => {
  it('lands in the data folder’s logs/core.log', async () => {
    const dataDir = makeTempDir();
    const rendererDir = makeTempDir();
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Bottega</title>');
    // An older workspace: opening it migrates, which the core logs.
    const file = path.join(dataDir, 'workspace.sqlite');
    const db = openWritableDatabase(file);
    await migrate(db, { file, migrations: migrations.slice(0, 1) });
    db.close();
    const echoed: string[] = [];
    const host = await startWebHost({ dataDir, version: '0.0.0-test', rendererDir, log: (message) => echoed.push(message) });
    await host.close();
    const logged = readFileSync(path.join(dataDir, 'logs', 'core.log'), 'utf8');
    expect(logged).toMatch(new RegExp(`^\\[[^\\]]+\\] \\[info\\] Workspace migrated from schema 1 to ${migrations.length}\\n`));
    expect(echoed).toEqual([`Workspace migrated from schema 1 to ${migrations.length}`]);
  });
});
