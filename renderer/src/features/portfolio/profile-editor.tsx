import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDraft, ProfileDraft } from '../../../../shared/contract/drafts';
import type { ProfileView, SaveProfileInput } from '../../../../shared/contract/portfolio';
import { describeVariant, profileTextFields } from '../../../../shared/domain/portfolio';
import { locales } from '../../../../shared/i18n/locales';
import { languageLevels } from '../../../../shared/platform/records';
import { maxUploadBytes } from '../../../../shared/platform/writes';
import { RestoredDraftNotice } from '../../components/restored-draft-notice';
import { useFormDraft, useRestorableDraft } from '../../components/use-form-draft';
import { SyncFailure, Thumbnail } from './portfolio-parts';
import { PlatformProfiles } from './platform-profiles';
import { Badge } from '../../ui/badge';
import { nameLanguage } from '../../ui/display-names';
import { Tab, TabList, TabPanel, Tabs } from '../../ui/tabs';
import { joinSkills, splitSkills, statusTone } from './item-editor';
import { Select } from '../../ui/select';
import { formatLanguageName } from '../../../../shared/i18n/format';
import { SkillsPicker } from '../../ui/skills-picker';
import { CountryPicker, CurrencyPicker, LanguagePicker } from '../../ui/pickers';
import { cropSquare, readImageProblem, toBase64, useProfile, useRetryProfile, usePortfolioWrites } from './use-portfolio';

/** The form's state as typed: what a draft keeps, and what Save turns into the profile. */
type ProfileForm = ProfileDraft;

const toForm = (profile: ProfileView | null, locale: string): ProfileForm => ({
  name: profile?.name ?? '',
  country: profile?.country ?? null,
  city: profile?.city ?? null,
  hourlyRateMinor: profile?.hourlyRateMinor ?? null,
  currency: profile?.currency ?? 'EUR',
  skillsText: joinSkills(profile?.skills ?? []),
  languages: profile?.languages ?? [],
  defaultLocale: profile?.defaultLocale ?? locale,
  avatarHash: profile?.avatarHash ?? null,
  variants: profile?.variants.length
    ? profile.variants.map(({ locale: tag, headline, bio, sourceLocale }) => ({ locale: tag, headline, bio, sourceLocale }))
    : [{ locale, headline: '', bio: '', sourceLocale: null }],
});

const toSaveInput = (form: ProfileForm): SaveProfileInput => ({
  name: form.name,
  country: form.country,
  city: form.city,
  hourlyRateMinor: form.hourlyRateMinor,
  currency: form.currency,
  skills: splitSkills(form.skillsText),
  languages: form.languages,
  defaultLocale: form.defaultLocale,
  avatarHash: form.avatarHash,
  variants: form.variants,
});

const toDraft = (value: ProfileForm): FormDraft => ({ form: 'profile', value });

const ProfileForm = ({ profile, restored, onDiscarded }: { profile: ProfileView | null; restored: { value: ProfileForm; savedAt: string } | null; onDiscarded: () => void }) => {
  const { t, i18n } = useTranslation('portfolio');
  const writes = usePortfolioWrites();
  const retryProfile = useRetryProfile();
  const pristine = useMemo(() => toForm(profile, i18n.language), [profile, i18n.language]);
  const { value: draft, update: setDraft, latest, keep, discard, cancel } = useFormDraft('profile', null, toDraft, pristine, restored?.value ?? null);
  const [locale, setLocale] = useState(draft.defaultLocale);
  const [saved, setSaved] = useState<'idle' | 'saved' | 'failed'>('idle');
  const [avatarProblem, setAvatarProblem] = useState<string | null>(null);
  const [showRestored, setShowRestored] = useState(restored !== null);
  const variant = draft.variants.find((candidate) => candidate.locale === locale);
  const spokenAddable = locales.filter((tag) => !draft.languages.some((language) => language.tag === tag));
  const variantAddable = locales.filter((tag) => !draft.variants.some((candidate) => candidate.locale === tag));
  const tracked = (profile?.variants ?? []).map((candidate) => ({ ...candidate, fields: { headline: candidate.headline, bio: candidate.bio } }));
  const setText = (field: 'headline' | 'bio', value: string): void =>
    setDraft((previous) => ({
      ...previous,
      variants: previous.variants.map((candidate) => (candidate.locale === locale ? { ...candidate, [field]: value } : candidate)),
    }));
  const save = async (): Promise<void> => {
    // The save clears the draft in its own transaction: nothing still pending may write it again after.
    cancel();
    try {
      await writes.saveProfile(toSaveInput(latest.current));
      setSaved('saved');
      setShowRestored(false);
    } catch {
      keep(latest.current);
      setSaved('failed');
    }
  };
  // The picture is cropped to its middle square and scaled down here, then imported like any image.
  const pickAvatar = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    const square = file.size <= maxUploadBytes ? await cropSquare(file) : null;
    if (!square) {
      setAvatarProblem(t(file.size > maxUploadBytes ? 'imageError.image_too_large' : 'imageError.image_not_supported', { name: file.name }));
      return;
    }
    try {
      const image = await writes.importImage({ name: file.name, base64: toBase64(square) });
      setDraft((previous) => ({ ...previous, avatarHash: image.hash }));
      setAvatarProblem(null);
    } catch (error) {
      setAvatarProblem(t(`imageError.${readImageProblem(error) ?? 'image_not_supported'}`, { name: file.name }));
    }
  };
  // A platform's text copied into the language being edited: in the draft only, until the user saves.
  const copyText = (field: 'headline' | 'bio', value: string): void => {
    if (!variant) setDraft((previous) => ({ ...previous, variants: [...previous.variants, { locale, headline: '', bio: '', sourceLocale: null }] }));
    setText(field, value);
  };
  return (
    <div className="pf-profile-layout">
      <form className="pf-editor card" aria-label={t('profileLabel')} onSubmit={(event) => (event.preventDefault(), void save())}>
        {showRestored && restored && <RestoredDraftNotice savedAt={restored.savedAt} onDiscard={() => void discard().then(onDiscarded)} />}
        <div className="pf-avatar-row" data-testid="avatar">
          {draft.avatarHash ? <Thumbnail hash={draft.avatarHash} alt={t('avatar.label')} className="pf-avatar" /> : <span className="pf-avatar pf-thumb-empty" />}
          <div className="pf-avatar-actions">
            <label className="pf-pick">
              {t('avatar.choose')}
              <input type="file" accept="image/png,image/jpeg,image/gif,image/webp" data-testid="avatar-input" onChange={(event) => void pickAvatar(event.target.files?.[0])} />
            </label>
            {draft.avatarHash && (
              <button type="button" className="secondary" onClick={() => setDraft((previous) => ({ ...previous, avatarHash: null }))}>
                {t('avatar.remove')}
              </button>
            )}
            <span className="field-hint">{t('avatar.hint')}</span>
            {avatarProblem && (
              <p className="pf-note pf-status-missing" role="alert">
                {avatarProblem}
              </p>
            )}
          </div>
        </div>
        <label className="field">
          <span className="field-label">{t('profile.name')}</span>
          <input value={draft.name} onChange={(event) => setDraft((previous) => ({ ...previous, name: event.target.value }))} />
        </label>
        <div className="toolbar">
          <CountryPicker
            label={t('profile.country')}
            value={draft.country}
            onChange={(country) => setDraft((previous) => ({ ...previous, country }))}
            testId="profile-country"
            className="pf-country"
          />
          <label className="field">
            <span className="field-label">{t('profile.hourlyRate')}</span>
            <input
              type="number"
              min={0}
              step="0.01"
              value={draft.hourlyRateMinor === null || draft.hourlyRateMinor === undefined ? '' : draft.hourlyRateMinor / 100}
              onChange={(event) =>
                setDraft((previous) => ({ ...previous, hourlyRateMinor: event.target.value === '' ? null : Math.round(Number(event.target.value) * 100) }))
              }
            />
          </label>
          <CurrencyPicker
            label={t('profile.currency')}
            value={draft.currency}
            onChange={(currency) => setDraft((previous) => ({ ...previous, currency }))}
            testId="profile-currency"
            className="pf-currency"
          />
        </div>
        <SkillsPicker
          label={t('fields.skills')}
          value={splitSkills(draft.skillsText)}
          onChange={(skills) => setDraft((previous) => ({ ...previous, skillsText: joinSkills(skills) }))}
          testId="profile-skills"
        />
        <fieldset className="field pf-spoken">
          <legend className="field-label">{t('profile.spoken')}</legend>
          {draft.languages.map((language, index) => (
            <div key={language.tag} className="toolbar">
              <span className="pf-spoken-name">{nameLanguage(language.tag, i18n.language)}</span>
              <Select
                hideLabel
                label={t('profile.levelOf', { language: formatLanguageName(language.tag, i18n.language) })}
                testId={`spoken-level-${language.tag}`}
                value={language.level}
                options={languageLevels.map((level) => ({ id: level, label: t(`levels.${level}`) }))}
                onChange={(level) =>
                  setDraft((previous) => ({ ...previous, languages: previous.languages.map((other, at) => (at === index ? { ...other, level } : other)) }))
                }
              />
              <button
                type="button"
                className="secondary"
                onClick={() => setDraft((previous) => ({ ...previous, languages: previous.languages.filter((_, at) => at !== index) }))}
              >
                {t('editor.delete')}
              </button>
            </div>
          ))}
          {spokenAddable.length > 0 && (
            <LanguagePicker
              label={t('profile.addSpoken')}
              hideLabel
              placeholder={t('profile.addSpoken')}
              languages={spokenAddable}
              value={null}
              clearOnSelect
              onChange={(tag) => setDraft((previous) => ({ ...previous, languages: [...previous.languages, { tag, level: 'professional' }] }))}
              testId="add-spoken-language"
            />
          )}
        </fieldset>
        <Tabs className="pf-variant-tabs" selectedKey={locale} onSelectionChange={setLocale} keys={draft.variants.map((candidate) => candidate.locale)}>
          <div className="pf-langs">
            <TabList label={t('editor.languages')}>
              {draft.variants.map((candidate) => {
                const mark = profile ? describeVariant(tracked, candidate.locale, profile.defaultLocale ?? candidate.locale, profileTextFields).status : null;
                return (
                  <Tab key={candidate.locale} id={candidate.locale} testId={`profile-variant-tab-${candidate.locale}`}>
                    {nameLanguage(candidate.locale, i18n.language)}
                    {mark && mark !== 'complete' && <Badge tone={statusTone[mark]}>{t(`status.${mark}`)}</Badge>}
                  </Tab>
                );
              })}
            </TabList>
            {variantAddable.length > 0 && (
              <LanguagePicker
                label={t('editor.addLanguage')}
                hideLabel
                placeholder={t('editor.addLanguage')}
                languages={variantAddable}
                value={null}
                clearOnSelect
                onChange={(tag) => {
                  setDraft((previous) => ({ ...previous, variants: [...previous.variants, { locale: tag, headline: '', bio: '', sourceLocale: previous.defaultLocale }] }));
                  setLocale(tag);
                }}
                testId="add-profile-language"
                className="pf-add-language"
              />
            )}
          </div>
          <TabPanel key={locale} id={locale} className="pf-variant-panel">
            {variant && (
              <>
                <label className="field">
                  <span className="field-label">{t('profile.headline')}</span>
                  <input value={variant.headline} onChange={(event) => setText('headline', event.target.value)} />
                </label>
                <label className="field">
                  <span className="field-label">{t('profile.bio')}</span>
                  <textarea rows={6} value={variant.bio} onChange={(event) => setText('bio', event.target.value)} />
                </label>
              </>
            )}
          </TabPanel>
        </Tabs>
        {!profile?.userId && <p className="field-hint">{t('profile.localOnly')}</p>}
        {profile?.syncError && <SyncFailure problem={profile.syncError} onRetry={() => void retryProfile()} />}
        {saved === 'saved' && <p className="field-hint">{t('profile.saved')}</p>}
        {saved === 'failed' && <p role="alert">{t('editor.saveFailed')}</p>}
        <div className="toolbar">
          <button type="submit">{t('editor.save')}</button>
        </div>
      </form>
      <PlatformProfiles locale={locale} onUse={copyText} />
    </div>
  );
};

export const ProfileEditor = () => {
  const { data, loaded, failed } = useProfile();
  const { t } = useTranslation('portfolio');
  if (failed) return <p role="alert">{t('error')}</p>;
  // The form starts from the first answer and stays mounted afterwards, so a save never wipes what is typed.
  if (!loaded) return null;
  // Once the first sync ties the profile to the account (and fills what was left empty from the platform's),
  // the form starts again from that profile, so a later save cannot send the older, emptier draft.
  return <ProfileFormWithDraft key={data?.userId ?? 'local'} profile={data} />;
};

/** Opens the form with what was typed into it before and never saved, if there is such a draft, and says so. */
const ProfileFormWithDraft = ({ profile }: { profile: ProfileView | null }) => {
  const { loaded, restored, onDiscarded } = useRestorableDraft('profile', null, (draft) => (draft.form === 'profile' ? draft.value : null));
  if (!loaded) return null;
  // Discarding starts the form again from the saved profile.
  return <ProfileForm key={restored ? 'restored' : 'saved'} profile={profile} restored={restored} onDiscarded={onDiscarded} />;
};
