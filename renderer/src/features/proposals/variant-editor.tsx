import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateItem } from '../../../../shared/contract/proposals';
import { formatLanguageName } from '../../../../shared/i18n/format';
import { downloadFile, fromBase64 } from '../../components/download-file';
import { AutosaveIndicator } from './autosave-indicator';
import { CoverLetterEditor } from './cover-letter-editor';
import { RevisionHistory } from './revision-history';
import { useLetterSession } from './use-letter-session';
import { useRevisionDiff, type useTemplateLibrary } from './use-proposal-parts';
import { useProposalCalls } from './use-proposals';
import { PromptDialog } from '../../ui/dialog';

type Props = {
  proposalId: string;
  locale: string;
  editable: boolean;
  library: ReturnType<typeof useTemplateLibrary>;
  /** The caret goes to the end of the letter once it shows (a language the user has just added). */
  autofocus: boolean;
  onSaved: () => void;
};

const emptyDocument = '{"type":"doc","content":[]}';

/** One language's letter: the editor, its autosave, history, snippets and templates, PDF export. */
export const VariantEditor = ({ proposalId, locale, editable, library, autofocus, onSaved }: Props) => {
  const { t, i18n } = useTranslation('proposals');
  const calls = useProposalCalls();
  const letter = useLetterSession(proposalId, locale, onSaved);
  const [history, setHistory] = useState<{ revision: number; savedAt: string; bodyText: string }[] | null>(null);
  const [picked, setPicked] = useState<number | null>(null);
  const [against, setAgainst] = useState<'current' | 'previous'>('current');
  const [failed, setFailed] = useState(false);
  // The snippet's name is asked in the app (window.prompt showed the system's OK and Cancel, in English).
  const [naming, setNaming] = useState(false);
  const diff = useRevisionDiff(proposalId, locale, history ? picked : null, against);
  // The library's templates and snippets of this letter's language, in the library's order.
  const snippets: TemplateItem[] = (library.items ?? []).filter((item) => item.locale === locale);
  const templates = snippets.filter((item) => item.kind === 'template');
  const variant = letter.stored;
  if (!variant) return null;
  // Whatever a button asks of the core, its failure is said here (in the user's language), never dropped.
  const attempt = (action: Promise<unknown>): void => {
    setFailed(false);
    action.catch(() => setFailed(true));
  };
  const saveAsSnippet = (name: string): void => {
    setNaming(false);
    letter.flush();
    attempt(library.save({ kind: 'snippet', locale, name, bodyJson: letter.shownBody() || emptyDocument }));
  };
  const showHistory = (): void => {
    letter.flush(true);
    letter.oweRevision();
    attempt(calls.listRevisions({ id: proposalId, locale }).then(setHistory));
  };
  const exportPdf = (): void => {
    letter.flush();
    attempt(
      calls
        .exportPdf({ id: proposalId, locale })
        .then(({ fileName, base64 }) => downloadFile(fileName, [fromBase64(base64)], 'application/pdf')),
    );
  };
  const restore = (revision: number): void => {
    setHistory(null);
    setPicked(null);
    void letter.restore(revision);
  };
  return (
    <div className="variant-editor">
      <div className="variant-meta">
        <AutosaveIndicator state={letter.state} />
        {variant.outdated && variant.sourceLocale && (
          <span className="outdated" data-testid="variant-outdated">
            {t('variant.outdated', { source: formatLanguageName(variant.sourceLocale, i18n.language) })}{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => attempt(calls.markVariantCurrent({ id: proposalId, locale }).then(onSaved))}
            >
              {t('variant.markCurrent')}
            </button>
          </span>
        )}
        <span className="variant-links">
          <button type="button" className="link-button" onClick={showHistory} data-testid="show-history">
            {t('history.show')}
          </button>{' '}
          <button type="button" className="link-button" onClick={exportPdf} data-testid="export-pdf">
            {t('pdf.export')}
          </button>{' '}
          {editable && (
            <button type="button" className="link-button" onClick={() => setNaming(true)} data-testid="save-snippet">
              {t('snippets.saveAs')}
            </button>
          )}
        </span>
        {editable && variant.bodyText.trim() === '' && templates.length > 0 && (
          <select
            aria-label={t('templates.start')}
            value=""
            data-testid="start-from-template"
            onChange={(event) => event.target.value && void letter.startFromTemplate(event.target.value)}
          >
            <option value="">{t('templates.start')}</option>
            {templates.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}
              </option>
            ))}
          </select>
        )}
        {editable && snippets.length > 0 && (
          <select
            aria-label={t('snippets.insert')}
            value=""
            data-testid="insert-snippet"
            onChange={(event) => {
              const snippet = snippets.find((item) => item.id === event.target.value);
              if (snippet) letter.insert(snippet.bodyJson);
            }}
          >
            <option value="">{t('snippets.insert')}</option>
            {snippets.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}
              </option>
            ))}
          </select>
        )}
      </div>
      {(failed || letter.actionFailed) && (
        <p className="form-error" role="alert" data-testid="letter-action-failed">
          {t('actionFailed')}
        </p>
      )}
      <CoverLetterEditor
        handle={letter.editor}
        locale={locale}
        bodyJson={variant.bodyJson}
        editable={editable}
        autofocus={autofocus}
        onChange={letter.change}
        onBlur={() => letter.flush()}
      />
      {history && (
        <RevisionHistory
          revisions={history}
          currentRevision={history[0]?.revision ?? variant.revision}
          locale={locale}
          editable={editable}
          selected={picked}
          against={against}
          diff={diff}
          onSelect={setPicked}
          onAgainst={setAgainst}
          onRestore={restore}
          onClose={() => {
            setHistory(null);
            setPicked(null);
          }}
        />
      )}
      <PromptDialog
        isOpen={naming}
        title={t('snippets.saveAs')}
        label={t('snippets.namePrompt')}
        confirmLabel={t('library.save')}
        onSubmit={saveAsSnippet}
        onCancel={() => setNaming(false)}
      />
    </div>
  );
};
