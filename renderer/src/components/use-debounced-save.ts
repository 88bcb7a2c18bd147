import { useEffect, useMemo } from 'react';
import { createSaveScheduler, type SaveTiming } from './save-scheduler';

/**
 * Text the user types, saved after a pause (and at least every `maxWaitMs` while typing goes on), and
 * flushed when the component goes away or the window does (reload, quit). `save` must be stable per target
 * (useCallback on the target's id): when the target changes, what was typed for the previous one is flushed
 * to the previous one.
 */
export const useDebouncedSave = <T>(save: (value: T) => void, { pauseMs, maxWaitMs }: SaveTiming) => {
  const scheduler = useMemo(() => createSaveScheduler(save, { pauseMs, maxWaitMs }), [save, pauseMs, maxWaitMs]);
  useEffect(() => {
    window.addEventListener('pagehide', scheduler.flush);
    return () => {
      window.removeEventListener('pagehide', scheduler.flush);
      scheduler.flush();
    };
  }, [scheduler]);
  return { schedule: scheduler.schedule, flush: scheduler.flush, cancel: scheduler.cancel };
};
