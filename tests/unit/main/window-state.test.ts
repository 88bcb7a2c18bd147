import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { captureWindowState, restoreWindowPlacement, windowLimits } from '../../../electron/main/policy/window-state';

const laptop = { x: 0, y: 0, width: 1440, height: 900 };
const external = { x: 1440, y: 0, width: 2560, height: 1440 };

describe('window state', () => {
  it('restores a saved position that is still on screen', () => {
    const saved = captureWindowState({ x: 1600, y: 100, width: 1400, height: 900 }, true);
    expect(restoreWindowPlacement(saved, [laptop, external])).toEqual({ x: 1600, y: 100, width: 1400, height: 900, maximized: true });
  });

  it('drops the position when its monitor is gone, keeping a size that fits', () => {
    const saved = captureWindowState({ x: 1600, y: 100, width: 2400, height: 1300 }, false);
    expect(restoreWindowPlacement(saved, [laptop])).toEqual({ width: 1440, height: 900, maximized: false });
  });

  it('clamps to the minimum size', () => {
    expect(restoreWindowPlacement({ bounds: { x: 10, y: 10, width: 100, height: 50 }, maximized: false }, [laptop])).toEqual({
      x: 10,
      y: 10,
      width: windowLimits.minWidth,
      height: windowLimits.minHeight,
      maximized: false,
    });
  });

  it.each([undefined, null, 'garbage', { bounds: { x: 'a' } }, { bounds: { x: 0, y: 0, width: 1e9, height: 10 }, maximized: false }])(
    'falls back to the defaults for %j',
    (saved) => expect(restoreWindowPlacement(saved, [laptop])).toEqual({ width: 1280, height: 820, maximized: false }),
  );

  it('always opens a reachable window of allowed size (property)', () => {
    const rect = fc.record({
      x: fc.integer({ min: -5000, max: 5000 }),
      y: fc.integer({ min: -5000, max: 5000 }),
      width: fc.integer({ min: 1, max: 6000 }),
      height: fc.integer({ min: 1, max: 4000 }),
    });
    const display = fc.record({ x: fc.integer({ min: -3000, max: 3000 }), y: fc.integer({ min: -3000, max: 3000 }), width: fc.integer({ min: 800, max: 4000 }), height: fc.integer({ min: 600, max: 3000 }) });
    fc.assert(
      fc.property(rect, fc.boolean(), fc.array(display, { minLength: 1, maxLength: 3 }), (bounds, maximized, displays) => {
        const placement = restoreWindowPlacement(captureWindowState(bounds, maximized), displays);
        expect(placement.width).toBeGreaterThanOrEqual(windowLimits.minWidth);
        expect(placement.height).toBeGreaterThanOrEqual(windowLimits.minHeight);
        if (placement.x !== undefined && placement.y !== undefined) {
          const { x, y } = placement;
          const visible = displays.some((d) => x < d.x + d.width && x + placement.width > d.x && y >= d.y - 0 && y < d.y + d.height);
          expect(visible).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
