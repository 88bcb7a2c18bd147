import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLanguageName } from '../../../../shared/i18n/format';
import { locales } from '../../../../shared/i18n/locales';
import { ExternalLink } from '../../components/external-link';
import { usePreview, useProfile } from './use-portfolio';
import { Thumbnail } from './portfolio-parts';
import { TransferBar } from './transfer-bar';
import { Select } from '../../ui/select';
import { nameLanguage } from '../../ui/display-names';

export const PreviewTab = () => {
  const { t, i18n } = useTranslation('portfolio');
  const [locale, setLocale] = useState(i18n.language);
  const { data } = usePreview(locale);
  const avatarHash = useProfile().data?.avatarHash ?? null;
  const note = (shown: string | null, reason: string) =>
    reason === 'exact' ? null : (
      <p className="pf-note pf-status-outdated" data-testid="fallback-note">
        {reason === 'none' ? t('fallback.none') : t(`fallback.${reason}`, { shown: shown ? formatLanguageName(shown, i18n.language) : '', wanted: formatLanguageName(locale, i18n.language) })}
      </p>
    );
  return (
    <div className="pf-preview">
      <Select
        inline
        label={t('previewAs')}
        testId="preview-locale"
        value={locale}
        options={locales.map((tag) => ({ id: tag, label: nameLanguage(tag, i18n.language), hint: tag.toUpperCase() }))}
        onChange={setLocale}
        className="pf-preview-locale"
      />
      <TransferBar locale={locale} />
      <p className="field-hint">{t('fallback.rules')}</p>
      {data?.profile && (
        <section className="card" data-testid="preview-profile">
          <div className="pf-profile-head">
            {avatarHash && <Thumbnail hash={avatarHash} alt={t('avatar.label')} className="pf-avatar" />}
            <div>
              <h2>{data.profile.name}</h2>
              <p>{data.profile.headline}</p>
            </div>
          </div>
          <p className="pf-text">{data.profile.bio}</p>
          {note(data.profile.shownLocale, data.profile.reason)}
        </section>
      )}
      {data?.items.map((item) => (
        <article key={item.id} className="card" data-testid="preview-item">
          {item.imageHashes[0] && <Thumbnail hash={item.imageHashes[0]} alt="" />}
          <h2>{item.title}</h2>
          {item.role && <p className="muted">{item.role}</p>}
          <p className="pf-text">{item.description}</p>
          {item.links.length > 0 && (
            <ul className="pf-preview-links">
              {item.links.map((link) => (
                <li key={link}>
                  <ExternalLink href={link} />
                </li>
              ))}
            </ul>
          )}
          {note(item.shownLocale, item.reason)}
        </article>
      ))}
    </div>
  );
};
