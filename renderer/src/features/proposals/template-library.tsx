import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showToast } from '../../ui/toast';
import type { FormDraft, TemplateDraft } from '../../../../shared/contract/drafts';
import type { TemplateItem } from '../../../../shared/contract/proposals';
import { formatLanguageName } from '../../../../shared/i18n/format';
import { locales } from '../../../../shared/i18n/locales';
import { RestoredDraftNotice } from '../../components/restored-draft-notice';
import { useDraftsOf, useFormDraft, useRestorableDraft } from '../../components/use-form-draft';
import { CoverLetterEditor } from './cover-letter-editor';
import { useTemplateLibrary } from './use-proposal-parts';
import { Select } from '../../ui/select';
import { nameLanguage } from '../../ui/display-names';

const emptyDocument = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph' }] });

const LibraryList = ({
  items,
  kind,
  selectedId,
  hasDraft,
  onPick,
}: {
  items: TemplateItem[];
  kind: TemplateItem['kind'];
  selectedId: string | null;
  hasDraft: (id: string) => boolean;
  onPick: (item: TemplateItem) => void;
}) => {
  const { t } = useTranslation('proposals');
  const shown = items.filter((item) => item.kind === kind);
  return (
    <section aria-labelledby={`library-${kind}`}>
      <h3 id={`library-${kind}`} className="small-heading">
        {kind === 'template' ? t('library.templates') : t('library.snippets')}
      </h3>
      <ul className="proposal-list">
        {shown.map((item) => (
          <li key={item.id}>
            <button type="button" className={`thread-row${item.id === selectedId ? ' selected' : ''}`} data-testid="library-row" onClick={() => onPick(item)}>
              <span className="thread-name" lang={item.locale}>
                {item.name}
              </span>
              {hasDraft(item.id) && <em className="draft-mark small">{t('common:draft.unsaved')}</em>}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
};

type Opened = { id: string | null; kind: TemplateItem['kind']; locale: string; name: string; bodyJson: string };

type Library = ReturnType<typeof useTemplateLibrary>;

const toDraft = (target: string | null) => (value: TemplateDraft): FormDraft => ({ form: 'template', targetId: target, value });

/** One template or snippet being written: kept as a draft while typed, saved to the library on Save. */
const TemplateForm = ({
  opened,
  restored,
  library,
  onSaved,
  onDeleted,
  onDiscarded,
}: {
  opened: Opened;
  restored: { value: TemplateDraft; savedAt: string } | null;
  library: Library;
  onSaved: (saved: TemplateItem) => void;
  onDeleted: () => void;
  onDiscarded: () => void;
}) => {
  const { t } = useTranslation('proposals');
  const { t: tUi } = useTranslation('ui');
  const { save, remove, restore } = library;
  const pristine = useMemo<TemplateDraft>(
    () => ({ kind: opened.kind, locale: opened.locale, name: opened.name, bodyJson: opened.bodyJson }),
    [opened.kind, opened.locale, opened.name, opened.bodyJson],
  );
  const draftOf = useMemo(() => toDraft(opened.id), [opened.id]);
  const { value: draft, update, latest, keep, discard, cancel } = useFormDraft('template', opened.id, draftOf, pristine, restored?.value ?? null);
  const [state, setState] = useState<'idle' | 'invalid'>('idle');
  const setDraft = (change: (previous: TemplateDraft) => TemplateDraft): void => {
    update(change);
    setState('idle');
  };
  const submit = (): void => {
    const current = latest.current;
    if (current.name.trim() === '') {
      setState('invalid');
      return;
    }
    // The save clears the draft in its own transaction: nothing still pending may write it again after.
    cancel();
    save({ ...(opened.id ? { id: opened.id } : {}), kind: current.kind, locale: current.locale, name: current.name.trim(), bodyJson: current.bodyJson || emptyDocument }).then(
      onSaved,
      () => keep(latest.current),
    );
  };
  // Deleting acts at once and offers Undo (no question first): the core keeps the item restorable, so a window
  // closed during the toast loses nothing.
  const deleteTemplate = (): void => {
    const id = opened.id;
    if (!id) return;
    const name = draft.name;
    cancel();
    remove(id).then(
      () => {
        onDeleted();
        showToast({
          title: t('library.deleted', { name }),
          description: t('library.deleteBody'),
          action: {
            label: tUi('toast.undo'),
            onAction: () => void restore(id).catch(() => showToast({ title: t('undoFailed'), tone: 'danger' })),
          },
        });
      },
      () => showToast({ title: t('actionFailed'), tone: 'danger' }),
    );
  };
  return (
    <form
      className="library-form"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {restored && <RestoredDraftNotice savedAt={restored.savedAt} onDiscard={() => void discard().then(onDiscarded)} />}
      <div className="terms-row">
        <label className="field">
          <span className="field-label">{t('library.name')}</span>
          <input
            value={draft.name}
            data-testid="library-name"
            aria-invalid={state === 'invalid'}
            onChange={(event) => {
              const name = event.target.value;
              setDraft((previous) => ({ ...previous, name }));
            }}
          />
        </label>
        <Select
          label={t('library.kind')}
          testId="library-kind"
          value={draft.kind}
          options={[
            { id: 'template', label: t('library.templates') },
            { id: 'snippet', label: t('library.snippets') },
          ]}
          onChange={(kind) => setDraft((previous) => ({ ...previous, kind }))}
        />
      </div>
      {state === 'invalid' && (
        <p className="form-error" role="alert">
          {t('library.nameRequired')}
        </p>
      )}
      <span className="field-label">{t('library.body')}</span>
      <CoverLetterEditor
        locale={draft.locale}
        bodyJson={draft.bodyJson}
        editable
        onChange={(bodyJson) => setDraft((previous) => ({ ...previous, bodyJson }))}
        onBlur={() => undefined}
      />
      <footer className="proposal-actions">
        <button type="submit" className="primary" data-testid="library-save">
          {t('library.save')}
        </button>
        {opened.id && (
          <button type="button" className="secondary" data-testid="library-delete" onClick={deleteTemplate}>
            {t('library.delete')}
          </button>
        )}
      </footer>
    </form>
  );
};

/** Opens the form with what was typed into it before and never saved, if there is such a draft, and says so. */
const TemplateFormWithDraft = ({
  opened,
  library,
  onSaved,
  onDeleted,
}: {
  opened: Opened;
  library: Library;
  onSaved: (saved: TemplateItem) => void;
  onDeleted: () => void;
}) => {
  const { loaded, restored, onDiscarded } = useRestorableDraft('template', opened.id, (draft) => (draft.form === 'template' ? draft.value : null));
  if (!loaded) return null;
  // Discarding starts the form again from the saved template (a new one: empty).
  return (
    <TemplateForm
      key={restored ? 'restored' : 'saved'}
      opened={opened}
      restored={restored}
      library={library}
      onSaved={onSaved}
      onDeleted={onDeleted}
      onDiscarded={onDiscarded}
    />
  );
};

/**
 * `#/proposals/library`: the templates (whole letters to start from) and snippets (blocks inserted at the
 * cursor) of each language, created, edited, renamed and deleted here. Local only: never sent. What is typed
 * is kept as a draft until Save (a crash or a quit loses at most a second of it).
 */
export const TemplateLibrary = ({ onBack }: { onBack: () => void }) => {
  const { t, i18n } = useTranslation('proposals');
  const library = useTemplateLibrary();
  const { items } = library;
  const [locale, setLocale] = useState<string>(locales.find((candidate) => candidate === i18n.language) ?? 'en');
  const [opened, setOpened] = useState<Opened | null>(null);
  const [generation, setGeneration] = useState(0);
  const [savedId, setSavedId] = useState<string | null>(null);
  const drafts = useDraftsOf('template', `${opened?.id ?? ''}:${generation}:${items?.length ?? 0}`);
  const hasDraft = (id: string | null): boolean => opened?.id !== id && drafts.some((draft) => draft.targetId === id);
  const ofLanguage = (items ?? []).filter((item) => item.locale === locale);
  const open = (next: Opened): void => {
    setOpened(next);
    setSavedId(null);
    setGeneration((count) => count + 1);
  };
  const newOne = (kind: TemplateItem['kind']): void => open({ id: null, kind, locale, name: '', bodyJson: '' });
  const pick = (item: TemplateItem): void => open({ id: item.id, kind: item.kind, locale: item.locale, name: item.name, bodyJson: item.bodyJson });
  return (
    <div className="two-pane template-library" data-testid="template-library">
      <aside className="list-pane">
        <button type="button" className="link-button" data-testid="library-back" onClick={onBack}>
          ← {t('library.back')}
        </button>
        <Select
          label={t('library.language')}
          testId="library-language"
          value={locale}
          options={locales.map((candidate) => ({ id: candidate, label: nameLanguage(candidate, i18n.language) }))}
          onChange={(picked) => {
            setLocale(picked);
            setOpened(null);
          }}
        />
        <div className="proposal-actions">
          <button type="button" className="secondary small" data-testid="new-template" onClick={() => newOne('template')}>
            {t('library.newTemplate')}
          </button>
          <button type="button" className="secondary small" data-testid="new-snippet" onClick={() => newOne('snippet')}>
            {t('library.newSnippet')}
          </button>
        </div>
        {hasDraft(null) && (
          // A new one typed and never saved: the draft holds its kind and language.
          <button type="button" className="link-button" data-testid="open-new-draft" onClick={() => newOne('template')}>
            <em className="draft-mark">{t('common:draft.unsaved')}</em>
          </button>
        )}
        {items !== null && ofLanguage.length === 0 && <p className="muted small">{t('library.empty', { language: formatLanguageName(locale, i18n.language) })}</p>}
        <LibraryList items={ofLanguage} kind="template" selectedId={opened?.id ?? null} hasDraft={hasDraft} onPick={pick} />
        <LibraryList items={ofLanguage} kind="snippet" selectedId={opened?.id ?? null} hasDraft={hasDraft} onPick={pick} />
      </aside>
      <article className="detail-pane wide library-editor" aria-labelledby="library-title">
        <header className="detail-header">
          <div>
            <h2 id="library-title">{t('library.title')}</h2>
            <p className="muted small">{t('library.intro')}</p>
            <p className="muted small">{t('library.fields')}</p>
          </div>
        </header>
        {opened ? (
          <>
            <TemplateFormWithDraft
              key={`${opened.id ?? 'new'}:${generation}`}
              opened={opened}
              library={library}
              onSaved={(saved) => {
                setOpened({ id: saved.id, kind: saved.kind, locale: saved.locale, name: saved.name, bodyJson: saved.bodyJson });
                setSavedId(saved.id);
              }}
              onDeleted={() => setOpened(null)}
            />
            {savedId !== null && savedId === opened.id && (
              <span className="muted small" role="status" data-testid="library-saved">
                {t('library.saved')}
              </span>
            )}
          </>
        ) : (
          <p className="muted">{t('library.pick')}</p>
        )}
      </article>
    </div>
  );
};
