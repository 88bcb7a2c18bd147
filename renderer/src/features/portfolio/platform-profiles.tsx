import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlatformProfileView } from '../../../../shared/contract/portfolio';
import { formatDateTime, formatMoney, formatRegionName } from '../../../../shared/i18n/format';
import { useCoreQuery } from '../../data/use-core-query';
import { PlatformBadge } from '../accounts/platform-badge';
import { nameLanguage } from '../../ui/display-names';
import { useSkillName } from '../../ui/skill-names';

/** Each account's profile and portfolio on its marketplace (read-only, pulled), read again when a sync brings news. */
export const usePlatformProfiles = (): PlatformProfileView[] =>
  useCoreQuery(['portfolio.listPlatformProfiles'], (client) => client.portfolio.listPlatformProfiles({}), { invalidatedBy: ['portfolioChanged'] }).data ?? [];

type UseText = (field: 'headline' | 'bio', text: string) => void;

/**
 * Beside the profile the user writes: what each account's platform shows, read-only ("On Freelancer.com"). Its
 * texts can be copied into the draft of the language being edited (nothing is saved until the user saves), never
 * the other way: a pull never writes into the user's own profile.
 */
export const PlatformProfiles = ({ locale, onUse }: { locale: string; onUse: UseText }) => {
  const profiles = usePlatformProfiles();
  if (profiles.length === 0) return null;
  return (
    <aside className="pf-platforms" data-testid="platform-profiles">
      {profiles.map((profile) => (
        <PlatformProfileCard key={profile.accountId} profile={profile} locale={locale} onUse={onUse} />
      ))}
    </aside>
  );
};

const PlatformProfileCard = ({ profile, locale, onUse }: { profile: PlatformProfileView; locale: string; onUse: UseText }) => {
  const { t, i18n } = useTranslation('portfolio');
  const skillName = useSkillName();
  const [copied, setCopied] = useState<'headline' | 'bio' | null>(null);
  const platform = t(`sync:platform.${profile.platform}`);
  const language = nameLanguage(locale, i18n.language);
  const place = [profile.city, profile.country ? formatRegionName(profile.country, i18n.language) : null].filter(Boolean).join(', ');
  const use = (field: 'headline' | 'bio', text: string): void => {
    onUse(field, text);
    setCopied(field);
  };
  const titleId = `pf-platform-${profile.accountId}`;
  return (
    <section className="pf-platform card" aria-labelledby={titleId} data-testid="platform-profile">
      <header className="pf-platform-head">
        <h2 id={titleId}>{t('platform.title', { platform })}</h2>
        <PlatformBadge account={{ id: profile.accountId, platform: profile.platform, label: profile.accountLabel }} showLabel />
      </header>
      <p className="muted small">{t('platform.readOnly', { platform, time: formatDateTime(profile.fetchedAt, i18n.language) })}</p>
      <dl className="pf-platform-facts">
        <dt>{t('profile.name')}</dt>
        <dd>{profile.name}</dd>
        {place && (
          <>
            <dt>{t('platform.place')}</dt>
            <dd>{place}</dd>
          </>
        )}
        {profile.hourlyRateMinor !== null && profile.currency && (
          <>
            <dt>{t('profile.hourlyRate')}</dt>
            <dd>{formatMoney(profile.hourlyRateMinor, profile.currency, i18n.language)}</dd>
          </>
        )}
        {profile.skills.length > 0 && (
          <>
            <dt>{t('fields.skills')}</dt>
            <dd>{profile.skills.map(skillName).join(' · ')}</dd>
          </>
        )}
      </dl>
      {profile.tagline && (
        <div className="pf-platform-text">
          <h3>{t('platform.tagline')}</h3>
          <p>{profile.tagline}</p>
          <button type="button" className="secondary" onClick={() => use('headline', profile.tagline)} data-testid="use-platform-headline">
            {t('platform.useAsHeadline', { language })}
          </button>
        </div>
      )}
      {profile.description && (
        <div className="pf-platform-text">
          <h3>{t('platform.description')}</h3>
          <p className="pf-text">{profile.description}</p>
          <button type="button" className="secondary" onClick={() => use('bio', profile.description)} data-testid="use-platform-bio">
            {t('platform.useAsBio', { language })}
          </button>
        </div>
      )}
      {copied && (
        <p className="field-hint" role="status">
          {t('platform.copied', { language })}
        </p>
      )}
      <PlatformPortfolio profile={profile} />
    </section>
  );
};

/** The account's portfolio items on its platform: read-only, badged with the account where they are listed alone. */
export const PlatformPortfolio = ({ profile, badged = false }: { profile: PlatformProfileView; badged?: boolean }) => {
  const { t } = useTranslation('portfolio');
  const platform = t(`sync:platform.${profile.platform}`);
  if (profile.portfolio.length === 0) return null;
  return (
    <div className="pf-platform-portfolio">
      <h3>
        {t('platform.portfolio', { platform, count: profile.portfolio.length })}
        {badged && <PlatformBadge account={{ id: profile.accountId, platform: profile.platform, label: profile.accountLabel }} />}
      </h3>
      <ul data-testid="platform-portfolio">
        {profile.portfolio.map((item) => (
          <li key={item.id}>
            <strong>{item.title || t('untitled')}</strong>
            {item.description && <span className="muted small">{item.description}</span>}
            {item.files.length > 0 && <span className="muted small">{t('platform.files', { files: item.files.join(', '), count: item.files.length })}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
};
