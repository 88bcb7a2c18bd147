import { useCallback, useSyncExternalStore } from 'react';

/**
 * A screen's view state that outlives the screen: kept while the window is open (a visit elsewhere unmounts the
 * screen and its useState with it, so filters reset on every return) and starting again with the app, as no
 * list's view is stored across a restart. Each call makes one such value; its hook reads and sets it like useState.
 */
export const createWindowState = <T>(initial: T): (() => [T, (next: T | ((current: T) => T)) => void]) => {
  let current = initial;
  const listeners = new Set<() => void>();
  const subscribe = (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const read = (): T => current;
  const write = (next: T | ((value: T) => T)): void => {
    // A function is an updater, as with useState (no T here is a function).
    const value = typeof next === 'function' ? (next as (value: T) => T)(current) : next;
    if (Object.is(value, current)) return;
    current = value;
    for (const listener of listeners) listener();
  };
  return () => {
    const value = useSyncExternalStore(subscribe, read);
    return [value, useCallback(write, [])];
  };
};
