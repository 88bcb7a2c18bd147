import { useCallback, useEffect, useRef } from 'react';

/**
 * Text the user types, saved a moment after typing stops, and flushed when the component goes away or the
 * window does (reload, quit). `save` must be stable per target (useCallback on the target's id): when the
 * target changes, what was typed for the previous one is flushed to the previous one.
 */
export const useDebouncedSave = <T>(save: (value: T) => void, pauseMs: number) => {
  const pending = useRef<{ value: T } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const cancel = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
  }, []);
  const flush = useCallback(() => {
    const waiting = pending.current;
    cancel();
    if (waiting) save(waiting.value);
  }, [save, cancel]);
  useEffect(() => {
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);
  const schedule = useCallback(
    (value: T) => {
      pending.current = { value };
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, pauseMs);
    },
    [flush, pauseMs],
  );
  return { schedule, cancel };
};
