import { describe, expect, it } from 'vitest';
import { createUpdateController, type DownloadProgress, type UpdaterDriver } from '../../../../electron/main/updates/update-controller';
import type { UpdateChannel, UpdateState } from '../../../../shared/contract/updates';
import { createManualClock } from '../support/manual-clock';

type Script = { offer: string | null | Error; progress?: DownloadProgress[]; downloadError?: Error };

const createFakeDriver = (script: Script) => {
  const calls: string[] = [];
  const driver: UpdaterDriver = {
    setChannel: (channel) => calls.push(`channel:${channel}`),
    check: async () => {
      calls.push('check');
      if (script.offer instanceof Error) throw script.offer;
      return script.offer === null ? null : { version: script.offer };
    },
    download: async (onProgress) => {
      calls.push('download');
      for (const progress of script.progress ?? []) onProgress(progress);
      if (script.downloadError) throw script.downloadError;
    },
    quitAndInstall: () => calls.push('install'),
  };
  return { driver, calls };
};

const setUp = (script: Script, channel: UpdateChannel = 'stable') => {
  const { driver, calls } = createFakeDriver(script);
  const manual = createManualClock();
  const states: UpdateState[] = [];
  const saved: UpdateChannel[] = [];
  const controller = createUpdateController({
    driver,
    clock: manual.clock,
    currentVersion: '2.0.0',
    channel,
    random: () => 0.5,
    onState: (state) => states.push(state),
    log: () => undefined,
    saveChannel: (next) => saved.push(next),
  });
  return { controller, calls, states, saved, ...manual };
};

describe('createUpdateController', () => {
  it('runs one check at a time however often it is asked', async () => {
    const { controller, calls } = setUp({ offer: null });
    const [a, b] = await Promise.all([controller.checkNow(), controller.checkNow()]);
    expect(a).toEqual(b);
    expect(calls).toEqual(['check']);
    expect(a.status).toMatchObject({ phase: 'up-to-date' });
  });

  it('reports clamped progress and ends ready; a ready update is not checked again', async () => {
    const { controller, calls, states } = setUp({
      offer: '2.1.0',
      progress: [
        { percent: 40, transferred: 40, total: 100, bytesPerSecond: 10 },
        { percent: Number.NaN, transferred: -1, total: 100, bytesPerSecond: Number.POSITIVE_INFINITY },
        { percent: 140, transferred: 100, total: 100, bytesPerSecond: 10 },
      ],
    });
    await controller.checkNow();
    const downloading = states.map((state) => state.status).filter((status) => status.phase === 'downloading');
    expect(downloading.map((status) => status.percent)).toEqual([0, 40, 0, 100]);
    expect(downloading[2]).toMatchObject({ transferred: 0, bytesPerSecond: 0 });
    expect(controller.state().status).toEqual({ phase: 'ready', version: '2.1.0' });
    await controller.checkNow();
    expect(calls).toEqual(['check', 'download']);
  });

  it('ignores an offer that is not newer than the running version', async () => {
    const { controller, calls } = setUp({ offer: '1.9.0' });
    expect((await controller.checkNow()).status.phase).toBe('up-to-date');
    expect(calls).toEqual(['check']);
  });

  it('installs only when an update is ready', async () => {
    const { controller, calls } = setUp({ offer: '2.1.0' });
    expect(controller.restartNow()).toEqual({ accepted: false });
    await controller.checkNow();
    expect(controller.restartNow()).toEqual({ accepted: true });
    expect(calls.at(-1)).toBe('install');
  });

  it('schedules the first check after start and the next one after each result', async () => {
    const { controller, pending, fireNext, states } = setUp({ offer: null });
    controller.start();
    controller.start();
    expect(pending().map((timer) => timer.delayMs)).toEqual([30_000]);
    fireNext();
    await controller.checkNow();
    expect(pending().map((timer) => timer.delayMs)).toEqual([4 * 60 * 60_000]);
    expect(states[0]?.status).toEqual({ phase: 'idle' });
    controller.stop();
    expect(pending()).toEqual([]);
  });

  it('turns a failed download into a failure with a retry time, never a throw', async () => {
    const { controller } = setUp({ offer: '2.1.0', downloadError: Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }) });
    controller.start();
    const state = await controller.checkNow();
    expect(state.status).toEqual({ phase: 'failed', reason: 'disk', attempt: 1, retryAt: 1_700_000_000_000 + 45_000 });
  });

  it('switches channel: remembered, applied to the driver, and checked at once', async () => {
    const { controller, calls, saved } = setUp({ offer: null });
    controller.start();
    const state = await controller.setChannel('beta');
    expect(state.channel).toBe('beta');
    expect(saved).toEqual(['beta']);
    expect(calls).toEqual(['channel:stable', 'channel:beta', 'check']);
    await controller.setChannel('beta');
    expect(saved).toEqual(['beta']);
  });

  it('survives a driver that throws while selecting the channel at start', () => {
    const { driver } = createFakeDriver({ offer: null });
    const manual = createManualClock();
    const logs: string[] = [];
    const controller = createUpdateController({
      driver: { ...driver, setChannel: () => { throw new Error('bad channel'); } },
      clock: manual.clock,
      currentVersion: '2.0.0',
      channel: 'stable',
      onState: () => undefined,
      log: (_level, message) => logs.push(message),
    });
    expect(() => controller.start()).not.toThrow();
    expect(logs[0]).toMatch(/bad channel/);
  });
});
