import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isAllowedBaseUrl, type AccountSignInResult } from '../../../../shared/contract/accounts';
import { platformServers, type AccountId, type PlatformId } from '../../../../shared/domain/accounts';
import { Button } from '../../ui/button';
import { BrowserSignIn } from './browser-sign-in';
import { signInFailureText } from './account-errors';

type Server = 'production' | 'sandbox';

/** What the form hands to the core: the platform, its address (null: the platform's default) and the secret. */
export type CredentialsInput = {
  platform: PlatformId;
  baseUrl: string | null;
  label: string | null;
  credentials: { kind: 'password'; email: string; password: string } | { kind: 'token'; token: string };
};

type Props = {
  platform: PlatformId;
  /** Adding asks for the address and a label too; signing an account in again only for its secret. */
  mode: 'add' | 'signIn';
  onSubmit: (input: CredentialsInput) => Promise<AccountSignInResult | null>;
  onCancel: () => void;
  submitLabel: string;
  /** Freelancer.com: signing in through the browser as well (offered when the build has a client id). */
  browser?: { available: boolean; accountId?: AccountId; onSignedIn: (result: Extract<AccountSignInResult, { ok: true }>) => void };
};

/**
 * Email and password for the reference platform; a personal access token for Freelancer.com (production,
 * sandbox, or under Advanced any https address, http only on this computer). Secrets are sent once to the core,
 * which keeps only the session in the system's secret store; the fields are cleared after every attempt.
 */
export const CredentialsForm = ({ platform, mode, onSubmit, onCancel, submitLabel, browser }: Props) => {
  const { t } = useTranslation('sync');
  const ids = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [token, setToken] = useState('');
  const [label, setLabel] = useState('');
  const [server, setServer] = useState<Server>('production');
  const [customUrl, setCustomUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [waitingForBrowser, setWaitingForBrowser] = useState(false);

  const servers = platformServers[platform];
  const trimmedUrl = customUrl.trim();
  // An address under Advanced is used instead of the server chosen; the reference platform has no public server,
  // so there a blank address means the one this app was started with.
  const urlError = trimmedUrl !== '' && !isAllowedBaseUrl(trimmedUrl) ? t('accounts.form.urlInvalid') : null;
  const baseUrl = (): string | null => (trimmedUrl !== '' ? trimmedUrl : (servers?.[server] ?? null));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (urlError) return;
    setBusy(true);
    setError(null);
    const result = await onSubmit({
      platform,
      baseUrl: mode === 'add' ? baseUrl() : null,
      label: label.trim() === '' ? null : label.trim(),
      credentials: platform === 'freelancer' ? { kind: 'token', token: token.trim() } : { kind: 'password', email: email.trim(), password },
    });
    setBusy(false);
    setPassword('');
    setToken('');
    // null: the call itself failed, already said in the notice region.
    if (result && !result.ok) setError(signInFailureText(t, platform, result.reason));
  };

  const serverFields = (
    <>
      {mode === 'add' && (
        <>
          {servers && (
            <fieldset className="accounts-servers">
              <legend className="field-label">{t('accounts.form.server')}</legend>
              {(['production', 'sandbox'] as const).map((choice) => (
                <label key={choice} className="check">
                  <input
                    type="radio"
                    name={`${ids}-server`}
                    checked={trimmedUrl === '' && server === choice}
                    disabled={trimmedUrl !== ''}
                    onChange={() => setServer(choice)}
                    data-testid={`server-${choice}`}
                  />
                  <span>{t(`accounts.form.server_${choice}`)}</span>
                </label>
              ))}
            </fieldset>
          )}
          <label className="field">
            <span className="field-label">{t('accounts.form.label')}</span>
            <input type="text" maxLength={80} value={label} onChange={(event) => setLabel(event.target.value)} data-testid="account-label" placeholder={t('accounts.form.labelPlaceholder')} />
          </label>
          <details className="accounts-advanced">
            <summary>{t('accounts.form.advanced')}</summary>
            <label className="field">
              <span className="field-label">{servers ? t('accounts.form.server_custom') : t('accounts.form.url')}</span>
              <input
                type="url"
                inputMode="url"
                spellCheck={false}
                value={customUrl}
                onChange={(event) => setCustomUrl(event.target.value)}
                data-testid="account-url"
                placeholder="https://"
                aria-invalid={urlError ? true : undefined}
                aria-describedby={`${ids}-url-hint`}
              />
              <span className={urlError ? 'form-error' : 'field-hint'} id={`${ids}-url-hint`}>
                {urlError ?? (servers ? t('accounts.form.urlHint') : t('accounts.form.urlHintBottega'))}
              </span>
            </label>
          </details>
        </>
      )}
    </>
  );

  return (
    <form className="stacked-form accounts-form" onSubmit={(event) => void submit(event)} data-testid="credentials-form">
      {/* Where and under what name: asked first, since the browser sign-in goes there too. */}
      {browser && !waitingForBrowser && serverFields}
      {browser && (
        <BrowserSignIn
          platform={platform}
          {...(browser.accountId ? { accountId: browser.accountId } : {})}
          available={browser.available}
          disabled={busy || urlError !== null}
          target={() => ({ baseUrl: mode === 'add' ? baseUrl() : null, label: label.trim() === '' ? null : label.trim() })}
          onWaitingChange={setWaitingForBrowser}
          onSignedIn={browser.onSignedIn}
        />
      )}
      {browser?.available && !waitingForBrowser && (
        <p className="accounts-or">{t('accounts.browser.or')}</p>
      )}
      {!waitingForBrowser && (
        <>
          {platform === 'bottega' ? (
            <>
              <label className="field">
                <span className="field-label">{t('account.email')}</span>
                <input type="email" autoComplete="username" required value={email} onChange={(event) => setEmail(event.target.value)} data-testid="account-email" />
              </label>
              <label className="field">
                <span className="field-label">{t('account.password')}</span>
                <input type="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} data-testid="account-password" />
              </label>
            </>
          ) : (
            <label className="field">
              <span className="field-label">{t('accounts.form.token')}</span>
              <input
                type="password"
                autoComplete="off"
                spellCheck={false}
                required
                value={token}
                onChange={(event) => setToken(event.target.value)}
                data-testid="account-token"
                aria-describedby={`${ids}-token-hint`}
              />
              <span className="field-hint" id={`${ids}-token-hint`}>
                {t('accounts.form.tokenHint')}
              </span>
            </label>
          )}
          {!browser && serverFields}
          {error && (
            <p className="form-error" role="alert" data-testid="account-form-error">
              {error}
            </p>
          )}
          <div className="button-row accounts-form-buttons">
            <Button variant="secondary" onPress={onCancel}>
              {t('accounts.cancel')}
            </Button>
            <Button variant={browser?.available ? 'secondary' : 'primary'} type="submit" isDisabled={busy || urlError !== null} data-testid="account-submit">
              {busy ? t('accounts.form.checking') : submitLabel}
            </Button>
          </div>
        </>
      )}
    </form>
  );
};
