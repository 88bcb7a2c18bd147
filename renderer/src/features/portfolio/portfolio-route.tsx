import { useCallback, useMemo, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormDraft, PortfolioItemDraft } from '../../../../shared/contract/drafts';
import type { PortfolioItemView, SaveItemInput } from '../../../../shared/contract/portfolio';
import { chooseVariant, describeVariant, portfolioTextFields, toPortfolioLink, type PortfolioTextField } from '../../../../shared/domain/portfolio';
import { maxPortfolioJsonChars } from '../../../../shared/contract/limits';
import { maxUploadBytes } from '../../../../shared/platform/writes';
import { locales } from '../../../../shared/i18n/locales';
import { useClient } from '../../app/client-context';
import { ExternalLink } from '../../components/external-link';
import { RestoredDraftNotice } from '../../components/restored-draft-notice';
import { useDraftsOf, useFormDraft, useRestorableDraft } from '../../components/use-form-draft';
import {
  isTooLarge,
  readImageProblem,
  toBase64,
  useCompleteness,
  useImageDownloads,
  usePortfolioItems,
  usePortfolioTransfer,
  usePreview,
  useProfile,
  useReorderItems,
  useRetryImageDownload,
  useRetryItem,
} from './use-portfolio';
import { SyncFailure, Thumbnail } from './portfolio-parts';
import { ProfileEditor } from './profile-editor';
import './portfolio.css';

const tabs = ['items', 'languages', 'profile', 'preview'] as const;
/** As many links as the platform keeps per item. */
const maxLinks = 20;
type Tab = (typeof tabs)[number];

/** How far the core has come bringing images only the platform holds; failed ones can be asked for again. */
const DownloadBanner = () => {
  const { t } = useTranslation('portfolio');
  const retry = useRetryImageDownload();
  const progress = useImageDownloads();
  if (!progress) return null;
  if (progress.active && progress.total > progress.done) {
    return (
      <div className="pf-banner" role="status" data-testid="image-downloads">
        <span>{t('download.progress', { done: progress.done, total: progress.total })}</span>
        <progress max={progress.total} value={progress.done} />
      </div>
    );
  }
  if (progress.failed === 0) return null;
  return (
    <div className="pf-banner pf-banner-failed" role="status" data-testid="image-downloads">
      <span>{t('download.failed', { count: progress.failed })}</span>
      <button type="button" className="secondary" onClick={() => void retry(null)}>
        {t('download.retryAll')}
      </button>
    </div>
  );
};

/** The item's links: added, edited and removed in place, http(s) only; each opens outside the app. */
const LinksEditor = ({ links, onChange }: { links: readonly string[]; onChange: (links: string[]) => void }) => {
  const { t } = useTranslation('portfolio');
  const [typed, setTyped] = useState('');
  const [editing, setEditing] = useState<{ index: number; text: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const accept = (text: string, replace: number | null): boolean => {
    const link = toPortfolioLink(text);
    if (!link.ok) {
      setProblem(link.problem);
      return false;
    }
    const others = links.filter((_, index) => index !== replace);
    if (others.includes(link.url)) {
      setProblem('link_duplicate');
      return false;
    }
    if (replace === null && links.length >= maxLinks) {
      setProblem('link_limit');
      return false;
    }
    setProblem(null);
    onChange(replace === null ? [...links, link.url] : links.map((other, index) => (index === replace ? link.url : other)));
    return true;
  };
  return (
    <fieldset className="field pf-links" data-testid="links">
      <legend className="field-label">{t('links.label')}</legend>
      <ul>
        {links.map((link, index) => (
          <li key={link} data-testid="link-row">
            {editing?.index === index ? (
              <>
                <input
                  aria-label={t('links.edit', { index: index + 1 })}
                  value={editing.text}
                  onChange={(event) => setEditing({ index, text: event.target.value })}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') {
                      event.preventDefault();
                      if (accept(editing.text, index)) setEditing(null);
                    }
                    if (event.key === 'Escape') setEditing(null);
                  }}
                />
                <button type="button" onClick={() => accept(editing.text, index) && setEditing(null)}>
                  {t('links.done')}
                </button>
              </>
            ) : (
              <>
                <ExternalLink href={link} className="pf-link">
                  {link}
                </ExternalLink>
                <button type="button" className="secondary" aria-label={t('links.edit', { index: index + 1 })} data-testid="link-change" onClick={() => setEditing({ index, text: link })}>
                  {t('links.change')}
                </button>
              </>
            )}
            <button
              type="button"
              className="secondary"
              aria-label={t('links.remove', { index: index + 1 })}
              data-testid="link-remove"
              onClick={() => onChange(links.filter((_, at) => at !== index))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="toolbar">
        <input
          aria-label={t('links.new')}
          placeholder="https://"
          value={typed}
          data-testid="link-input"
          onChange={(event) => setTyped(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            if (accept(typed, null)) setTyped('');
          }}
        />
        <button type="button" className="secondary" onClick={() => accept(typed, null) && setTyped('')} data-testid="link-add">
          {t('links.add')}
        </button>
      </div>
      {problem && (
        <p className="pf-note pf-status-missing" role="alert" data-testid="link-problem">
          {t(`links.problem.${problem}`)}
        </p>
      )}
    </fieldset>
  );
};


const fieldsOf = (variant: PortfolioItemView['variants'][number]) => ({
  ...variant,
  fields: Object.fromEntries(portfolioTextFields.map((field) => [field, variant[field]])),
});

/** The item's title in the interface language, by the same fallback rules a client gets. */
const titleIn = (item: PortfolioItemView, locale: string): string =>
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
  skillsText: item.skills.join(', '),
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

const splitSkills = (text: string): string[] => text.split(',').map((skill) => skill.trim().toLowerCase()).filter(Boolean);

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
const ItemEditorWithDraft = ({ item, uiLocale, onDone }: EditorProps) => {
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
  const { t } = useTranslation('portfolio');
  const client = useClient();
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
        const image = await client.portfolio.importImage({ name: file.name, base64: toBase64(new Uint8Array(await file.arrayBuffer())) });
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
      await client.portfolio.saveItem(toSaveInput(itemId, latest.current));
      onDone();
    } catch {
      keep(latest.current);
      setMessage(t('editor.saveFailed'));
    }
  };
  const remove = async (): Promise<void> => {
    cancel();
    if (item) await client.portfolio.deleteItem({ id: item.id });
    onDone();
  };
  const close = (): void => {
    void discard().finally(onDone);
  };

  return (
    <form className="pf-editor card" aria-label={t('editor.label')} onSubmit={(event) => (event.preventDefault(), void save())}>
      {restored && <RestoredDraftNotice savedAt={restored.savedAt} onDiscard={() => void discard().then(onDiscarded)} />}
      <div className="pf-langs" role="tablist" aria-label={t('editor.languages')}>
        {draft.variants.map((candidate) => {
          const mark = item ? describeVariant(item.variants.map(fieldsOf), candidate.locale, item.defaultLocale, portfolioTextFields).status : null;
          return (
            <button
              key={candidate.locale}
              type="button"
              role="tab"
              aria-selected={candidate.locale === locale}
              className={`pf-lang${candidate.locale === locale ? ' selected' : ''}`}
              data-testid={`variant-tab-${candidate.locale}`}
              onClick={() => setLocale(candidate.locale)}
            >
              {candidate.locale.toUpperCase()}
              {mark && mark !== 'complete' && <span className={`pf-status pf-status-${mark}`}>{t(`status.${mark}`)}</span>}
            </button>
          );
        })}
        <select aria-label={t('editor.addLanguage')} value="" onChange={(event) => event.target.value && addLanguage(event.target.value)}>
          <option value="">{t('editor.addLanguage')}</option>
          {locales
            .filter((tag) => !draft.variants.some((candidate) => candidate.locale === tag))
            .map((tag) => (
              <option key={tag} value={tag}>
                {tag.toUpperCase()}
              </option>
            ))}
        </select>
      </div>
      <label className="field">
        <span className="field-label">{t('editor.mainLanguage')}</span>
        <select value={draft.defaultLocale} onChange={(event) => setMainLanguage(event.target.value)} data-testid="main-language">
          {draft.variants.map((candidate) => (
            <option key={candidate.locale} value={candidate.locale}>
              {candidate.locale.toUpperCase()}
            </option>
          ))}
        </select>
      </label>
      {status && status.status !== 'complete' && (
        <p className={`pf-note pf-status-${status.status}`} data-testid="variant-status">
          {t(`statusHint.${status.status}`, { source: (status.sourceLocale ?? draft.defaultLocale).toUpperCase() })}
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
            <label className="field">
              <span className="field-label">{t('editor.translatedFrom')}</span>
              <select
                value={variant.sourceLocale ?? ''}
                onChange={(event) =>
                  setDraft((previous) => ({
                    ...previous,
                    variants: previous.variants.map((candidate) =>
                      candidate.locale === locale ? { ...candidate, sourceLocale: event.target.value || null } : candidate,
                    ),
                  }))
                }
              >
                <option value="">{t('editor.notTranslated')}</option>
                {draft.variants
                  .filter((candidate) => candidate.locale !== locale)
                  .map((candidate) => (
                    <option key={candidate.locale} value={candidate.locale}>
                      {candidate.locale.toUpperCase()}
                    </option>
                  ))}
              </select>
            </label>
          )}
        </>
      )}
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
      <label className="field">
        <span className="field-label">{t('fields.skills')}</span>
        <input value={draft.skillsText} onChange={(event) => setDraft((previous) => ({ ...previous, skillsText: event.target.value }))} />
      </label>
      <div className="toolbar">
        <label className="field">
          <span className="field-label">{t('fields.visibility')}</span>
          <select
            value={draft.visibility}
            onChange={(event) => setDraft((previous) => ({ ...previous, visibility: event.target.value === 'private' ? 'private' : 'public' }))}
          >
            <option value="public">{t('visibility.public')}</option>
            <option value="private">{t('visibility.private')}</option>
          </select>
        </label>
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

const ItemsTab = () => {
  const { t, i18n } = useTranslation('portfolio');
  const reorder = useReorderItems();
  const retryItem = useRetryItem();
  const { data: items, failed } = usePortfolioItems();
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);
  const [dragged, setDragged] = useState<string | null>(null);
  // Looked up again whenever the editor opens or closes: items left with typing never saved are marked.
  const drafts = useDraftsOf('portfolio-item', `${editing?.id ?? ''}:${editing === null}`);
  const hasDraft = (id: string | null): boolean => editing?.id !== id && drafts.some((draft) => draft.targetId === id);
  if (failed) return <p role="alert">{t('error')}</p>;
  if (!items) return null;
  const move = (id: string, target: string): void => {
    const ids = items.map((item) => item.id).filter((other) => other !== id);
    ids.splice(ids.indexOf(target) + (items.findIndex((item) => item.id === id) < items.findIndex((item) => item.id === target) ? 1 : 0), 0, id);
    void reorder(ids);
  };
  const editedItem = editing?.id ? (items.find((item) => item.id === editing.id) ?? null) : null;
  return (
    <div className="pf-split">
      <div className="pf-list">
        <button type="button" onClick={() => setEditing({ id: null })} data-testid="new-item">
          {t('newItem')}
          {hasDraft(null) && editing === null && <em className="draft-mark"> · {t('common:draft.unsaved')}</em>}
        </button>
        {items.length === 0 && <p className="muted">{t('empty')}</p>}
        <ol aria-label={t('listLabel')}>
          {items.map((item, index) => (
            <li
              key={item.id}
              draggable
              data-testid="portfolio-row"
              className={`pf-row${dragged === item.id ? ' dragging' : ''}${editing?.id === item.id ? ' selected' : ''}`}
              onDragStart={() => setDragged(item.id)}
              onDragEnd={() => setDragged(null)}
              onDragOver={(event) => event.preventDefault()}
              onDrop={(event) => {
                event.preventDefault();
                if (dragged && dragged !== item.id) move(dragged, item.id);
                setDragged(null);
              }}
            >
              {item.imageHashes[0] ? <Thumbnail hash={item.imageHashes[0]} alt="" /> : <span className="pf-thumb pf-thumb-empty" />}
              <button type="button" className="pf-row-open" onClick={() => setEditing({ id: item.id })}>
                <span className="pf-row-title">{titleIn(item, i18n.language) || t('untitled')}</span>
                <span className="muted small">
                  {item.variants.map((variant) => variant.locale.toUpperCase()).join(' · ')}
                  {item.visibility === 'private' && ` · ${t('visibility.private')}`}
                  {item.pending && !item.syncError && ` · ${t('pending')}`}
                  {hasDraft(item.id) && (
                    <em className="draft-mark" data-testid="row-draft">
                      {' · '}
                      {t('common:draft.unsaved')}
                    </em>
                  )}
                </span>
              </button>
              <span className="pf-move">
                <button type="button" aria-label={t('moveUp')} disabled={index === 0} onClick={() => move(item.id, items[index - 1]!.id)}>
                  ↑
                </button>
                <button type="button" aria-label={t('moveDown')} disabled={index === items.length - 1} onClick={() => move(item.id, items[index + 1]!.id)}>
                  ↓
                </button>
              </span>
              {item.syncError && <SyncFailure problem={item.syncError} onRetry={() => void retryItem(item.id)} />}
            </li>
          ))}
        </ol>
      </div>
      {editing && <ItemEditorWithDraft key={editing.id ?? 'new'} item={editedItem} uiLocale={i18n.language} onDone={() => setEditing(null)} />}
    </div>
  );
};

const LanguagesTab = () => {
  const { t } = useTranslation('portfolio');
  const { data } = useCompleteness();
  if (!data) return null;
  if (data.languages.length === 0) return <p className="muted">{t('empty')}</p>;
  return (
    <div className="pf-grid" data-testid="completeness">
      {data.languages.map((language) => (
        <section key={language.locale} className="card" aria-label={language.locale}>
          <h2>
            {language.locale.toUpperCase()} <span className="muted small">{t('completeCount', { complete: language.complete, total: language.total })}</span>
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

const TransferBar = ({ locale }: { locale: string }) => {
  const { t } = useTranslation('portfolio');
  const transfer = usePortfolioTransfer();
  const [message, setMessage] = useState<string | null>(null);
  const importJson = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    try {
      const result = await transfer.importJson({ json: await file.text() });
      setMessage(t('transfer.imported', { count: result.items }));
    } catch (error) {
      setMessage(
        isTooLarge(error)
          ? t('transfer.importTooLarge', { name: file.name, limit: Math.floor(maxPortfolioJsonChars / 1024 / 1024) })
          : t('transfer.importFailed', { name: file.name }),
      );
    }
  };
  return (
    <div className="toolbar">
      <button type="button" onClick={() => void transfer.exportPdf.run(locale)} disabled={transfer.exportPdf.pending} data-testid="download-pdf">
        {t('transfer.pdf', { locale: locale.toUpperCase() })}
      </button>
      <button type="button" className="secondary" onClick={() => void transfer.exportJson.run()} disabled={transfer.exportJson.pending}>
        {t('transfer.exportJson')}
      </button>
      <label className="pf-pick">
        {t('transfer.importJson')}
        <input type="file" accept="application/json,.json" onChange={(event) => void importJson(event.target.files?.[0])} />
      </label>
      {message && <span role="status">{message}</span>}
    </div>
  );
};

const PreviewTab = () => {
  const { t, i18n } = useTranslation('portfolio');
  const [locale, setLocale] = useState(i18n.language);
  const { data } = usePreview(locale);
  const avatarHash = useProfile().data?.avatarHash ?? null;
  const note = (shown: string | null, reason: string) =>
    reason === 'exact' ? null : (
      <p className="pf-note pf-status-outdated" data-testid="fallback-note">
        {reason === 'none' ? t('fallback.none') : t(`fallback.${reason}`, { shown: (shown ?? '').toUpperCase(), wanted: locale.toUpperCase() })}
      </p>
    );
  return (
    <div className="pf-preview">
      <label className="field">
        <span className="field-label">{t('previewAs')}</span>
        <select value={locale} onChange={(event) => setLocale(event.target.value)} data-testid="preview-locale">
          {locales.map((tag) => (
            <option key={tag} value={tag}>
              {tag.toUpperCase()}
            </option>
          ))}
        </select>
      </label>
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

export const PortfolioRoute = () => {
  const { t } = useTranslation('portfolio');
  const [tab, setTab] = useState<Tab>('items');
  return (
    <section className="screen" aria-labelledby="portfolio-title">
      <header className="screen-header">
        <h1 id="portfolio-title">{t('title')}</h1>
        <div className="pf-tabs" role="tablist">
          {tabs.map((name) => (
            <button key={name} type="button" role="tab" aria-selected={tab === name} className={`pf-lang${tab === name ? ' selected' : ''}`} onClick={() => setTab(name)}>
              {t(`tabs.${name}`)}
            </button>
          ))}
        </div>
      </header>
      <div className="pane-scroller">
        <DownloadBanner />
        {tab === 'items' && <ItemsTab />}
        {tab === 'languages' && <LanguagesTab />}
        {tab === 'profile' && <ProfileEditor />}
        {tab === 'preview' && <PreviewTab />}
      </div>
    </section>
  );
};
