import { useTranslation } from 'react-i18next';

/**
 * The browser opened web-host's address without its per-run token (copied without the end, or typed): there is
 * nothing to connect with, and trying again would not help. Say which address works instead.
 */
export const IncompleteLink = () => {
  const { t } = useTranslation();
  return (
    <main className="screen" data-testid="incomplete-link">
      <div className="card" role="alert">
        <h1>{t('incompleteLink.title')}</h1>
        <p>{t('incompleteLink.body')}</p>
      </div>
    </main>
  );
};
