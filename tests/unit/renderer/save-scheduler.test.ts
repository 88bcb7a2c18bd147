import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSaveScheduler } from '../../../renderer/src/components/save-scheduler';

const timing = { pauseMs: 400, maxWaitMs: 600 };

describe('createSaveScheduler', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves the latest text once typing pauses', () => {
    const saved: string[] = [];
    const scheduler = createSaveScheduler((text: string) => saved.push(text), timing);
    scheduler.schedule('H');
    vi.advanceTimersByTime(100);
    scheduler.schedule('Ha');
    vi.advanceTimersByTime(399);
    expect(saved).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(saved).toEqual(['Ha']);
    vi.advanceTimersByTime(5_000);
    expect(saved).toEqual(['Ha']);
  });

  it('saves at least every maxWaitMs while typing never pauses', () => {
    const saved: { at: number; text: string }[] = [];
    const start = Date.now();
    const scheduler = createSaveScheduler((text: string) => saved.push({ at: Date.now() - start, text }), timing);
    let text = '';
    for (let key = 0; key < 50; key++) {
      text += 'x';
      scheduler.schedule(text);
      vi.advanceTimersByTime(100);
    }
    // Every keystroke is covered by a save no later than maxWaitMs after it.
    expect(saved.length).toBeGreaterThanOrEqual(7);
    for (let i = 1; i < saved.length; i++) expect(saved[i]!.at - saved[i - 1]!.at).toBeLessThanOrEqual(timing.maxWaitMs);
    expect(saved.at(-1)!.text.length).toBeGreaterThanOrEqual(50 - timing.maxWaitMs / 100);
    vi.advanceTimersByTime(timing.pauseMs);
    expect(saved.at(-1)!.text).toBe(text);
  });

  it('flushes what is pending at once and cancel drops it', () => {
    const saved: string[] = [];
    const scheduler = createSaveScheduler((text: string) => saved.push(text), timing);
    scheduler.schedule('draft');
    expect(scheduler.hasPending()).toBe(true);
    scheduler.flush();
    expect(saved).toEqual(['draft']);
    scheduler.flush();
    scheduler.schedule('sent already');
    scheduler.cancel();
    vi.advanceTimersByTime(5_000);
    expect(saved).toEqual(['draft']);
    expect(scheduler.hasPending()).toBe(false);
  });
});
