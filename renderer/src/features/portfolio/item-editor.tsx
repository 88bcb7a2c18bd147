import { useCallback, useMemo, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDraft, PortfolioItemDraft } from '../../../../shared/contract/drafts';
import type { PortfolioItemView, SaveItemInput } from '../../../../shared/contract/portfolio';
import { chooseVariant, describeVariant, portfolioTextFields, type PortfolioTextField } from '../../../../shared/domain/portfolio';
import { maxUploadBytes } from '../../../../shared/platform/writes';
import { locales } from '../../../../shared/i18n/locales';
import { RestoredDraftNotice } from '../../components/restored-draft-notice';
import { useFormDraft, useRestorableDraft } from '../../components/use-form-draft';
import { readImageProblem, toBase64, usePortfolioWrites } from './use-portfolio';
import { Thumbnail } from './portfolio-parts';
import { LinksEditor } from './links-editor';
import { Badge, type BadgeTone } from '../../ui/badge';
import { useConfirm } from '../../ui/dialog';
import { showToast } from '../../ui/toast';
import { nameLanguage } from '../../ui/display-names';
import { LanguagePicker } from '../../ui/pickers';
import { Tab, TabList, TabPanel, Tabs } from '../../ui/tabs';
import { Select } from '../../ui/select';
import { SkillsPicker } from '../../ui/skills-picker';

const fieldsOf = (variant: PortfolioItemView['variants'][number]) => ({
  ...variant,
  fields: Object.fromEntries(portfolioTextFields.map((field) => [field, variant[field]])),
});

/** A language's completeness as a badge's tone: missing is a problem, outdated a warning, incomplete a note. */
export const statusTone: Record<'missing' | 'outdated' | 'incomplete', BadgeTone> = { missing: 'danger', outdated: 'warning', incomplete: 'info' };

/** What a form's item is called for the user: its title in the UI's language, else in its main language. */
const titleOfForm = (form: ItemForm, locale: string): string =>
  (form.variants.find((variant) => variant.locale === locale)?.title || form.variants.find((variant) => variant.locale === form.defaultLocale)?.title || '').trim();

/** The item's title in the interface language, by the same fallback rules a client gets. */
export const titleIn = (item: PortfolioItemView, locale: string): string =>
  chooseVariant(item.variants.map(fieldsOf), locale, item.defaultLocale, 'title').variant?.fields['title'] ?? '';

/** The editor's state as typed: what a draft keeps, and what Save turns into the item. */
type ItemForm = PortfolioItemDraft;

const emptyForm = (locale: string): ItemForm => ({
  defaultLocale: locale,
  skillsText: '',
  links: [],
  imageHashes: [],
  visibility: 'public',
  completedOn: null,
  variants: [{ locale, title: '', role: '', description: '', goal: '', solution: '', sourceLocale: null }],
});

const toForm = (item: PortfolioItemView): ItemForm => ({
  defaultLocale: item.defaultLocale,
  skillsText: joinSkills(item.skills),
  links: item.links,
  imageHashes: item.imageHashes,
  visibility: item.visibility,
  completedOn: item.completedOn,
  variants: item.variants.map((variant) => ({
    locale: variant.locale,
    title: variant.title,
    role: variant.role,
    description: variant.description,
    goal: variant.goal,
    solution: variant.solution,
    sourceLocale: variant.sourceLocale,
  })),
});

/** The draft keeps skills as one line of text (its stored shape); the picker works on the list. */
export const splitSkills = (text: string): string[] => [...new Set(text.split(',').map((skill) => skill.trim().toLowerCase()).filter(Boolean))];
export const joinSkills = (skills: readonly string[]): string => skills.join(', ');

// The "translated from" choice for a text written in this language.
const notTranslated = '-';

const toSaveInput = (id: string | null, form: ItemForm): SaveItemInput => ({
  id,
  defaultLocale: form.defaultLocale,
  skills: splitSkills(form.skillsText),
  links: form.links,
  imageHashes: form.imageHashes,
  visibility: form.visibility,
  completedOn: form.completedOn || null,
  variants: form.variants,
});

type EditorProps = { item: PortfolioItemView | null; uiLocale: string; onDone: () => void };

/** Opens the editor with what was typed into it before and never saved, if there is such a draft, and says so. */
export const ItemEditorWithDraft = ({ item, uiLocale, onDone }: EditorProps) => {
  const { loaded, restored, onDiscarded } = useRestorableDraft('portfolio-item', item?.id ?? null, (draft) =>
    draft.form === 'portfolio-item' ? draft.value : null,
  );
  if (!loaded) return null;
  // Discarding starts the editor again from the saved item (a new one: empty).
  return <ItemEditor key={restored ? 'restored' : 'saved'} item={item} uiLocale={uiLocale} onDone={onDone} restored={restored} onDiscarded={onDiscarded} />;
};

const ItemEditor = ({
  item,
  uiLocale,
  onDone,
  restored,
  onDiscarded,
}: EditorProps & { restored: { value: ItemForm; savedAt: string } | null; onDiscarded: () => void }) => {
  const { t, i18n } = useTranslation('portfolio');
  const confirm = useConfirm();
  const writes = usePortfolioWrites();
  const itemId = item?.id ?? null;
  const pristine = useMemo(() => (item ? toForm(item) : emptyForm(uiLocale)), [item, uiLocale]);
  const toDraft = useCallback((value: ItemForm): FormDraft => ({ form: 'portfolio-item', targetId: itemId, value }), [itemId]);
  const { value: draft, update: setDraft, latest, keep, discard, cancel } = useFormDraft('portfolio-item', itemId, toDraft, pristine, restored?.value ?? null);
  const [locale, setLocale] = useState(draft.defaultLocale);
  const [message, setMessage] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const variant = draft.variants.find((candidate) => candidate.locale === locale);
  const status = item ? describeVariant(item.variants.map(fieldsOf), locale, item.defaultLocale, portfolioTextFields) : null;

  const setField = (field: PortfolioTextField, value: string): void =>
    setDraft((previous) => ({
      ...previous,
      variants: previous.variants.map((candidate) => (candidate.locale === locale ? { ...candidate, [field]: value } : candidate)),
    }));
  const addable = locales.filter((tag) => !draft.variants.some((candidate) => candidate.locale === tag));
  const addLanguage = (tag: string): void => {
    setDraft((previous) => ({
      ...previous,
      variants: [...previous.variants, { locale: tag, title: '', role: '', description: '', goal: '', solution: '', sourceLocale: previous.defaultLocale }],
    }));
    setLocale(tag);
  };
  // The main language is written, not translated; the others are translations of it unless said otherwise.
  const setMainLanguage = (tag: string): void =>
    setDraft((previous) => ({
      ...previous,
      defaultLocale: tag,
      variants: previous.variants.map((candidate) =>
        candidate.locale === tag ? { ...candidate, sourceLocale: null } : { ...candidate, sourceLocale: candidate.sourceLocale ?? tag },
      ),
    }));
  const importFiles = async (files: readonly File[]): Promise<void> => {
    for (const file of files) {
      if (file.size > maxUploadBytes) {
        setMessage(t('imageError.image_too_large', { name: file.name }));
        continue;
      }
      try {
        const image = await writes.importImage({ name: file.name, base64: toBase64(new Uint8Array(await file.arrayBuffer())) });
        setDraft((previous) => (previous.imageHashes.includes(image.hash) ? previous : { ...previous, imageHashes: [...previous.imageHashes, image.hash] }));
        setMessage(null);
      } catch (error) {
        setMessage(t(`imageError.${readImageProblem(error) ?? 'image_not_supported'}`, { name: file.name }));
      }
    }
  };
  const onDrop = (event: DragEvent): void => {
    event.preventDefault();
    setDragging(false);
    void importFiles([...event.dataTransfer.files]);
  };
  const save = async (): Promise<void> => {
    // The save clears the draft in its own transaction: nothing still pending may write it again after.
    cancel();
    try {
      await writes.saveItem(toSaveInput(itemId, latest.current));
      onDone();
      // The editor closes on save: the toast says it went in (Save used to close it without a word).
      showToast({ title: t('editor.savedToast'), description: titleOfForm(latest.current, i18n.language), tone: 'success' });
    } catch {
      keep(latest.current);
      setMessage(t('editor.saveFailed'));
    }
  };
  const remove = async (): Promise<void> => {
    // Deleting took one click and nothing asked: now the app asks, in its language, Cancel first.
    const title = titleOfForm(latest.current, i18n.language);
    const confirmed = await confirm({
      title: t('editor.deleteTitle', { title }),
      body: t('editor.deleteBody'),
      confirmLabel: t('editor.delete'),
      tone: 'danger',
    });
    if (!confirmed) return;
    cancel();
    if (item) await writes.deleteItem({ id: item.id });
    onDone();
    showToast({ title: t('editor.deletedToast'), description: title });
  };
  const close = (): void => {
    void discard().finally(onDone);
  };

  return (
    <form className="pf-editor card" aria-label={t('editor.label')} onSubmit={(event) => (event.preventDefault(), void save())}>
      {restored && <RestoredDraftNotice savedAt={restored.savedAt} onDiscard={() => void discard().then(onDiscarded)} />}
      <Tabs className="pf-variant-tabs" selectedKey={locale} onSelectionChange={setLocale} keys={draft.variants.map((candidate) => candidate.locale)}>
        <div className="pf-langs">
          <TabList label={t('editor.languages')}>
            {draft.variants.map((candidate) => {
              const mark = item ? describeVariant(item.variants.map(fieldsOf), candidate.locale, item.defaultLocale, portfolioTextFields).status : null;
              return (
                <Tab key={candidate.locale} id={candidate.locale} testId={`variant-tab-${candidate.locale}`}>
                  {nameLanguage(candidate.locale, i18n.language)}
                  {mark && mark !== 'complete' && <Badge tone={statusTone[mark]}>{t(`status.${mark}`)}</Badge>}
                </Tab>
              );
            })}
          </TabList>
          {addable.length > 0 && (
            <LanguagePicker
              label={t('editor.addLanguage')}
              hideLabel
              placeholder={t('editor.addLanguage')}
              languages={addable}
              value={null}
              clearOnSelect
              onChange={addLanguage}
              testId="add-language"
              className="pf-add-language"
            />
          )}
        </div>
        <LanguagePicker
          label={t('editor.mainLanguage')}
          languages={draft.variants.map((candidate) => candidate.locale)}
          value={draft.defaultLocale}
          onChange={setMainLanguage}
          testId="main-language"
          className="pf-main-language"
        />
        <TabPanel key={locale} id={locale} className="pf-variant-panel">
          {status && status.status !== 'complete' && (
            <p className={`pf-note pf-status-${status.status}`} data-testid="variant-status">
              {t(`statusHint.${status.status}`, { source: nameLanguage(status.sourceLocale ?? draft.defaultLocale, i18n.language) })}
            </p>
          )}
          {variant && (
            <>
              {portfolioTextFields.map((field) => (
                <label key={field} className="field">
                  <span className="field-label">{t(`fields.${field}`)}</span>
                  {field === 'title' || field === 'role' ? (
                    <input value={variant[field] ?? ''} onChange={(event) => setField(field, event.target.value)} data-testid={`field-${field}`} />
                  ) : (
                    <textarea rows={3} value={variant[field] ?? ''} onChange={(event) => setField(field, event.target.value)} data-testid={`field-${field}`} />
                  )}
                </label>
              ))}
              {locale !== draft.defaultLocale && (
                <Select
                  label={t('editor.translatedFrom')}
                  testId="translated-from"
                  value={variant.sourceLocale ?? notTranslated}
                  options={[
                    { id: notTranslated, label: t('editor.notTranslated') },
                    ...draft.variants
                      .filter((candidate) => candidate.locale !== locale)
                      .map((candidate) => ({ id: candidate.locale, label: nameLanguage(candidate.locale, i18n.language) })),
                  ]}
                  onChange={(picked) =>
                    setDraft((previous) => ({
                      ...previous,
                      variants: previous.variants.map((candidate) =>
                        candidate.locale === locale ? { ...candidate, sourceLocale: picked === notTranslated ? null : picked } : candidate,
                      ),
                    }))
                  }
                  className="pf-translated-from"
                />
              )}
            </>
          )}
        </TabPanel>
      </Tabs>
      <div
        className={`pf-drop${dragging ? ' active' : ''}`}
        onDragOver={(event) => (event.preventDefault(), setDragging(true))}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <div className="pf-images">
          {draft.imageHashes.map((hash, index) => (
            <span key={hash} className="pf-image">
              <Thumbnail hash={hash} alt={t('editor.image', { index: index + 1 })} />
              <button
                type="button"
                className="chip-remove"
                aria-label={t('editor.removeImage', { index: index + 1 })}
                onClick={() => setDraft((previous) => ({ ...previous, imageHashes: previous.imageHashes.filter((other) => other !== hash) }))}
              >
                ×
              </button>
            </span>
          ))}
        </div>
        <label className="pf-pick">
          {t('editor.addImages')}
          <input type="file" accept="image/png,image/jpeg,image/gif,image/webp" multiple data-testid="image-input" onChange={(event) => void importFiles([...(event.target.files ?? [])])} />
        </label>
        <span className="field-hint">{t('editor.dropHint')}</span>
      </div>
      <LinksEditor links={draft.links} onChange={(links) => setDraft((previous) => ({ ...previous, links }))} />
      <SkillsPicker
        label={t('fields.skills')}
        value={splitSkills(draft.skillsText)}
        onChange={(skills) => setDraft((previous) => ({ ...previous, skillsText: joinSkills(skills) }))}
        testId="item-skills"
      />
      <div className="toolbar">
        <Select
          label={t('fields.visibility')}
          testId="item-visibility"
          value={draft.visibility}
          options={[
            { id: 'public', label: t('visibility.public') },
            { id: 'private', label: t('visibility.private') },
          ]}
          onChange={(visibility) => setDraft((previous) => ({ ...previous, visibility }))}
        />
        <label className="field">
          <span className="field-label">{t('fields.completedOn')}</span>
          <input type="date" value={draft.completedOn ?? ''} onChange={(event) => setDraft((previous) => ({ ...previous, completedOn: event.target.value || null }))} />
        </label>
      </div>
      {message && (
        <p className="pf-note pf-status-missing" role="alert">
          {message}
        </p>
      )}
      <div className="toolbar">
        <button type="submit" data-testid="save-item">
          {t('editor.save')}
        </button>
        <button type="button" className="secondary" onClick={close} data-testid="cancel-item">
          {t('editor.cancel')}
        </button>
        {item && (
          <button type="button" className="secondary" onClick={() => void remove()}>
            {t('editor.delete')}
          </button>
        )}
      </div>
    </form>
  );
};
