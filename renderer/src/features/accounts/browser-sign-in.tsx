import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExternalLink, LoaderCircle } from 'lucide-react';
import type { AccountSignInResult } from '../../../../shared/contract/accounts';
import type { AccountId, PlatformId } from '../../../../shared/domain/accounts';
import { matchLocale } from '../../../../shared/i18n/locales';
import { useClient } from '../../app/client-context';
import { useCoreAction } from '../../data/use-core-action';
import { Button } from '../../ui/button';
import { Callout } from '../../ui/callout';
import { signInFailureText } from './account-errors';

type Props = {
  platform: PlatformId;
  /** Signing an existing account in again; absent when adding one. */
  accountId?: AccountId;
  /** The server chosen in the form (null: the platform's default) and the name asked for. */
  target: () => { baseUrl: string | null; label: string | null };
  /** This build can sign in through the browser (it has a client id for the platform). */
  available: boolean;
  disabled?: boolean;
  onWaitingChange: (waiting: boolean) => void;
  onSignedIn: (result: Extract<AccountSignInResult, { ok: true }>) => void;
};

/**
 * "Sign in with Freelancer.com": the core opens the platform's page in the system browser and waits for it to come
 * back (OAuth 2.0 with PKCE, loopback redirect). Meanwhile this says so, with Cancel; every way it can fail is
 * said in the user's language with what to do next. No token, code or verifier ever reaches this side.
 */
export const BrowserSignIn = ({ platform, accountId, target, available, disabled, onWaitingChange, onSignedIn }: Props) => {
  const { t, i18n } = useTranslation('sync');
  const [flowId, setFlowId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const current = useRef<string | null>(null);
  // The form's values are read when the button is pressed and passed in: run() keeps its first render's closure.
  const signIn = useCoreAction((client, id: string, { baseUrl, label }: { baseUrl: string | null; label: string | null }) =>
    client.accounts.signInWithBrowser({
      flowId: id,
      platform,
      locale: matchLocale([i18n.language]),
      ...(accountId ? { accountId } : {}),
      ...(baseUrl && !accountId ? { baseUrl } : {}),
      ...(label && !accountId ? { label } : {}),
    }),
  );
  const cancel = useCoreAction((client, id: string) => client.accounts.cancelBrowserSignIn({ flowId: id }));
  // The dialog closed while the browser was still out: the core stops listening for it. On the client itself (one
  // per connection), not through run(), which changes with the language and would cancel a wait on a switch.
  const client = useClient();
  useEffect(
    () => () => {
      if (current.current) client.accounts.cancelBrowserSignIn({ flowId: current.current }).catch(() => undefined);
    },
    [client],
  );

  if (!available) {
    return (
      <p className="field-hint" data-testid="browser-sign-in-unavailable">
        {t('accounts.browser.noClientId')}
      </p>
    );
  }

  const start = async () => {
    const id = crypto.randomUUID();
    current.current = id;
    setProblem(null);
    setFlowId(id);
    onWaitingChange(true);
    const result = await signIn.run(id, target());
    if (current.current !== id) return;
    current.current = null;
    setFlowId(null);
    onWaitingChange(false);
    // null-like: the call itself failed, already said in the notice region.
    if (!result.ok) return;
    if (result.value.ok) onSignedIn(result.value);
    else setProblem(signInFailureText(t, platform, result.value.reason, 'browser'));
  };

  if (flowId) {
    return (
      <Callout
        testId="browser-sign-in-waiting"
        title={t('accounts.browser.waiting')}
        icon={<LoaderCircle size={18} className="accounts-browser-spinner" />}
        actions={
          <Button size="small" variant="secondary" onPress={() => void cancel.run(flowId)} data-testid="browser-sign-in-cancel">
            {t('accounts.browser.cancel')}
          </Button>
        }
      >
        {t('accounts.browser.waitingHint')}
      </Callout>
    );
  }

  return (
    <div className="accounts-browser">
      <Button variant="primary" icon={<ExternalLink size={16} aria-hidden="true" />} onPress={() => void start()} isDisabled={disabled} data-testid="browser-sign-in">
        {t('accounts.browser.signIn')}
      </Button>
      <span className="field-hint">{t('accounts.browser.about')}</span>
      {problem && (
        <p className="form-error" role="alert" data-testid="browser-sign-in-error">
          {problem}
        </p>
      )}
    </div>
  );
};
