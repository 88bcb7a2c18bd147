import { useCallback, useEffect, useRef, useState } from 'react';
import type { AttentionPreferences, BackgroundSettings } from '../../../../shared/contract/attention';
import type { AttentionSettings } from '../../../../shared/domain/attention';
import { useClient } from '../../app/client-context';
import { useCoreAction } from '../../data/use-core-action';

type Patch = { attention?: AttentionSettings; background?: Partial<BackgroundSettings> };

/**
 * The notification and background settings as the core holds them, followed in every window through their
 * change event. A change shows at once; while this window's saves are on their way, the events they cause
 * (each a step behind the next click) are left out, and the last save's answer is what stays.
 */
export const useAttentionPreferences = () => {
  const client = useClient();
  const [preferences, setPreferences] = useState<AttentionPreferences | null>(null);
  const saving = useRef(0);
  useEffect(() => {
    let live = true;
    client.attention.getPreferences().then(
      (read) => live && setPreferences((current) => current ?? read),
      // The card stays hidden; the core's refusal is in its log.
      () => undefined,
    );
    const stop = client.on('attentionPreferencesChanged', (next) => {
      if (saving.current === 0) setPreferences(next);
    });
    return () => {
      live = false;
      stop();
    };
  }, [client]);
  const save = useCoreAction((core, patch: Patch) => core.attention.setPreferences(patch)).run;
  const update = useCallback(
    async (patch: Patch) => {
      setPreferences((current) =>
        current && { attention: patch.attention ?? current.attention, background: { ...current.background, ...patch.background } },
      );
      saving.current++;
      const result = await save(patch);
      saving.current--;
      // A refused save is said by the action; what the core holds shows again.
      const settled = result.ok ? result.value : await client.attention.getPreferences().catch(() => null);
      if (saving.current === 0 && settled) setPreferences(settled);
    },
    [save, client],
  );
  return { preferences, update };
};
