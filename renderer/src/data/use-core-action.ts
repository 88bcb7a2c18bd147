import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BottegaClient } from '../../../shared/contract';
import { useClient } from '../app/client-context';
import { rpcErrorText } from '../components/rpc-error-text';
import { useNotify } from './notices';

export type ActionResult<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * A call that changes something in the core. `run` never rejects: a failure is said in the user's language in
 * the app's notice region (and logged), and answered as `{ ok: false }` for callers that need to know.
 */
export const useCoreAction = <A extends unknown[], R>(action: (client: BottegaClient, ...args: A) => Promise<R>) => {
  const client = useClient();
  const notify = useNotify();
  const { t } = useTranslation('common');
  const [pending, setPending] = useState(0);
  const run = useCallback(
    async (...args: A): Promise<ActionResult<R>> => {
      setPending((count) => count + 1);
      try {
        return { ok: true, value: await action(client, ...args) };
      } catch (error) {
        console.error('Action failed', error);
        notify(rpcErrorText(t, error));
        return { ok: false, error };
      } finally {
        setPending((count) => count - 1);
      }
    },
    // `action` is usually an inline arrow; what it calls is fixed by the client it is given.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [client, notify, t],
  );
  return { run, pending: pending > 0 };
};
