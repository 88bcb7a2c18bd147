import { z } from 'zod';

export type Rectangle = { x: number; y: number; width: number; height: number };

const integer = z.number().int().min(-100_000).max(100_000);

export const windowStateSchema = z.object({
  bounds: z.object({ x: integer, y: integer, width: integer.min(1), height: integer.min(1) }),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export type WindowLimits = { defaultWidth: number; defaultHeight: number; minWidth: number; minHeight: number };

export const windowLimits: WindowLimits = { defaultWidth: 1280, defaultHeight: 820, minWidth: 880, minHeight: 560 };

/** Where to open the window: a position only when the saved one is still visible on a display. */
export type WindowPlacement = { width: number; height: number; x?: number; y?: number; maximized: boolean };

/** Enough of the title bar on screen to grab the window with the mouse. */
const visibleTitleBar = { width: 120, height: 32 };

const overlap = (a: Rectangle, b: Rectangle): Rectangle => {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  return { x, y, width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - x), height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - y) };
};

/**
 * The window's placement from what was saved (anything: a corrupt or hand-edited file must not
 * break the start) and the displays' work areas now. A monitor may have been unplugged, so a
 * position is kept only if the title bar stays reachable; sizes are clamped to the limits and
 * to the largest display.
 */
export const restoreWindowPlacement = (saved: unknown, displays: readonly Rectangle[], limits: WindowLimits = windowLimits): WindowPlacement => {
  const parsed = windowStateSchema.safeParse(saved);
  const fallback: WindowPlacement = { width: limits.defaultWidth, height: limits.defaultHeight, maximized: false };
  if (!parsed.success) return fallback;
  const { bounds, maximized } = parsed.data;
  const maxWidth = Math.max(limits.minWidth, ...displays.map((display) => display.width));
  const maxHeight = Math.max(limits.minHeight, ...displays.map((display) => display.height));
  const width = Math.min(maxWidth, Math.max(limits.minWidth, bounds.width));
  const height = Math.min(maxHeight, Math.max(limits.minHeight, bounds.height));
  const titleBar = { x: bounds.x, y: bounds.y, width: Math.min(width, bounds.width), height: visibleTitleBar.height };
  const reachable = displays.some((display) => {
    const seen = overlap(titleBar, display);
    return seen.width >= Math.min(visibleTitleBar.width, titleBar.width) && seen.height >= visibleTitleBar.height;
  });
  return reachable ? { width, height, x: bounds.x, y: bounds.y, maximized } : { width, height, maximized };
};

/** What to save: the normal (un-maximized) bounds, so un-maximizing next time gives the user's size back. */
export const captureWindowState = (normalBounds: Rectangle, maximized: boolean): WindowState | undefined => {
  const parsed = windowStateSchema.safeParse({
    bounds: {
      x: Math.round(normalBounds.x),
      y: Math.round(normalBounds.y),
      width: Math.round(normalBounds.width),
      height: Math.round(normalBounds.height),
    },
    maximized,
  });
  return parsed.success ? parsed.data : undefined;
};
