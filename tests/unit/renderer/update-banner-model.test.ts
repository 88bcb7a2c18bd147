import { describe, expect, it } from 'vitest';
import { describeUpdateBanner } from '../../../renderer/src/features/updates/update-banner-model';
import type { UpdateState, UpdateStatus } from '../../../shared/contract/updates';

const state = (status: UpdateStatus): UpdateState => ({ currentVersion: '1.0.0', channel: 'stable', status });

describe('describeUpdateBanner', () => {
  it('stays quiet unless there is progress, an update to install, or a failure worth telling', () => {
    for (const status of [{ phase: 'idle' }, { phase: 'checking' }, { phase: 'unsupported' }, { phase: 'up-to-date', checkedAt: 1 }] as const) {
      expect(describeUpdateBanner(state(status), null)).toEqual({ kind: 'none' });
    }
    expect(describeUpdateBanner(null, null)).toEqual({ kind: 'none' });
  });

  it('shows download progress and the ready update until dismissed for that version', () => {
    expect(describeUpdateBanner(state({ phase: 'downloading', version: '1.1.0', percent: 41.6, transferred: 1, total: 2, bytesPerSecond: 1 }), null)).toEqual({
      kind: 'downloading',
      version: '1.1.0',
      percent: 42,
    });
    expect(describeUpdateBanner(state({ phase: 'ready', version: '1.1.0' }), null)).toEqual({ kind: 'ready', version: '1.1.0' });
    expect(describeUpdateBanner(state({ phase: 'ready', version: '1.1.0' }), '1.1.0')).toEqual({ kind: 'none' });
    expect(describeUpdateBanner(state({ phase: 'ready', version: '1.2.0' }), '1.1.0')).toEqual({ kind: 'ready', version: '1.2.0' });
  });

  it('keeps the first transient failures quiet, shows the ones the user must know', () => {
    expect(describeUpdateBanner(state({ phase: 'failed', reason: 'offline', attempt: 1, retryAt: 5 }), null)).toEqual({ kind: 'none' });
    expect(describeUpdateBanner(state({ phase: 'failed', reason: 'offline', attempt: 3, retryAt: 5 }), null)).toEqual({ kind: 'failed', reason: 'offline', retryAt: 5 });
    expect(describeUpdateBanner(state({ phase: 'failed', reason: 'integrity', attempt: 1, retryAt: null }), null)).toMatchObject({ kind: 'failed', reason: 'integrity' });
  });
});
