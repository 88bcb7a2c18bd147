import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../../shared/contract/sync';
import { useSyncProblemText } from './use-sync-problem-text';

type SignInReason = 'invalid_credentials' | 'unreachable' | 'refused' | 'unconfigured';

type Props = {
  status: SyncStatus | null;
  onSignIn: (email: string, password: string) => Promise<{ ok: true } | { ok: false; reason: SignInReason }>;
  onSignOut: () => void;
  onSyncNow: () => void;
};

/** The platform account: sign in once; the password is sent to the platform and never stored. */
export const AccountCard = ({ status, onSignIn, onSignOut, onSyncNow }: Props) => {
  const { t } = useTranslation('sync');
  const problemText = useSyncProblemText();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<SignInReason | null>(null);
  const [busy, setBusy] = useState(false);
  if (!status) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const result = await onSignIn(email, password);
    setBusy(false);
    setPassword('');
    setError(result.ok ? null : result.reason);
  };

  return (
    <div className="card" data-testid="account-card">
      <h2>{t('account.title')}</h2>
      {status.connection === 'unconfigured' ? (
        <p className="muted">{t('account.unconfigured')}</p>
      ) : status.account ? (
        <>
          <p>{t('account.signedInAs', { email: status.account.email })}</p>
          <div className="button-row">
            <button type="button" onClick={onSyncNow}>
              {t('actions.syncNow')}
            </button>
            <button type="button" className="secondary" onClick={onSignOut}>
              {t('actions.signOut')}
            </button>
          </div>
          <p className="field-hint">{t('account.signOutKeepsData')}</p>
        </>
      ) : (
        <form className="stacked-form" onSubmit={(event) => void submit(event)}>
          <label className="field">
            <span className="field-label">{t('account.email')}</span>
            <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">{t('account.password')}</span>
            <input
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          {error && (
            <p className="form-error" role="alert">
              {t(`signInError.${error}`)}
            </p>
          )}
          <button type="submit" disabled={busy}>
            {t('actions.signIn')}
          </button>
        </form>
      )}
      {status.lastError && status.account && <p className="field-hint">{t('account.lastError', { reason: problemText(status.lastError) })}</p>}
    </div>
  );
};
