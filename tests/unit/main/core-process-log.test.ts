import { describe, expect, it, vi } from 'vitest';
import { forkedChildren } from './support/utility-process-stand-in';

// Main's side of the utility process: messages the core posts arrive as its 'message' events.
vi.mock('electron', async () => (await import('./support/utility-process-stand-in')).electronStandIn);

const { startCoreProcess } = await import('../../../electron/main/core-process');

describe('main’s side of the core’s log', () => {
  it('writes each log record the core sends with its level, and drops malformed ones', () => {
    const written: string[] = [];
    const log = {
      info: (message: string) => written.push(`info ${message}`),
      warn: (message: string) => written.push(`warn ${message}`),
      error: (message: string) => written.push(`error ${message}`),
    };
    startCoreProcess({
      entryPath: 'core.js',
      dataDir: '/tmp/none',
      version: '1.0.0',
      platformUrl: null,
      onRestarted: () => undefined,
      onFatal: () => undefined,
      updateState: () => ({ currentVersion: '1.0.0', channel: 'stable', status: { phase: 'idle' } }),
      onLanguage: () => undefined,
      onHostRequest: async () => null,
      log,
    });
    const child = forkedChildren.at(-1)!;
    child.emit('message', { type: 'log', level: 'warn', message: 'Could not read the language setting' });
    child.emit('message', { type: 'log', level: 'error', message: 'Sync failed: ECONNREFUSED' });
    child.emit('message', { type: 'log', level: 'shout', message: 'not a level' });
    child.emit('message', { type: 'ready', schemaVersion: 12 });
    expect(written).toEqual(['warn Could not read the language setting', 'error Sync failed: ECONNREFUSED', 'info Workspace ready (schema 12)']);
  });
});
