import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateItem } from '../../../../shared/contract/proposals';
import { formatLanguageName } from '../../../../shared/i18n/format';
import { locales } from '../../../../shared/i18n/locales';
import { CoverLetterEditor } from './cover-letter-editor';
import { useTemplateLibrary } from './use-proposal-parts';

type Draft = { id: string | null; kind: TemplateItem['kind']; name: string; bodyJson: string };

const emptyDocument = JSON.stringify({ type: 'doc', content: [{ type: 'paragraph' }] });

const LibraryList = ({ items, kind, selectedId, onPick }: { items: TemplateItem[]; kind: TemplateItem['kind']; selectedId: string | null; onPick: (item: TemplateItem) => void }) => {
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
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
};

/**
 * `#/proposals/library`: the templates (whole letters to start from) and snippets (blocks inserted at the
 * cursor) of each language, created, edited, renamed and deleted here. Local only: never sent.
 */
export const TemplateLibrary = ({ onBack }: { onBack: () => void }) => {
  const { t, i18n } = useTranslation('proposals');
  const { items, save, remove } = useTemplateLibrary();
  const [locale, setLocale] = useState<string>(locales.find((candidate) => candidate === i18n.language) ?? 'en');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [generation, setGeneration] = useState(0);
  const [state, setState] = useState<'idle' | 'saved' | 'invalid'>('idle');
  const ofLanguage = (items ?? []).filter((item) => item.locale === locale);
  const open = (next: Draft): void => {
    setDraft(next);
    setState('idle');
    setGeneration((count) => count + 1);
  };
  const submit = (): void => {
    if (!draft) return;
    if (draft.name.trim() === '') {
      setState('invalid');
      return;
    }
    void save({ ...(draft.id ? { id: draft.id } : {}), kind: draft.kind, locale, name: draft.name.trim(), bodyJson: draft.bodyJson || emptyDocument }).then((saved) => {
      setDraft({ id: saved.id, kind: saved.kind, name: saved.name, bodyJson: saved.bodyJson });
      setState('saved');
    });
  };
  const deleteDraft = (): void => {
    if (!draft?.id || !window.confirm(t('library.confirmDelete', { name: draft.name }))) return;
    void remove(draft.id).then(() => setDraft(null));
  };
  return (
    <div className="two-pane" data-testid="template-library">
      <aside className="list-pane">
        <button type="button" className="link-button" onClick={onBack}>
          ← {t('library.back')}
        </button>
        <label className="field">
          <span className="field-label">{t('library.language')}</span>
          <select
            value={locale}
            data-testid="library-language"
            onChange={(event) => {
              setLocale(event.target.value);
              setDraft(null);
            }}
          >
            {locales.map((candidate) => (
              <option key={candidate} value={candidate}>
                {formatLanguageName(candidate, i18n.language)}
              </option>
            ))}
          </select>
        </label>
        <div className="proposal-actions">
          <button type="button" className="secondary small" data-testid="new-template" onClick={() => open({ id: null, kind: 'template', name: '', bodyJson: '' })}>
            {t('library.newTemplate')}
          </button>
          <button type="button" className="secondary small" data-testid="new-snippet" onClick={() => open({ id: null, kind: 'snippet', name: '', bodyJson: '' })}>
            {t('library.newSnippet')}
          </button>
        </div>
        {items !== null && ofLanguage.length === 0 && <p className="muted small">{t('library.empty', { language: formatLanguageName(locale, i18n.language) })}</p>}
        <LibraryList items={ofLanguage} kind="template" selectedId={draft?.id ?? null} onPick={(item) => open({ id: item.id, kind: item.kind, name: item.name, bodyJson: item.bodyJson })} />
        <LibraryList items={ofLanguage} kind="snippet" selectedId={draft?.id ?? null} onPick={(item) => open({ id: item.id, kind: item.kind, name: item.name, bodyJson: item.bodyJson })} />
      </aside>
      <article className="detail-pane wide library-editor" aria-labelledby="library-title">
        <header className="detail-header">
          <div>
            <h2 id="library-title">{t('library.title')}</h2>
            <p className="muted small">{t('library.intro')}</p>
            <p className="muted small">{t('library.fields')}</p>
          </div>
        </header>
        {draft ? (
          <form
            className="library-form"
            onSubmit={(event) => {
              event.preventDefault();
              submit();
            }}
          >
            <div className="terms-row">
              <label className="field">
                <span className="field-label">{t('library.name')}</span>
                <input
                  value={draft.name}
                  data-testid="library-name"
                  aria-invalid={state === 'invalid'}
                  onChange={(event) => {
                    setDraft({ ...draft, name: event.target.value });
                    setState('idle');
                  }}
                />
              </label>
              <label className="field">
                <span className="field-label">{t('library.kind')}</span>
                <select value={draft.kind} data-testid="library-kind" onChange={(event) => setDraft({ ...draft, kind: event.target.value === 'snippet' ? 'snippet' : 'template' })}>
                  <option value="template">{t('library.templates')}</option>
                  <option value="snippet">{t('library.snippets')}</option>
                </select>
              </label>
            </div>
            {state === 'invalid' && (
              <p className="form-error" role="alert">
                {t('library.nameRequired')}
              </p>
            )}
            <span className="field-label">{t('library.body')}</span>
            <CoverLetterEditor
              key={`${locale}:${draft.id ?? 'new'}:${generation}`}
              locale={locale}
              bodyJson={draft.bodyJson}
              editable
              onChange={(bodyJson) => {
                setDraft((current) => (current ? { ...current, bodyJson } : current));
                setState('idle');
              }}
              onBlur={() => undefined}
              insertion={null}
            />
            <footer className="proposal-actions">
              <button type="submit" className="primary" data-testid="library-save">
                {t('library.save')}
              </button>
              {draft.id && (
                <button type="button" className="secondary" data-testid="library-delete" onClick={deleteDraft}>
                  {t('library.delete')}
                </button>
              )}
              {state === 'saved' && (
                <span className="muted small" role="status" data-testid="library-saved">
                  {t('library.saved')}
                </span>
              )}
            </footer>
          </form>
        ) : (
          <p className="muted">{t('library.pick')}</p>
        )}
      </article>
    </div>
  );
};
