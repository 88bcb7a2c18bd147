import { useTranslation } from 'react-i18next';
import { nameLanguage } from '../../ui/display-names';
import { useCompleteness } from './use-portfolio';

export const LanguagesTab = () => {
  const { t, i18n } = useTranslation('portfolio');
  const { data } = useCompleteness();
  if (!data) return null;
  if (data.languages.length === 0) return <p className="muted">{t('empty')}</p>;
  return (
    <div className="pf-grid" data-testid="completeness">
      {data.languages.map((language) => (
        <section key={language.locale} className="card" aria-label={language.locale}>
          <h2>
            {nameLanguage(language.locale, i18n.language)} <span className="muted small">{t('completeCount', { complete: language.complete, total: language.total })}</span>
          </h2>
          <ul>
            {language.profile && language.profile.status !== 'complete' && (
              <li>
                {t('profileLabel')}: <span className={`pf-status pf-status-${language.profile.status}`}>{t(`status.${language.profile.status}`)}</span>
              </li>
            )}
            {language.items
              .filter((item) => item.status !== 'complete')
              .map((item) => (
                <li key={item.itemId}>
                  {item.title || t('untitled')}: <span className={`pf-status pf-status-${item.status}`}>{t(`status.${item.status}`)}</span>
                  {item.missingFields.length > 0 && item.status === 'incomplete' && (
                    <span className="muted small"> ({item.missingFields.map((field) => t(`fields.${field}`)).join(', ')})</span>
                  )}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
};
