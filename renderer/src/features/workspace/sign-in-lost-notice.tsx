import { useTranslation } from 'react-i18next';

type Props = { onSignIn: () => void };

/** The saved sign-in could not be read (a damaged vault): signed out, local work untouched, one step to sign in. */
export const SignInLostNotice = ({ onSignIn }: Props) => {
  const { t } = useTranslation('workspace');
  return (
    <div className="banner" role="status" data-testid="sign-in-lost">
      <span>{t('signInLost.notice')}</span>
      <button type="button" onClick={onSignIn}>
        {t('signInLost.action')}
      </button>
    </div>
  );
};
